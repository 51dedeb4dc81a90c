package catalog

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Routes are the requests of one object type for each operation. An empty Route means
// the API offers none (users can be neither created nor deleted).
type Routes struct {
	Create Route `json:"create"`
	Update Route `json:"update"`
	Delete Route `json:"delete"`
}

// Route is one request: a method and a path relative to /organization/{orgid}/, written
// in the catalog as "PATCH contact-service-queue/bulk", "PUT site/{id}" or
// "DELETE audio-file/{id}". A path that ends in /bulk carries a batch of items (a 207
// answer per item); one with {id} carries one object at a time.
type Route struct {
	Method string
	Path   string
}

// Bulk reports whether the route carries a batch of items.
func (r Route) Bulk() bool { return strings.HasSuffix(r.Path, "/bulk") }

// One reports whether the route addresses one object by its id.
func (r Route) One() bool { return strings.Contains(r.Path, "{id}") }

// String is the route as the catalog writes it; "" for none.
func (r Route) String() string {
	if r.Path == "" {
		return ""
	}
	return r.Method + " " + r.Path
}

// UnmarshalJSON reads "METHOD path".
func (r *Route) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*r = Route{}
		return nil
	}
	m, p, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok || p == "" {
		return fmt.Errorf("route %q is not \"METHOD path\"", s)
	}
	switch m {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
	default:
		return fmt.Errorf("route %q: method %s is not POST, PUT, PATCH or DELETE", s, m)
	}
	*r = Route{Method: m, Path: strings.TrimSpace(p)}
	return nil
}

// MarshalJSON writes the route back as "METHOD path".
func (r Route) MarshalJSON() ([]byte, error) { return json.Marshal(r.String()) }

// CreateRule is one entry of API.RequiredOnCreate: Field must be on a new object, when
// the new object's When field holds one of In (always when When is "").
type CreateRule struct {
	Field string
	When  string
	In    []string
}

// CreateRules parses RequiredOnCreate: "location", or "assetId when channelType in
// CHAT,EMAIL,SOCIAL_CHANNEL".
func (a API) CreateRules() ([]CreateRule, error) {
	var out []CreateRule
	for _, s := range a.RequiredOnCreate {
		field, cond, hasCond := strings.Cut(s, " when ")
		r := CreateRule{Field: strings.TrimSpace(field)}
		if hasCond {
			when, in, ok := strings.Cut(cond, " in ")
			if !ok {
				return nil, fmt.Errorf("requiredOnCreate %q: the condition is not \"FIELD in A,B\"", s)
			}
			r.When = strings.TrimSpace(when)
			for _, v := range strings.Split(in, ",") {
				r.In = append(r.In, strings.TrimSpace(v))
			}
		}
		if r.Field == "" || strings.Contains(r.Field, " ") {
			return nil, fmt.Errorf("requiredOnCreate %q: no field", s)
		}
		out = append(out, r)
	}
	return out, nil
}

// checkAPI rejects a routes table the engine could not follow.
func (a API) checkAPI() error {
	if _, err := a.CreateRules(); err != nil {
		return err
	}
	for _, r := range []Route{a.Routes.Create, a.Routes.Update, a.Routes.Delete} {
		if r.Path != "" && r.Bulk() == r.One() && !(r.Method == http.MethodPost && !r.Bulk()) {
			return fmt.Errorf("route %s neither carries a batch (…/bulk) nor one object ({id})", r)
		}
	}
	if err := checkDelete(a.Routes); err != nil {
		return err
	}
	for k := range a.Fixed {
		if a.Why[k] == "" {
			return fmt.Errorf("fixed %s: no why says why that is the default", k)
		}
	}
	return nil
}

// checkDelete keeps DELETE to the delete route, and to one object: a DELETE without an
// id removes every object of some types (DELETE dial-number deletes all of an
// organization's mappings), so a catalog must never name one.
func checkDelete(rs Routes) error {
	for _, r := range []Route{rs.Create, rs.Update} {
		if r.Method == http.MethodDelete {
			return fmt.Errorf("route %s: DELETE only deletes", r)
		}
	}
	if d := rs.Delete; d.Method == http.MethodDelete && !d.One() {
		return fmt.Errorf("route %s: a DELETE must name one object ({id}); without one it may delete them all", d)
	}
	return nil
}

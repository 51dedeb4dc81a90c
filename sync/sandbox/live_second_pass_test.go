package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/apispec"
)

// Live (wxcc-skills): a raw, unencoded double quote in filter is refused with 400, while
// the same value encoded, or unquoted as the catalog now writes it, selects the rows.
func TestRawQuotesInFilterRefusedAsLive(t *testing.T) {
	c := newTC(t, Options{})
	status, _, body := c.call("GET", `v2/entry-point?filter=entryPointType=="INBOUND"`, nil)
	if status != http.StatusBadRequest || !strings.Contains(string(body), "%22") {
		t.Errorf("raw quotes: %d %s, want 400 saying to encode them", status, body)
	}
	for _, f := range []string{`entryPointType=="INBOUND"`, `entryPointType==INBOUND`} {
		m := c.object("GET", "v2/entry-point?filter="+url.QueryEscape(f), nil, http.StatusOK)
		if n := len(m["data"].([]any)); n == 0 {
			t.Errorf("%s: no entry points", f)
		}
	}
}

// Live (wxcc-skills, "WORKITEM TRAP"): a multimedia profile's GET carries workItem at
// the top level and in manuallyAssignable; without the work-item feature flag a PUT that
// sends it back gets 400 "workItem is not allowed when feature flag is disabled", and
// the same PUT without it succeeds. With the flag it is taken.
func TestWorkItemRefusedWithoutFeatureFlag(t *testing.T) {
	for _, feature := range []bool{false, true} {
		c := newTC(t, Options{WorkItemFeature: feature})
		id := c.idOf("v2/multimedia-profile", "name", "Voice Only")
		got := c.object("GET", "multimedia-profile/"+id, nil, http.StatusOK)
		ma, _ := got["manuallyAssignable"].(map[string]any)
		if _, ok := got["workItem"]; !ok || ma["workItem"] == nil {
			t.Fatalf("GET has no workItem at the top level and in manuallyAssignable: %v", got)
		}
		got["description"] = "changed"
		status, _, body := c.call("PUT", "multimedia-profile/"+id, got)
		if feature {
			if status != http.StatusOK {
				t.Errorf("with the feature: %d %s", status, body)
			}
			continue
		}
		if status != http.StatusBadRequest || !strings.Contains(string(body), "workItem is not allowed when feature flag is disabled") {
			t.Errorf("without the feature: %d %s, want the live 400", status, body)
		}
		delete(got, "workItem")
		delete(ma, "workItem")
		c.object("PUT", "multimedia-profile/"+id, got, http.StatusOK)
	}
}

// Cisco's "Common API errors": an Authorization header that is missing or not "Bearer
// <token>" gets 400, a token that is not valid 401, and a 429 has no body, only
// Retry-After.
func TestAuthorizationAndRateAnswersAsCommonAPIErrors(t *testing.T) {
	c := newTC(t, Options{Seed: SeedEmpty, Rate: 1})
	for header, want := range map[string]int{"": 400, "Token abc": 400, "Bearer ": 400, "Bearer forged": 401} {
		req, _ := http.NewRequest("GET", c.abs("v2/site"), nil)
		if header != "" {
			req.Header.Set("Authorization", header)
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Authorization %q: %d, want %d", header, resp.StatusCode, want)
		}
	}
	c.object("GET", "v2/site", nil, http.StatusOK)
	status, h, body := c.call("GET", "v2/site", nil)
	if status != http.StatusTooManyRequests || len(body) != 0 || h.Get("Retry-After") == "" {
		t.Errorf("over the rate: %d, Retry-After %q, body %q; want 429 with Retry-After and no body", status, h.Get("Retry-After"), body)
	}
}

// Live (wxcc-sandbox-exporter, wxcc-skills): records carry links; systemDefault exists
// on 14 types only (not on skill profiles, address books, hours, holiday lists,
// overrides, outdial ANIs, dial numbers); the v2 desktop-layout list has no
// jsonFileContent and v2 skill-profile rows no skills, which a GET of one has.
func TestRecordsAndListsShapedAsLive(t *testing.T) {
	c := newTC(t, Options{})
	for path, wantDefault := range map[string]bool{"v2/site": true, "v2/team": true, "v2/skill-profile": false,
		"v2/holiday-list": false, "v3/address-book": false, "v2/outdial-ani": false} {
		m := c.object("GET", path+"?pageSize=1", nil, http.StatusOK)
		id := m["data"].([]any)[0].(map[string]any)["id"].(string)
		base := strings.TrimPrefix(strings.TrimPrefix(path, "v2/"), "v3/")
		if path == "v3/address-book" {
			base = path
		}
		got := c.object("GET", base+"/"+id, nil, http.StatusOK)
		if _, has := got["systemDefault"]; has != wantDefault {
			t.Errorf("%s: systemDefault present %v, want %v", base, has, wantDefault)
		}
		if links, ok := got["links"].([]any); !ok || len(links) != 0 {
			t.Errorf("%s: links %v, want []", base, got["links"])
		}
	}
	for path, field := range map[string]string{"v2/desktop-layout": "jsonFileContent", "v2/skill-profile": "activeSkills"} {
		row := c.object("GET", path+"?pageSize=1", nil, http.StatusOK)["data"].([]any)[0].(map[string]any)
		if _, listed := row[field]; listed {
			t.Errorf("%s: the list row has %s", path, field)
		}
		one := c.object("GET", strings.TrimPrefix(path, "v2/")+"/"+row["id"].(string), nil, http.StatusOK)
		if _, ok := one[field]; !ok {
			t.Errorf("%s: a GET lacks %s", path, field)
		}
	}
}

// Live (wxcc-skills, seen twice): userLevelSummariesInclusion and
// userLevelAutoCSATInclusion answer 200 and are not stored.
func TestUserLevelInclusionsAnswer200NotStored(t *testing.T) {
	c := newTC(t, Options{})
	user := c.object("GET", "v2/user?pageSize=1", nil, http.StatusOK)["data"].([]any)[0].(map[string]any)
	id := user["id"].(string)
	r := c.bulk("PATCH", "user/bulk", save(1, map[string]any{"id": id, "userLevelSummariesInclusion": "INCLUDED",
		"userLevelAutoCSATInclusion": "EXCLUDED", "timezone": "Europe/Prague"}))[0]
	if num(r["status"]) != 200 {
		t.Fatalf("PATCH: %v", r)
	}
	got := c.object("GET", "user/"+id, nil, http.StatusOK)
	if got["timezone"] != "Europe/Prague" || got["userLevelSummariesInclusion"] != nil || got["userLevelAutoCSATInclusion"] != nil {
		t.Errorf("stored: timezone %v, summaries %v, autoCSAT %v", got["timezone"], got["userLevelSummariesInclusion"], got["userLevelAutoCSATInclusion"])
	}
}

// Live, not in the spec (wxcc-skills, wxcc-sandbox-exporter): the tenant record, an
// audio file's bytes under the organization, and POST user/bulk (207) are served, and
// the spec check leaves them alone.
func TestLiveRoutesBeyondTheSpec(t *testing.T) {
	c := newTC(t, Options{})
	org := c.object("GET", "/organization/"+c.s.OrgID(), nil, http.StatusOK)
	if org["id"] != c.s.OrgID() || org["name"] != SandboxOrgName || org["subscriptionType"] == nil {
		t.Errorf("tenant record %v", org)
	}
	audio := c.object("GET", "v2/audio-file?pageSize=1", nil, http.StatusOK)["data"].([]any)[0].(map[string]any)
	status, h, body := c.call("GET", "blob/"+audio["blobId"].(string), nil)
	if status != http.StatusOK || !strings.HasPrefix(string(body), "RIFF") || h.Get("Content-Type") != "audio/wav" {
		t.Errorf("blob: %d %q %.4q", status, h.Get("Content-Type"), body)
	}
	user := c.object("GET", "v2/user?pageSize=1", nil, http.StatusOK)["data"].([]any)[0].(map[string]any)
	r := c.bulk("POST", "user/bulk", save(1, map[string]any{"id": user["id"], "timezone": "Asia/Tokyo"}))[0]
	if num(r["status"]) != 200 || c.object("GET", "user/"+user["id"].(string), nil, http.StatusOK)["timezone"] != "Asia/Tokyo" {
		t.Errorf("POST user/bulk: %v", r)
	}
	if n := len(c.s.SpecViolations()); n != 0 {
		t.Errorf("%d spec violations: %v", n, c.s.SpecViolations())
	}
}

// Live and in the spec (AddressBookWithEntriesDTO): POST address-book takes the
// entries, GET address-book/{id} and v2/address-book embed them as addressBookEntries
// (v3 leaves them out), a PUT without them keeps them, one with them replaces them, and
// DELETE address-book/{id} removes the book with its entries.
func TestAddressBookRoutesWithEntries(t *testing.T) {
	c := newTC(t, Options{Seed: SeedEmpty})
	entries := func(m map[string]any) []string {
		var out []string
		for _, e := range m["addressBookEntries"].([]any) {
			out = append(out, e.(map[string]any)["name"].(string)+"="+e.(map[string]any)["number"].(string))
		}
		return out
	}
	book := c.object("POST", "address-book", map[string]any{"name": "Desk", "parentType": "ORGANIZATION",
		"addressBookEntries": []any{map[string]any{"name": "A", "number": "111"}, map[string]any{"name": "B", "number": "222"}}}, http.StatusCreated)
	id := book["id"].(string)
	if got := strings.Join(entries(c.object("GET", "address-book/"+id, nil, http.StatusOK)), ","); got != "A=111,B=222" {
		t.Errorf("GET address-book/{id} entries %s", got)
	}
	if _, has := c.object("GET", "v3/address-book/"+id, nil, http.StatusOK)["addressBookEntries"]; has {
		t.Error("the v3 GET embeds the entries")
	}
	v3 := c.object("GET", "v3/address-book/"+id, nil, http.StatusOK)
	v3["description"] = "kept"
	c.object("PUT", "address-book/"+id, v3, http.StatusOK)
	got := c.object("GET", "address-book/"+id, nil, http.StatusOK)
	if strings.Join(entries(got), ",") != "A=111,B=222" || got["description"] != "kept" {
		t.Errorf("PUT without entries: %v", got)
	}
	got["addressBookEntries"] = []any{map[string]any{"name": "B", "number": "333"}}
	c.object("PUT", "address-book/"+id, got, http.StatusOK)
	list := c.object("GET", "v2/address-book", nil, http.StatusOK)["data"].([]any)
	if len(list) != 1 || strings.Join(entries(list[0].(map[string]any)), ",") != "B=333" {
		t.Errorf("v2 list after a PUT with entries: %v", list)
	}
	c.object("DELETE", "address-book/"+id, nil, http.StatusNoContent)
	c.object("GET", "v3/address-book/"+id, nil, http.StatusNotFound)
}

// The outdial ANI entry routes (spec; live per wxcc-skills): list, add, read, replace and
// remove one entry, each a change of the ANI's outdialANIEntries.
func TestOutdialANIEntryRoutes(t *testing.T) {
	c := newTC(t, Options{})
	ani := c.idOf("v2/outdial-ani", "name", "Main ANIs")
	list := c.object("GET", "v2/outdial-ani/"+ani+"/entry", nil, http.StatusOK)
	n := num(list["meta"].(map[string]any)["totalRecords"])
	status, _, body := c.call("POST", "outdial-ani/"+ani+"/entry", map[string]any{"name": "Brno Main", "number": "+420532000100"})
	if status != http.StatusOK && status != http.StatusCreated {
		t.Fatalf("POST entry: %d %s", status, body)
	}
	added := c.object("GET", "v2/outdial-ani/"+ani+"/entry", nil, http.StatusOK)["data"].([]any)
	if len(added) != n+1 {
		t.Fatalf("%d entries after adding one to %d", len(added), n)
	}
	id := added[n].(map[string]any)["id"].(string)
	c.object("PUT", "outdial-ani/"+ani+"/entry/"+id, map[string]any{"name": "Brno Main", "number": "+420532000199"}, http.StatusOK)
	if got := c.object("GET", "outdial-ani/"+ani+"/entry/"+id, nil, http.StatusOK); got["number"] != "+420532000199" {
		t.Errorf("after PUT: %v", got)
	}
	c.object("DELETE", "outdial-ani/"+ani+"/entry/"+id, nil, http.StatusNoContent)
	c.object("GET", "outdial-ani/"+ani+"/entry/"+id, nil, http.StatusNotFound)
}

// Every DELETE the spec has on a type the sandbox keeps is served: it answers with the
// API's own error body (404 for an unknown id), never the framework's "no such route".
func TestSandboxDeletesEveryTypeTheSpecDeletes(t *testing.T) {
	c := newTC(t, Options{})
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(apispec.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	ani := c.idOf("v2/outdial-ani", "name", "Main ANIs")
	book := c.object("GET", "v3/address-book?pageSize=1", nil, http.StatusOK)["data"].([]any)[0].(map[string]any)["id"].(string)
	served := 0
	for path, ops := range doc.Paths {
		rest, ok := strings.CutPrefix(path, "/organization/{orgid}/")
		if _, del := ops["delete"]; !ok || !del || !strings.HasSuffix(rest, "/{id}") {
			continue
		}
		if byKey[strings.Split(unversioned(rest), "/")[0]] == nil {
			continue // a type the sandbox does not keep
		}
		rest = strings.NewReplacer("{addressBookId}", book, "{outDialAniId}", ani, "{id}", "no-such-id").Replace(rest)
		status, _, body := c.call("DELETE", rest, nil)
		if status != http.StatusNotFound || !strings.Contains(string(body), "trackingId") {
			t.Errorf("DELETE %s: %d %s", rest, status, body)
		}
		served++
	}
	t.Logf("%d DELETE routes of the spec served", served)
	if served < 22 {
		t.Errorf("%d DELETE routes checked, want the 22 and more of the types kept", served)
	}
}

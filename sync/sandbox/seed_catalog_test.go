package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// The demo organization obeys the rules of Control Hub's sheets: every object of every
// type the API covers has each field a column requires (required, or requiredWhen its
// condition holds) and none a column forbids. An export of the demo organization then
// validates clean and submits back unchanged; a seed that drifts fails here, naming the
// object and the column, rather than as a row left out of sync/jobs' round trip.
func TestDemoSeedMeetsCatalog(t *testing.T) {
	c := newTC(t, Options{})
	for _, o := range catalog.All() {
		if !o.API.Covered || o.Format != catalog.FormatCSV || o.API.List == "" {
			continue
		}
		t.Run(o.Key, func(t *testing.T) {
			objs := c.catalogObjects(o)
			if len(objs) == 0 {
				t.Fatalf("the demo organization has no %s: an export of it proves nothing", o.Title)
			}
			for _, obj := range objs {
				for _, gap := range catalogGaps(o, obj) {
					t.Errorf("%s %q: %s", o.Title, text(obj[o.API.KeyField]), gap)
				}
			}
		})
	}
}

// The checker itself: a seeded object with one field taken away shows exactly that gap,
// and a field a condition does not require may go.
func TestCatalogGaps(t *testing.T) {
	st, err := seed(newUUID(), SeedDemo, 1)
	if err != nil {
		t.Fatal(err)
	}
	find := func(key, name string) map[string]any {
		for _, rec := range st.tables[key].recs {
			if str(rec.obj["name"]) == name {
				return cloneMap(rec.obj)
			}
		}
		t.Fatalf("the demo organization has no %s %q", key, name)
		return nil
	}
	for _, cs := range []struct {
		catalogKey, key, name string
		change                func(map[string]any)
		want                  []string
	}{
		{"global_variable", "cad-variable", "AccountNumber", func(o map[string]any) { o["defaultValue"] = "" },
			[]string{"Default Value (defaultValue) is required"}},
		{"queue", "contact-service-queue", "Sales Queue", func(o map[string]any) { delete(o, "recordingPauseDuration") },
			[]string{"Recording Pause Duration (recordingPauseDuration) is required when Channel Type is TELEPHONY"}},
		{"queue", "contact-service-queue", "Chat Support Queue", func(o map[string]any) { delete(o, "recordingPauseDuration") }, nil},
		{"outdial_queue", "contact-service-queue", "Outbound Campaign Queue", func(o map[string]any) { delete(o, "recordingPauseDuration") },
			[]string{"Recording Pause Duration (recordingPauseDuration) is required"}},
		{"desktop_profile", "agent-profile", "Agent Default", func(o map[string]any) { delete(o, "screenPopup") },
			[]string{"Screen Popups (screenPopup) is required"}},
		{"desktop_profile", "agent-profile", "Agent Default", func(o map[string]any) { delete(o, "autoWrapAfterSeconds") },
			[]string{"Auto Wrap Up Time (autoWrapAfterSeconds) is required when Wrap Up Type is AUTO"}},
		{"desktop_profile", "agent-profile", "Supervisor Desktop", func(o map[string]any) { delete(o, "autoWrapAfterSeconds") }, nil},
		{"desktop_profile", "agent-profile", "Prague Agents", func(o map[string]any) { o["viewableStatistics"].(map[string]any)["agentStats"] = nil },
			[]string{"Agent Statistics (viewableStatistics.agentStats) is required"}},
		{"skill_profile", "skill-profile", "Sales Agent", func(o map[string]any) {
			// booleanValue too: ActiveSkillDTO requires it (false) on every skill.
			delete(o["activeSkills"].([]any)[1].(map[string]any), "proficiencyValue")
			delete(o["activeSkills"].([]any)[1].(map[string]any), "booleanValue")
		},
			[]string{"Skill Values (activeSkills[1].value) is required when Skill Name is filled"}},
		{"team", "team", "Overflow", func(o map[string]any) { o["skillProfileId"] = "x" },
			[]string{"Skill Profile (skillProfileId) must be empty when Type is CAPACITY"}},
		{"outdial_ani", "outdial-ani", "Main ANIs", func(o map[string]any) { o["outdialANIEntries"].([]any)[2].(map[string]any)["number"] = "" },
			[]string{"Entry Number (outdialANIEntries[2].number) is required when Entry Name is filled"}},
	} {
		o, ok := catalog.Lookup(cs.catalogKey)
		if !ok {
			t.Fatalf("no catalog type %s", cs.catalogKey)
		}
		obj := find(cs.key, cs.name)
		if gaps := catalogGaps(o, obj); len(gaps) > 0 {
			t.Errorf("%s %q as seeded: %v", cs.key, cs.name, gaps)
		}
		cs.change(obj)
		if got := catalogGaps(o, obj); !slices.Equal(got, cs.want) {
			t.Errorf("%s %q changed: gaps %q, want %q", cs.key, cs.name, got, cs.want)
		}
	}
}

// catalogObjects reads every object of catalog type o as a client would: the list
// (filtered as the catalog says), then each object whole, since lists leave arrays out.
func (c *tc) catalogObjects(o *catalog.Object) []map[string]any {
	c.t.Helper()
	q := url.Values{"pageSize": {fmt.Sprint(maxPageSize)}}
	if o.API.Filter != "" {
		q.Set("filter", o.API.Filter)
	}
	var out []map[string]any
	for page := 0; ; page++ {
		q.Set("page", fmt.Sprint(page))
		m := c.object("GET", o.API.List+"?"+q.Encode(), nil, http.StatusOK)
		data, _ := m["data"].([]any)
		if len(data) == 0 {
			return out
		}
		for _, d := range data {
			id := str(d.(map[string]any)["id"])
			obj := c.object("GET", strings.ReplaceAll(o.API.Get, "{id}", id), nil, http.StatusOK)
			if o.Key == "address_book" { // the entries are a resource of their own
				m := c.object("GET", "v2/address-book/"+id+"/entry", nil, http.StatusOK)
				obj["entries"] = m["data"]
			}
			out = append(out, obj)
		}
	}
}

// catalogGaps lists what obj, one object of catalog type o as the API returns it, lacks
// of what o's sheet requires, or holds of what it forbids; each names the column, the
// API field and the rule.
func catalogGaps(o *catalog.Object, obj map[string]any) []string {
	var gaps []string
	check := func(c *catalog.Column, scope, el map[string]any, path, loc string) {
		filled := cellOf(c, scope, path) != ""
		if why, ok := ruleHolds(o, c.RequiredWhen, obj, el); (c.Required || ok) && !filled {
			gaps = append(gaps, fmt.Sprintf("%s (%s) is required%s", c.Header, loc, why))
		}
		if why, ok := ruleHolds(o, c.ForbiddenWhen, obj, el); ok && filled {
			gaps = append(gaps, fmt.Sprintf("%s (%s) must be empty%s", c.Header, loc, why))
		}
	}
	for i := range o.Columns {
		c := &o.Columns[i]
		switch {
		case c.APIField == "":
		case !c.Child:
			check(c, obj, nil, c.APIField, c.APIField)
		default: // each element of the array is a child row
			array, rest, _ := strings.Cut(c.APIField, "[].")
			elems, _ := obj[array].([]any)
			for n, e := range elems {
				if el, ok := e.(map[string]any); ok {
					check(c, el, el, rest, fmt.Sprintf("%s[%d].%s", array, n, rest))
				}
			}
		}
	}
	return gaps
}

// ruleHolds reports whether any of the conditions holds on the row of obj (el for a
// child row) and says which, as " when Column is VALUE".
func ruleHolds(o *catalog.Object, conds []catalog.Condition, obj, el map[string]any) (string, bool) {
	for _, cond := range conds {
		i := o.Column(cond.Column)
		if i < 0 {
			continue
		}
		c := &o.Columns[i]
		scope, path := obj, c.APIField
		if c.Child {
			if el == nil {
				continue // a parent row leaves child columns empty
			}
			_, path, _ = strings.Cut(c.APIField, "[].")
			scope = el
		}
		v := ""
		if path != "" { // a column the API has no field for exports empty
			v = cellOf(c, scope, path)
		}
		if cond.Filled && v != "" {
			return " when " + c.Header + " is filled", true
		}
		for _, in := range cond.In {
			if strings.EqualFold(in, v) {
				return " when " + c.Header + " is " + in, true
			}
		}
	}
	return "", false
}

// derivedFields are the catalog's API fields that name no field of the DTO, and where the
// value is instead: a skill's value is in the field of the skill's type.
var derivedFields = map[string][]string{
	"value": {"booleanValue", "proficiencyValue", "textValue"},
}

// cellOf renders what path reaches in m as the cell of column c an export writes:
// booleans as ON/OFF (true/false for boolean columns), enum values in the sheet's
// spelling, arrays as lists; "" when nothing is there.
func cellOf(c *catalog.Column, m map[string]any, path string) string {
	paths := []string{path}
	if alt, ok := derivedFields[path]; ok {
		paths = alt
	}
	var parts []string
	for _, p := range paths {
		for _, v := range values(m, p) {
			list, isList := v.([]any)
			if !isList {
				list = []any{v}
			}
			for _, item := range list {
				if s := strings.TrimSpace(sheetText(c, item)); s != "" {
					parts = append(parts, s)
				}
			}
		}
	}
	return strings.Join(parts, catalog.ListSeparator)
}

func sheetText(c *catalog.Column, v any) string {
	s := text(v)
	if b, ok := v.(bool); ok && c.Type == catalog.OnOff {
		s = map[bool]string{true: "ON", false: "OFF"}[b]
	}
	if c.Type == catalog.Enum {
		for sheet, api := range c.APIValues {
			if api == s {
				return sheet
			}
		}
	}
	return s
}

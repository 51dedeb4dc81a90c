package catalog

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// knownElsewhere are object types of Control Hub's Bulk Operations that the catalog
// leaves out on purpose: nothing is known of their columns or API, so a column may
// refer to them (Desktop Profile's Agent Threshold Alerts) but no sheet describes them.
var knownElsewhere = map[string]string{
	"threshold_rule":           "Threshold Rules",
	"call_recording_schedule":  "Call Recording Schedules",
	"call_monitoring_schedule": "Call Monitoring Schedules",
}

// want lists every object type the catalog must hold, with its navigation group and
// where its header row comes from.
var want = []struct {
	key, group, headerSource string
}{
	{"site", "People & teams", "S"},
	{"work_type", "Desktop", "S"},
	{"entry_point", "Routing", "P"},
	{"outdial_entry_point", "Routing", "A"},
	{"queue", "Routing", "S"},
	{"outdial_queue", "Routing", "A"},
	{"skill_definition", "People & teams", "S"},
	{"skill_profile", "People & teams", "S"},
	{"auxiliary_code", "Desktop", "S"},
	{"address_book", "Desktop", "A"},
	{"team", "People & teams", "S"},
	{"desktop_profile", "Desktop", "S"},
	{"user", "People & teams", "S"},
	{"user_profile", "People & teams", "A"},
	{"audio_file", "Media", "A"},
	{"entry_point_mapping", "Routing", "S"},
	{"outdial_ani", "Desktop", "A"},
	{"global_variable", "Desktop", "S"},
	{"multimedia_profile", "People & teams", "S"},
	{"desktop_layout", "Desktop", "A"},
	{"dial_plan", "Routing", "A"},
	{"holiday_list", "Schedules", "A"},
	{"override", "Schedules", "A"},
	{"working_hours", "Schedules", "A"},
}

func TestCatalogHoldsEveryType(t *testing.T) {
	all := All()
	if len(all) != len(want) {
		t.Errorf("catalog holds %d object types, want %d", len(all), len(want))
	}
	for _, w := range want {
		o, ok := Lookup(w.key)
		if !ok {
			t.Errorf("%s: missing", w.key)
			continue
		}
		if o.Key != w.key || o.Group != w.group || o.HeaderSource != w.headerSource {
			t.Errorf("%s: got key %q group %q header source %q, want %q %q %q",
				w.key, o.Key, o.Group, o.HeaderSource, w.key, w.group, w.headerSource)
		}
	}
	for k := range knownElsewhere {
		if _, ok := Lookup(k); ok {
			t.Errorf("%s is in the catalog although nothing is known of its columns", k)
		}
	}
}

// Every file under data/ must decode strictly (no misspelled field silently ignored)
// and pass check.
func TestEveryFileLoads(t *testing.T) {
	paths, err := filepath.Glob("data/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no data files: %v", err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			dec := json.NewDecoder(strings.NewReader(string(b)))
			dec.DisallowUnknownFields()
			o := new(Object)
			if err := dec.Decode(o); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if err := o.check(); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if filepath.Base(p) != o.Key+".json" {
				t.Errorf("%s holds key %q", p, o.Key)
			}
		})
	}
}

func TestPatternsCompile(t *testing.T) {
	for _, o := range All() {
		for _, c := range o.Columns {
			for _, p := range []string{c.Pattern, c.WarnPattern} {
				if p == "" {
					continue
				}
				if _, err := regexp.Compile(p); err != nil {
					t.Errorf("%s.%s: %q: %v", o.Key, c.Header, p, err)
				}
			}
			if c.Pattern != "" && c.PatternHint == "" {
				t.Errorf("%s.%s: a pattern without a hint gives the user a regexp to read", o.Key, c.Header)
			}
		}
	}
}

// Patterns must accept what an administrator would type and refuse what the API refuses.
func TestPatternsMatchExamples(t *testing.T) {
	cases := []struct {
		key, column, value string
		ok                 bool
	}{
		{"site", "Name", "Chicago-North_2", true},
		{"site", "Name", "Chicago.North", false},
		{"entry_point", "Name", "Sales & Support", true},
		{"entry_point", "Name", "Sales.Support", false},
		{"auxiliary_code", "Name", "Lunch (30 min)/Break", true},
		{"auxiliary_code", "Name", "Lunch: 30", false},
		{"global_variable", "Name", "customer_tier", true},
		{"global_variable", "Name", "customer tier", false},
		{"entry_point_mapping", "Dialed Number", "+14155550100", true},
		{"entry_point_mapping", "Dialed Number", "+1 415 555", false},
		{"address_book", "Entry Number", "+1(415)555-0100", true},
		{"address_book", "Entry Number", "ext 12", false},
		{"audio_file", "File Name", "Welcome prompt.WAV", true},
		{"audio_file", "File Name", "welcome.mp3", false},
		{"holiday_list", "Name", "Bank Holidays 2026", true},
		{"holiday_list", "Name", "Bank  Holidays", false},
		{"override", "Start Date Time", "2026-12-24T14:00", true},
		{"override", "Start Date Time", "2026-12-24 14:00", false},
		{"skill_definition", "List Values For Enum", "Gold", true},
		{"skill_definition", "List Values For Enum", "Gold+", false},
	}
	for _, c := range cases {
		o, _ := Lookup(c.key)
		i := o.Column(c.column)
		if i < 0 {
			t.Fatalf("%s has no column %s", c.key, c.column)
		}
		re := regexp.MustCompile(o.Columns[i].Pattern)
		if got := re.MatchString(c.value); got != c.ok {
			t.Errorf("%s.%s %q: match %v, want %v", c.key, c.column, c.value, got, c.ok)
		}
	}
}

func TestRefsNameKnownTypes(t *testing.T) {
	for _, o := range All() {
		for _, c := range o.Columns {
			if c.Ref == "" {
				if c.Type == Ref {
					t.Errorf("%s.%s: ref column without target", o.Key, c.Header)
				}
				continue
			}
			if c.Type != Ref {
				t.Errorf("%s.%s: names target %q but is of type %s", o.Key, c.Header, c.Ref, c.Type)
			}
			_, inCatalog := byKey[c.Ref]
			if _, omitted := knownElsewhere[c.Ref]; !inCatalog && !omitted {
				t.Errorf("%s.%s: refers to unknown object type %q", o.Key, c.Header, c.Ref)
			}
		}
	}
}

// A condition must name a column of the same object, and an In value must be one the
// column can hold, or the rule would never fire.
func TestConditionsNameColumnsAndValues(t *testing.T) {
	for _, o := range All() {
		for _, c := range o.Columns {
			conds := append(append([]Condition(nil), c.RequiredWhen...), c.ForbiddenWhen...)
			for _, w := range conds {
				i := o.Column(w.Column)
				if i < 0 {
					t.Errorf("%s.%s: condition on %q, not a column of %s", o.Key, c.Header, w.Column, o.Key)
					continue
				}
				if w.Column == c.Header {
					t.Errorf("%s.%s: condition on itself", o.Key, c.Header)
				}
				for _, v := range w.In {
					if !canHold(o.Columns[i], v) {
						t.Errorf("%s.%s: condition %s in %q, which %s cannot hold", o.Key, c.Header, w.Column, v, w.Column)
					}
				}
			}
		}
	}
}

func canHold(c Column, v string) bool {
	switch c.Type {
	case OnOff:
		return strings.EqualFold(v, "ON") || strings.EqualFold(v, "OFF")
	case Enum:
		for _, x := range c.Values {
			if strings.EqualFold(x, v) {
				return true
			}
		}
		return false
	}
	return true
}

func TestKeyColumns(t *testing.T) {
	cases := map[string][]string{
		"site":                {"Name"},
		"team":                {"Name", "Site"},
		"user":                {"Email"},
		"entry_point_mapping": {"Dialed Number"},
		"audio_file":          {"File Name"},
	}
	for _, o := range All() {
		if len(o.KeyColumns) == 0 {
			t.Errorf("%s: no key columns", o.Key)
		}
		if w, ok := cases[o.Key]; ok && strings.Join(o.KeyColumns, ",") != strings.Join(w, ",") {
			t.Errorf("%s: key columns %v, want %v", o.Key, o.KeyColumns, w)
		}
		for _, k := range o.KeyColumns {
			i := o.Column(k)
			if i < 0 {
				t.Errorf("%s: key column %q is not a column", o.Key, k)
				continue
			}
			if c := o.Columns[i]; !c.Required || c.Child {
				t.Errorf("%s: key column %q must be required on every row", o.Key, k)
			}
		}
		// The API looks objects up by keyField: it must be what the first key column is sent as.
		i := o.Column(o.KeyColumns[0])
		if i < 0 {
			continue
		}
		if first := o.Columns[i]; first.APIField != o.API.KeyField {
			t.Errorf("%s: key column %q is sent as %q but the API key field is %q",
				o.Key, first.Header, first.APIField, o.API.KeyField)
		}
	}
}

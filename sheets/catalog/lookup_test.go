package catalog

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	cases := []struct {
		name, want string
	}{
		{"site", "site"},
		{"Site", "site"},
		{"entry_point", "entry_point"},
		{"Entry Point", "entry_point"},
		{"  entry point ", "entry_point"},
		{"ENTRY-POINT", "entry_point"},
		{"Desktop Profile", "desktop_profile"},
		{"Agent Profile", "desktop_profile"},
		{"agent profile", "desktop_profile"},
		{"DN to EP Mapping", "entry_point_mapping"},
		{"dn to ep mapping", "entry_point_mapping"},
		{"Entry Point Mappings", "entry_point_mapping"},
		{"Dial Number", "entry_point_mapping"},
		{"Worktype", "work_type"},
		{"Work Types", "work_type"},
		{"Global Variables", "global_variable"},
		{"Business Hours", "working_hours"},
		{"Holidays", "holiday_list"},
		{"\ufeffUser", "user"},
		{"Outdial ANI", "outdial_ani"},
	}
	for _, c := range cases {
		o, ok := Lookup(c.name)
		if !ok {
			t.Errorf("Lookup(%q): not found, want %s", c.name, c.want)
			continue
		}
		if o.Key != c.want {
			t.Errorf("Lookup(%q) = %s, want %s", c.name, o.Key, c.want)
		}
	}
	for _, name := range []string{"", "Threshold Rules", "threshold_rule", "Call Recording Schedules", "Sites and teams"} {
		if o, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) = %s, want not found", name, o.Key)
		}
	}
}

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		"Skill-Based Agent Selection": "skillbasedagentselection",
		"\ufeffName":                  "name",
		"  Time_Zone ":                "timezone",
		"DN\tto EP":                   "dntoep",
		"":                            "",
	}
	for in, want := range cases {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestColumnMatchesSpellings(t *testing.T) {
	q, _ := Lookup("queue")
	cases := []struct {
		header string
		want   string
	}{
		{"Skill-Based Agent Selection", "Skill-Based Agent Selection"},
		{"skill based agent selection", "Skill-Based Agent Selection"},
		{"TIME ZONE", "Timezone"},
		{"Group teams", "Group Teams"},
		{"Unknown Column", ""},
	}
	for _, c := range cases {
		i := q.Column(c.header)
		got := ""
		if i >= 0 {
			got = q.Columns[i].Header
		}
		if got != c.want {
			t.Errorf("queue.Column(%q) = %q, want %q", c.header, got, c.want)
		}
	}
}

// Headers is the template a user starts from: the catalog's spelling, in order.
func TestHeaders(t *testing.T) {
	site, _ := Lookup("site")
	if got := strings.Join(site.Headers(), ","); got != "Name,Multimedia Profile" {
		t.Errorf("site headers %q", got)
	}
	for _, o := range All() {
		if len(o.Headers()) != len(o.Columns) {
			t.Errorf("%s: %d headers for %d columns", o.Key, len(o.Headers()), len(o.Columns))
		}
	}
}

package catalog

import (
	"strings"
	"testing"
)

// Every header gets a tooltip and an XLSX note: one plain sentence.
func TestDescriptions(t *testing.T) {
	for _, o := range All() {
		for _, c := range o.Columns {
			d := c.Description
			if d == "" || !strings.HasSuffix(d, ".") || strings.Count(strings.TrimSuffix(d, "."), ". ") > 0 {
				t.Errorf("%s.%s: description %q is not one sentence", o.Key, c.Header, d)
			}
			if len(d) > 200 {
				t.Errorf("%s.%s: description of %d characters is too long for a tooltip", o.Key, c.Header, len(d))
			}
		}
	}
}

// The rules the brief and the research name explicitly.
func TestConditionalRules(t *testing.T) {
	cases := []struct {
		key, column string
		required    bool // else forbidden
		on, value   string
	}{
		{"team", "DN", true, "Type", "CAPACITY"},
		{"team", "Capacity", true, "Type", "CAPACITY"},
		{"team", "Skill Profile", false, "Type", "CAPACITY"},
		{"team", "Multimedia Profile", false, "Type", "CAPACITY"},
		{"queue", "Permit Monitoring", true, "Channel Type", "TELEPHONY"},
		{"queue", "Default Music in Queue", true, "Channel Type", "TELEPHONY"},
		{"queue", "Skill-Based Agent Selection", true, "Routing Type", "SKILLS_BASED"},
		{"entry_point", "Social Channel Type", true, "Channel Type", "SOCIAL CHANNEL"},
		{"entry_point", "Social Channel Type", false, "Channel Type", "CHAT"},
		{"desktop_profile", "Wrap Up Codes", true, "Wrap Up Options", "SPECIFIC"},
		{"desktop_profile", "Idle Codes", true, "Idle Options", "SPECIFIC"},
		{"desktop_profile", "Buddy Teams", true, "Buddy Team Option", "SPECIFIC"},
		{"desktop_profile", "Selected Queues", true, "Queue Statistics Option", "SPECIFIC"},
		{"desktop_profile", "Auto Wrap Up Time", true, "Wrap Up Type", "AUTO"},
		{"desktop_profile", "Outdial EP", true, "Outdial Enabled", "ON"},
		{"skill_definition", "List Values For Enum", true, "Type", "ENUM"},
		{"address_book", "Site", true, "Parent Type", "SITE"},
		{"address_book", "Site", false, "Parent Type", "ORGANIZATION"},
	}
	for _, c := range cases {
		o, _ := Lookup(c.key)
		i := o.Column(c.column)
		if i < 0 {
			t.Errorf("%s has no column %s", c.key, c.column)
			continue
		}
		conds := o.Columns[i].ForbiddenWhen
		if c.required {
			conds = o.Columns[i].RequiredWhen
		}
		if !holds(conds, c.on, c.value) {
			t.Errorf("%s.%s: required=%v when %s is %s: not in the catalog", c.key, c.column, c.required, c.on, c.value)
		}
	}
	user, _ := Lookup("user")
	dp := user.Columns[user.Column("Desktop Profile")]
	if len(dp.RequiredWhen) != 2 || !dp.RequiredWhen[0].Filled || !dp.RequiredWhen[1].Filled {
		t.Errorf("user.Desktop Profile: required when Site or Teams is filled, got %+v", dp.RequiredWhen)
	}
}

func holds(conds []Condition, column, value string) bool {
	for _, w := range conds {
		if w.Column != column {
			continue
		}
		for _, v := range w.In {
			if strings.EqualFold(v, value) {
				return true
			}
		}
	}
	return false
}

func TestRowModels(t *testing.T) {
	groups := map[string]bool{"queue": true, "outdial_queue": true, "skill_profile": true, "address_book": true,
		"outdial_ani": true, "holiday_list": true, "override": true, "working_hours": true, "user_profile": true}
	for _, o := range All() {
		if got := o.Rows == Group; got != groups[o.Key] {
			t.Errorf("%s: rows %q", o.Key, o.Rows)
		}
		for _, c := range o.Columns {
			if c.Child && c.Required {
				t.Errorf("%s.%s: a child column cannot be required on the parent row", o.Key, c.Header)
			}
		}
	}
}

// Order is a dependency-safe import order: what a column refers to is imported first.
// Team and Desktop Layout point at each other; layouts come first, without teams.
func TestImportOrder(t *testing.T) {
	seen := map[int]string{}
	for _, o := range All() {
		if prev, ok := seen[o.Order]; ok {
			t.Errorf("%s and %s share order %d", prev, o.Key, o.Order)
		}
		seen[o.Order] = o.Key
		for _, c := range o.Columns {
			target, ok := byKey[c.Ref]
			if !ok || (o.Key == "desktop_layout" && c.Ref == "team") {
				continue
			}
			if target.Order >= o.Order {
				t.Errorf("%s (order %d) refers to %s (order %d) through %q, which is imported later",
					o.Key, o.Order, target.Key, target.Order, c.Header)
			}
		}
	}
	all := All()
	for i := 1; i < len(all); i++ {
		if all[i-1].Order > all[i].Order {
			t.Errorf("All is not sorted by order: %s before %s", all[i-1].Key, all[i].Key)
		}
	}
}

func TestGroupsAndTitles(t *testing.T) {
	groups := map[string]bool{"Routing": true, "People & teams": true, "Desktop": true, "Media": true, "Schedules": true}
	titles := map[string]string{}
	for _, o := range All() {
		if !groups[o.Group] {
			t.Errorf("%s: group %q", o.Key, o.Group)
		}
		for _, n := range append([]string{o.Key, o.Title}, o.Aliases...) {
			if prev, ok := titles[Normalize(n)]; ok && prev != o.Key {
				t.Errorf("%q names both %s and %s", n, prev, o.Key)
			}
			titles[Normalize(n)] = o.Key
		}
	}
}

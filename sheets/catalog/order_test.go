package catalog

import (
	"fmt"
	"strings"
	"testing"
)

// TestDependencyOrderOfTheCatalog: in the derived order every type comes after each type
// its columns refer to, but for the late references of a cycle, which must each be part
// of a real cycle (the referred type refers back, directly or not). A new type whose
// references would make the order wrong fails here.
func TestDependencyOrderOfTheCatalog(t *testing.T) {
	order, late := DependencyOrder(All())
	if len(order) != len(All()) {
		t.Fatalf("%d types in the order, want %d", len(order), len(All()))
	}
	checkOrder(t, order, late)
	var keys []string
	for _, o := range order {
		keys = append(keys, o.Key)
	}
	t.Logf("order: %s; late: %v", strings.Join(keys, " → "), late)
}

func checkOrder(t *testing.T, order []*Object, late []LateRef) {
	t.Helper()
	pos := map[string]int{}
	for i, o := range order {
		pos[o.Key] = i
	}
	isLate := map[LateRef]bool{}
	for _, l := range late {
		isLate[l] = true
		if !reaches(order, l.To, l.From) {
			t.Errorf("%s → %s is late but %s does not refer back to %s: no cycle", l.From, l.To, l.To, l.From)
		}
	}
	for _, o := range order {
		for _, c := range o.Columns {
			p, ok := pos[c.Ref]
			if c.Type != Ref || !ok || c.Ref == o.Key || p < pos[o.Key] {
				continue
			}
			if !isLate[LateRef{From: o.Key, Column: c.Header, To: c.Ref}] {
				t.Errorf("%s (column %s) refers to %s, which comes after it", o.Key, c.Header, c.Ref)
			}
		}
	}
}

// reaches reports whether type from refers to type to, directly or through others.
func reaches(objs []*Object, from, to string) bool {
	byKey := map[string]*Object{}
	for _, o := range objs {
		byKey[o.Key] = o
	}
	seen := map[string]bool{}
	var walk func(k string) bool
	walk = func(k string) bool {
		if k == to {
			return true
		}
		if seen[k] || byKey[k] == nil {
			return false
		}
		seen[k] = true
		for _, c := range byKey[k].Columns {
			if c.Type == Ref && c.Ref != k && walk(c.Ref) {
				return true
			}
		}
		return false
	}
	return walk(from)
}

// TestDependencyOrderSorts: types given in the wrong order (and with the wrong Order)
// come out with the referred types first; a cycle is broken at its lowest Order and the
// reference that closes it is named late.
func TestDependencyOrderSorts(t *testing.T) {
	ref := func(header, to string) Column { return Column{Header: header, Type: Ref, Ref: to} }
	user := &Object{Key: "user", Order: 1, Columns: []Column{ref("Team", "team"), ref("Site", "site")}}
	team := &Object{Key: "team", Order: 2, Columns: []Column{ref("Site", "site"), ref("Layout", "layout")}}
	site := &Object{Key: "site", Order: 3, Columns: []Column{ref("Other", "nowhere"), ref("Parent", "site")}}
	layout := &Object{Key: "layout", Order: 4, Columns: []Column{ref("Teams", "team")}}
	order, late := DependencyOrder([]*Object{user, layout, team, site})
	var keys []string
	for _, o := range order {
		keys = append(keys, o.Key)
	}
	if got := strings.Join(keys, ","); got != "site,team,user,layout" {
		t.Errorf("order %s, want site,team,user,layout", got)
	}
	if got := fmt.Sprint(late); got != "[{team Layout layout}]" {
		t.Errorf("late references %s, want team's Layout", got)
	}
	checkOrder(t, order, late)
}

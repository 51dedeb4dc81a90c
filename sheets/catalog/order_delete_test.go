package catalog

import "testing"

// In the delete order of the whole catalog every type comes before each type its columns
// refer to (but for the references of a cycle, which DependencyOrder reports late): a
// team before its site, a user before the team and site it names.
func TestDeleteOrderOfTheCatalog(t *testing.T) {
	order := DeleteOrder(All())
	_, late := DependencyOrder(All())
	isLate := map[[2]string]bool{}
	for _, l := range late {
		isLate[[2]string{l.From, l.To}] = true
	}
	pos := map[string]int{}
	for i, o := range order {
		pos[o.Key] = i
	}
	if len(order) != len(All()) {
		t.Fatalf("%d types in the delete order, want %d", len(order), len(All()))
	}
	for _, o := range order {
		for _, c := range o.Columns {
			if p, ok := pos[c.Ref]; c.Type == Ref && ok && c.Ref != o.Key && p < pos[o.Key] && !isLate[[2]string{o.Key, c.Ref}] {
				t.Errorf("%s (column %s) refers to %s, which is deleted before it", o.Key, c.Header, c.Ref)
			}
		}
	}
	for _, pair := range [][2]string{{"team", "site"}, {"user", "team"}, {"user", "site"}} {
		if pos[pair[0]] > pos[pair[1]] {
			t.Errorf("%s is deleted after %s", pair[0], pair[1])
		}
	}
}

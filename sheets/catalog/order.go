package catalog

import "sort"

// LateRef is a reference that a dependency order cannot put first: column Column of
// type From names objects of type To, which comes after From because the two refer to
// each other (a cycle). A submit in this order fills such references in a second pass;
// an export is unaffected (it writes names, whatever the order).
type LateRef struct {
	From, Column, To string
}

// DependencyOrder sorts objs so that every type comes after the types its columns
// refer to (a topological sort of the catalog's references, not a hand-kept list).
// References to a type not among objs, and a type's references to itself, do not
// constrain the order. Among the types free to go next, the one with the lowest Order
// goes first, so the result is stable. On a cycle the free type is the one of the
// cycle with the lowest Order; its references to the types still waiting are returned
// as late references.
func DependencyOrder(objs []*Object) ([]*Object, []LateRef) {
	waiting := append([]*Object(nil), objs...)
	sort.SliceStable(waiting, func(i, j int) bool { return waiting[i].Order < waiting[j].Order })
	in := map[string]bool{}
	for _, o := range waiting {
		in[o.Key] = true
	}
	var out []*Object
	var late []LateRef
	for len(waiting) > 0 {
		next := freeNext(waiting, in)
		o := waiting[next]
		late = append(late, pendingRefs(o, in)...)
		out = append(out, o)
		delete(in, o.Key)
		waiting = append(waiting[:next], waiting[next+1:]...)
	}
	return out, late
}

// freeNext is the index in waiting of the first type with nothing left to wait for;
// when every one waits, of the first that is part of a cycle (so a type merely waiting
// behind a cycle is not taken before it).
func freeNext(waiting []*Object, in map[string]bool) int {
	for i, o := range waiting {
		if len(pendingRefs(o, in)) == 0 {
			return i
		}
	}
	byKey := map[string]*Object{}
	for _, o := range waiting {
		byKey[o.Key] = o
	}
	for i, o := range waiting {
		if refersTo(byKey, o.Key, o.Key, map[string]bool{}) {
			return i
		}
	}
	return 0 // unreachable: a finite graph where every node waits has a cycle
}

// refersTo reports whether type from refers to type to through the waiting types.
func refersTo(byKey map[string]*Object, from, to string, seen map[string]bool) bool {
	for _, c := range byKey[from].Columns {
		if c.Type != Ref || c.Ref == from || byKey[c.Ref] == nil {
			continue
		}
		if c.Ref == to {
			return true
		}
		if !seen[c.Ref] {
			seen[c.Ref] = true
			if refersTo(byKey, c.Ref, to, seen) {
				return true
			}
		}
	}
	return false
}

// pendingRefs are o's references to other types still in waiting.
func pendingRefs(o *Object, waiting map[string]bool) []LateRef {
	var refs []LateRef
	for _, c := range o.Columns {
		if c.Type == Ref && c.Ref != o.Key && waiting[c.Ref] {
			refs = append(refs, LateRef{From: o.Key, Column: c.Header, To: c.Ref})
		}
	}
	return refs
}

package sheets

import (
	"slices"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// refType is what the checker knows about the names of one object type that a column
// of some sheet refers to: the names its open sheets define (a count per name, since
// several records may define one), the organization's names, and the records whose
// references to it are unresolved (rechecked whenever its names change: a reference may
// now resolve, and the "did you mean" may now be another name).
type refType struct {
	key     string
	title   string // lower case: "skill profile"
	noun    any    // title as a message argument: translated when the catalog knows the type
	present bool   // a sheet of this type is in the set
	known   map[string]struct{}
	names   map[string]int32
	sugg    *suggester
	unres   map[rowRef]struct{}
	// rev lists, by name, the records that referred to it when last checked, built the
	// first time a name disappears; entries may be stale and are verified by rechecking.
	rev map[string][]rowRef
}

type rowRef struct{ sh, row int32 }

// makeTypes creates the state of every referenced type.
func (c *Checker) makeTypes() {
	titles := map[string]string{}
	for _, st := range c.sheets {
		if st.l != nil {
			titles[st.l.obj.Key] = st.l.title
		}
	}
	for _, st := range c.sheets {
		if st.l == nil {
			continue
		}
		for _, i := range st.l.refs {
			key := st.l.cols[i].spec.Ref
			if c.types[key] != nil {
				continue
			}
			t := &refType{key: key, title: typeTitle(key, titles), names: map[string]int32{}, unres: map[rowRef]struct{}{}}
			t.noun = typeNoun(key, t.title)
			_, t.present = titles[key]
			if names, ok := c.known[key]; ok {
				t.known = make(map[string]struct{}, len(names))
				for _, n := range names {
					t.known[n] = struct{}{}
				}
			}
			c.types[key] = t
		}
	}
}

func typeTitle(key string, titles map[string]string) string {
	if t, ok := titles[key]; ok {
		return t
	}
	if o, ok := catalog.Lookup(key); ok {
		return objectNoun(o.Key, o.Title)
	}
	return strings.ReplaceAll(key, "_", " ")
}

// typeNoun is a referenced type's noun for a message: the catalog's, translated, or
// title as it is for a type the catalog does not have.
func typeNoun(key, title string) any {
	if o, ok := catalog.Lookup(key); ok {
		return noun{o.Key, o.Title}
	}
	return title
}

// definedType is the referenced type a sheet's records define names of, or nil.
func (c *Checker) definedType(st *checkSheet) *refType {
	if st.l == nil {
		return nil
	}
	return c.types[st.l.obj.Key]
}

// sameRefTypes reports whether a sheet's new layout refers to the same types as its old
// one (else the set of referenced types changes and everything is rebuilt).
func (c *Checker) sameRefTypes(st *checkSheet, nl *checkLayout) bool {
	refs := func(l *checkLayout) []string {
		var out []string
		for _, i := range l.refs {
			out = append(out, l.cols[i].spec.Ref)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	return slices.Equal(refs(st.l), refs(nl))
}

// rowNames are the names a record defines: its first key column and, for a type keyed by
// two columns (a team, by name and site), also "Name: Site", the form Group Teams uses.
func (st *checkSheet) rowNames(r int) [2]string {
	return namesOf(st.l, cellsOf(st.s, r))
}

func namesOf(l *checkLayout, cells []string) [2]string {
	if len(l.keys) == 0 {
		return [2]string{}
	}
	name := strings.TrimSpace(rowCell(cells, l.keys[0]))
	if name == "" || len(l.keys) < 2 {
		return [2]string{name, ""}
	}
	second := strings.TrimSpace(rowCell(cells, l.keys[1]))
	if second == "" {
		return [2]string{name, ""}
	}
	return [2]string{name, name + ": " + second}
}

// nameEvents records, per type, the names touched by an edit and whether each existed
// before its first touch, to tell afterwards which names appeared or disappeared.
type nameEvents map[*refType]map[string]bool

func (t *refType) has(name string) bool {
	if t.names[name] > 0 {
		return true
	}
	_, ok := t.known[name]
	return ok
}

func (t *refType) addName(name string, delta int32, ev nameEvents) {
	if name == "" {
		return
	}
	before := t.has(name)
	if ev != nil {
		if ev[t] == nil {
			ev[t] = map[string]bool{}
		}
		if _, seen := ev[t][name]; !seen {
			ev[t][name] = before
		}
	}
	if t.names[name] += delta; t.names[name] <= 0 {
		delete(t.names, name)
	}
	if t.has(name) != before {
		t.sugg = nil // the set of names changed
	}
}

// renameRow re-indexes the names record r defines.
func (c *Checker) renameRow(st *checkSheet, r int, ev nameEvents) {
	t := c.definedType(st)
	if t == nil {
		return
	}
	old, now := st.names[r], st.rowNames(r)
	if old == now {
		return
	}
	for _, nm := range old {
		t.addName(nm, -1, ev)
	}
	for _, nm := range now {
		t.addName(nm, 1, ev)
	}
	st.names[r] = now
}

// unload takes a sheet's names and unresolved references out of the shared indexes.
func (c *Checker) unload(st *checkSheet, ev nameEvents) {
	if t := c.definedType(st); t != nil {
		for _, nms := range st.names {
			for _, nm := range nms {
				t.addName(nm, -1, ev)
			}
		}
	}
	for r, types := range st.unres {
		for _, key := range types {
			delete(c.types[key].unres, rowRef{st.idx, r})
		}
	}
	for _, t := range c.types {
		for name, refs := range t.rev {
			t.rev[name] = slices.DeleteFunc(refs, func(x rowRef) bool { return x.sh == st.idx })
		}
	}
}

// applyEvents rechecks the records whose references an edit's name changes can affect.
func (c *Checker) applyEvents(ev nameEvents) {
	for t, touched := range ev {
		var gone []string
		changed := false
		for name, before := range touched {
			if now := t.has(name); now != before {
				changed = true
				if before {
					gone = append(gone, name)
				}
			}
		}
		if !changed {
			continue
		}
		todo := map[rowRef]struct{}{}
		for ref := range t.unres {
			todo[ref] = struct{}{}
		}
		if len(gone) > 0 {
			c.ensureRev(t)
			for _, name := range gone {
				for _, ref := range t.rev[name] {
					todo[ref] = struct{}{}
				}
				delete(t.rev, name)
			}
		}
		for ref := range todo {
			st := c.sheets[ref.sh]
			if st.l != nil && int(ref.row) < st.n {
				c.recheckRow(st, int(ref.row))
			}
		}
	}
}

// resolveRef implements refResolver for the rows being checked.
func (c *Checker) inOrg(typ, name string) (exists, known bool) {
	names, ok := c.known[typ]
	if !ok {
		return false, false
	}
	if t := c.types[typ]; t != nil && t.known != nil {
		_, exists = t.known[name]
		return exists, true
	}
	return slices.Contains(names, name), true
}

func (c *Checker) resolveRef(typ, name string) (i18n.Msg, bool) {
	t := c.types[typ]
	if t == nil || (!t.present && t.known == nil) || t.has(name) {
		return i18n.Msg{}, true
	}
	if n, _, ok := strings.Cut(name, ": "); ok && t.known != nil {
		// "Sales: Prague" names a team by name and site; the organization's list holds
		// names only, so the site cannot be checked offline.
		if _, ok := t.known[n]; ok {
			return i18n.Msg{}, true
		}
	}
	where := i18n.M("in these sheets or the organization")
	switch {
	case !t.present:
		where = i18n.M("in the organization")
	case t.known == nil:
		where = i18n.M("in these sheets")
	}
	msg := i18n.M("is not a %s %s", t.noun, where)
	switch {
	case strings.HasSuffix(t.title, "s") && !strings.HasSuffix(t.title, "ss"):
		msg = i18n.M("is not among the %s %s", t.noun, where) // working hours
	case startsWithVowel(t.title):
		msg = i18n.M("is not an %s %s", t.noun, where)
	}
	if s := t.suggester().suggest(name); s != "" {
		msg = i18n.M("%s; did you mean %q?", msg, s)
	}
	return msg, false
}

func (t *refType) suggester() *suggester {
	if t.sugg == nil {
		all := make([]string, 0, len(t.names)+len(t.known))
		for n := range t.names {
			all = append(all, n)
		}
		for n := range t.known {
			if t.names[n] == 0 {
				all = append(all, n)
			}
		}
		t.sugg = newSuggester(all)
	}
	return t.sugg
}

// startsWithVowel: the noun takes "an" in English.
func startsWithVowel(noun string) bool {
	return noun != "" && strings.ContainsRune("aeioAEIO", rune(noun[0]))
}

// trackUnresolved records which types record r has unresolved references to.
func (c *Checker) trackUnresolved(st *checkSheet, r int, types []string) {
	ref := rowRef{st.idx, int32(r)}
	for _, key := range st.unres[int32(r)] {
		delete(c.types[key].unres, ref)
	}
	if len(types) == 0 {
		delete(st.unres, int32(r))
		return
	}
	slices.Sort(types)
	types = slices.Compact(types)
	st.unres[int32(r)] = types
	for _, key := range types {
		c.types[key].unres[ref] = struct{}{}
	}
}

// trackRefs adds record r's references to the reverse indexes that exist.
func (c *Checker) trackRefs(st *checkSheet, r int) {
	if !c.revs {
		return // no reverse index yet: the common case, and the whole of a full check
	}
	for _, i := range st.l.refs {
		t := c.types[st.l.cols[i].spec.Ref]
		if t.rev == nil {
			continue
		}
		ref := rowRef{st.idx, int32(r)}
		eachRefItem(st.l.cols[i].spec.List, st.s.Cell(r, i), func(item string) {
			if refs := t.rev[item]; len(refs) == 0 || refs[len(refs)-1] != ref {
				t.rev[item] = append(refs, ref)
			}
		})
	}
}

// ensureRev builds a type's reverse index the first time a name of it disappears.
func (c *Checker) ensureRev(t *refType) {
	if t.rev != nil {
		return
	}
	t.rev, c.revs = map[string][]rowRef{}, true
	for _, st := range c.sheets {
		if st.l == nil {
			continue
		}
		for _, i := range st.l.refs {
			if st.l.cols[i].spec.Ref != t.key {
				continue
			}
			for r := 0; r < st.n; r++ {
				eachRefItem(st.l.cols[i].spec.List, st.s.Cell(r, i), func(item string) {
					t.rev[item] = append(t.rev[item], rowRef{st.idx, int32(r)})
				})
			}
		}
	}
}

func eachRefItem(list bool, v string, f func(string)) {
	if !list {
		if v = strings.TrimSpace(v); v != "" {
			f(v)
		}
		return
	}
	for _, item := range strings.Split(v, catalog.ListSeparator) {
		if item = strings.TrimSpace(item); item != "" {
			f(item)
		}
	}
}

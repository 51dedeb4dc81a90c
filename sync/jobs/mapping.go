package jobs

import (
	"context"
	"errors"
	"slices"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// mapper turns records into API objects, driven by the catalog: each column's apiField
// says where its value goes, its type how to convert it, its ref which names to resolve.
// What cannot be said as data lives in a hooks entry of its own file (mapping_*.go).
type mapper struct {
	obj   *catalog.Object
	orgID string
	res   *resolver
	hooks hooks
}

// hooks are the per-object-type exceptions to the generic mapping.
type hooks struct {
	// children builds the arrays of a parent/child object from its child rows, instead
	// of the generic "each child row is one element" (skill profiles merge by skill).
	children func(ctx context.Context, m *mapper, rec *record, item webex.Object) error
	// adjust runs last on every item; create tells a new object from an update.
	adjust func(ctx context.Context, m *mapper, rec *record, item webex.Object, create bool) error
	// export writes the rows of one object, instead of the generic mapping back.
	export func(ctx context.Context, m *mapper, obj webex.Object) ([][]string, error)
	// fill completes listed objects with the arrays their list leaves out, for many
	// objects at once (users: teamIds from the members of each team), instead of a GET
	// per object. It returns completed copies.
	fill func(ctx context.Context, m *mapper, objs []webex.Object) ([]webex.Object, error)
	// same reports whether a record changes nothing of cur, instead of the generic
	// comparison (skill profiles merge their skills; address books their entries).
	same func(ctx context.Context, m *mapper, rec *record, cur webex.Object) (bool, error)
	// after runs once an object saved one by one (no bulk endpoint) has its id, for
	// what is saved under it (an address book's entries). A *rowError fails the record.
	after func(ctx context.Context, m *mapper, rec *record, id string) error
	// kept is what the store keeps of an object a job deletes, when its own fields are
	// not all an undo needs to create it again (an address book's entries, which go
	// with it and which export would otherwise read from the organization).
	kept func(ctx context.Context, m *mapper, cur webex.Object) (webex.Object, error)
}

// special holds the hooks by object type key; each mapping_*.go file adds its own.
var special = map[string]hooks{}

func newMapper(obj *catalog.Object, orgID string, res *resolver) *mapper {
	return &mapper{obj: obj, orgID: orgID, res: res, hooks: special[obj.Key]}
}

// build returns the object to save for rec: a copy of base (the object as the
// organization has it now; nil to create one) with the record's values laid over it.
// An empty cell leaves the current value as it is. A problem of the record's own is a
// *rowError; any other error is the job's.
func (m *mapper) build(ctx context.Context, rec *record, base webex.Object) (webex.Object, error) {
	item := deepCopy(base)
	if item == nil {
		item = webex.Object{}
	}
	err := m.eachParent(ctx, rec, func(c *catalog.Column, val any) bool {
		setPath(item, c.APIField, val)
		return true
	})
	if err != nil {
		return nil, err
	}
	if m.hooks.children != nil {
		err = m.hooks.children(ctx, m, rec, item)
	} else {
		err = m.children(ctx, rec, item)
	}
	if err != nil {
		return nil, err
	}
	create := base == nil
	if create {
		for k, v := range m.obj.API.Fixed {
			if _, set := item[k]; !set {
				item[k] = copyValue(v)
			}
		}
	}
	item["organizationId"] = m.orgID
	if m.hooks.adjust != nil {
		if err := m.hooks.adjust(ctx, m, rec, item, create); err != nil {
			return nil, err
		}
	}
	if create {
		if err := m.requiredOnCreate(rec, item); err != nil {
			return nil, err
		}
	}
	return item, nil
}

// requiredOnCreate fails a new object that lacks a field live tenants require on
// create (catalog api.requiredOnCreate), on the column that fills the field.
func (m *mapper) requiredOnCreate(rec *record, item webex.Object) error {
	rules, err := m.obj.API.CreateRules()
	if err != nil {
		return err
	}
	for _, r := range rules {
		if r.When != "" && !slices.Contains(r.In, str(getPath(item, r.When))) {
			continue
		}
		if v := getPath(item, r.Field); v != nil && str(v) != "" {
			continue
		}
		if c := columnOfField(m.obj, r.Field); c != nil {
			h := rec.lay.headerOf(c)
			return &rowError{column: h, text: i18n.M("%s is required to create a new %s: Webex refuses one without it",
				h, aNew(m.obj))}
		}
		return &rowError{text: i18n.M("Webex requires %s to create a new %s, and no column fills it",
			r.Field, aNew(m.obj))}
	}
	return nil
}

// eachParent calls f with each parent column the record fills (a filled cell of a
// column that maps to a field) and its value as the API takes it, until f says stop.
func (m *mapper) eachParent(ctx context.Context, rec *record, f func(c *catalog.Column, val any) bool) error {
	for i := range m.obj.Columns {
		c := &m.obj.Columns[i]
		if c.Child || c.APIField == "" || !rec.lay.has(c) {
			continue
		}
		v := rec.parentValue(c)
		if v == "" {
			continue
		}
		val, err := m.value(ctx, rec, c, v)
		if err != nil {
			return err
		}
		if !f(c, val) {
			return nil
		}
	}
	return nil
}

// children makes one array element of each child row (a row with a child column
// filled); together they replace the array, as Control Hub's import does.
func (m *mapper) children(ctx context.Context, rec *record, item webex.Object) error {
	var cols []*catalog.Column
	for i := range m.obj.Columns {
		if c := &m.obj.Columns[i]; c.Child && c.APIField != "" && rec.lay.has(c) {
			cols = append(cols, c)
		}
	}
	if len(cols) == 0 {
		return nil
	}
	prefix, _, _ := splitArray(cols[0].APIField)
	var elems []any
	for i := range rec.rows {
		el := map[string]any{}
		for _, c := range cols {
			v := rec.value(i, c)
			if v == "" {
				continue
			}
			val, err := m.value(ctx, rec, c, v)
			if err != nil {
				return atRow(err, rec.rows[i].Number)
			}
			_, rest, _ := splitArray(c.APIField)
			setPath(el, rest, val)
		}
		if len(el) > 0 {
			elems = append(elems, el)
		}
	}
	if len(elems) > 0 {
		keepIDs(elems, getPath(item, prefix), cols[0])
		setPath(item, prefix, elems)
	}
	return nil
}

// keepIDs gives each new element the id of the stored element it replaces, matched by
// the field of the first child column (an entry's or a shift's name, a group's order):
// live tenants take an element without its id for a new one and refuse it as a
// duplicate of the one stored.
func keepIDs(elems []any, old any, key *catalog.Column) {
	stored, _ := old.([]any)
	_, rest, _ := splitArray(key.APIField)
	used := map[int]bool{}
	for _, el := range elems {
		em := el.(map[string]any)
		k := getPath(em, rest)
		for i, o := range stored {
			om, ok := o.(map[string]any)
			if !ok || used[i] || om["id"] == nil || !sameValue(k, getPath(om, rest)) {
				continue
			}
			used[i], em["id"] = true, om["id"]
			break
		}
	}
}

// value converts the cell v of column c: names to ids, lists to arrays, types to the
// API's. A failure names the column as the file spells it.
func (m *mapper) value(ctx context.Context, rec *record, c *catalog.Column, v string) (any, error) {
	header := rec.lay.headerOf(c)
	items := []string{v}
	if c.List {
		items = splitList(v)
	}
	out := make([]any, 0, len(items))
	var missing []i18n.Msg
	for _, it := range items {
		var val any
		var err error
		if c.Type == catalog.Ref {
			var e *refEntry
			if e, err = m.res.lookup(ctx, c, it); err == nil {
				val = e.id
			}
		} else {
			val, err = toAPI(c, it)
		}
		var re *rowError
		switch {
		case errors.As(err, &re):
			missing = append(missing, re.text)
			continue
		case err != nil && c.Type == catalog.Ref:
			return nil, err // the organization could not be read: the job's problem
		case err != nil:
			return nil, &rowError{column: header, text: i18n.M("%s: %s", header, i18n.Of(err))}
		}
		out = append(out, val)
	}
	if len(missing) > 0 {
		return nil, &rowError{column: header, text: i18n.Join(missing)}
	}
	if !c.List {
		return out[0], nil
	}
	return out, nil
}

package jobs

import (
	"context"
	"strings"
	"unicode"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// orgIndex holds the objects of the job's type the organization has now, by key: how a
// record is told to create or to update.
type orgIndex struct {
	obj   *catalog.Object
	keys  []*catalog.Column
	byKey map[string]webex.Object
}

func newOrgIndex(obj *catalog.Object) *orgIndex {
	x := &orgIndex{obj: obj, byKey: map[string]webex.Object{}}
	for _, k := range obj.KeyColumns {
		x.keys = append(x.keys, &obj.Columns[obj.Column(k)])
	}
	return x
}

// load reads every object of the type, or with names only those whose key field is one
// of them (to look again at a few records after a conflict).
func (x *orgIndex) load(ctx context.Context, api API, names []string) error {
	if len(names) == 0 {
		return x.list(ctx, api, "")
	}
	for len(names) > 0 { // a few names a request keeps the URL short
		n := min(len(names), 25)
		vals := make([]string, n)
		for i, name := range names[:n] {
			vals[i] = rsqlValue(name)
		}
		if err := x.list(ctx, api, x.obj.API.KeyField+"=in=("+strings.Join(vals, ",")+")"); err != nil {
			return err
		}
		names = names[n:]
	}
	return nil
}

// rsqlValue writes a name as an RSQL argument: bare where the grammar allows it, quoted
// only where it must be. Live: Cisco's SDK records that a quoted value is refused with 400
// (its team userId== filter), while wxcc-skills records quoted names working on name, so
// a name is quoted only when it holds what an unquoted argument cannot: RSQL's reserved
// characters (jirutka/rsql-parser: " ' ( ) ; , = ! ~ < > and space), other white space,
// a backslash (an escape only inside quotes), or nothing at all.
func rsqlValue(s string) string {
	if s != "" && !strings.ContainsAny(s, "\"'();,=!~<>\\") && strings.IndexFunc(s, unicode.IsSpace) < 0 {
		return s
	}
	return `"` + rsqlEscape.Replace(s) + `"`
}

var rsqlEscape = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

func (x *orgIndex) list(ctx context.Context, api API, filter string) error {
	objs, err := api.List(ctx, x.obj.API.List, listQuery(x.obj, filter))
	if err != nil {
		return i18n.Errorf("reading %s of the organization: %w", pluralOf(x.obj), err)
	}
	for _, o := range objs {
		x.byKey[x.keyOf(o)] = o
	}
	return nil
}

// keyOf is an object's key: its key fields, without regard to case (the API refuses two
// names that differ only in case).
func (x *orgIndex) keyOf(o webex.Object) string {
	parts := make([]string, len(x.keys))
	for i, c := range x.keys {
		parts[i] = strings.ToLower(str(getPath(o, c.APIField)))
	}
	return strings.Join(parts, "\t")
}

// recordKey is a record's key in the same form; a key column that is a reference (a
// team's site) is resolved to its id first. It also returns the key field's value, the
// name to look for after a conflict.
func (x *orgIndex) recordKey(ctx context.Context, m *mapper, rec *record) (key, name string, err error) {
	parts := make([]string, len(x.keys))
	for i, c := range x.keys {
		v := rec.value(0, c)
		if c.Type == catalog.Ref && v != "" {
			val, err := m.value(ctx, rec, c, v)
			if err != nil {
				return "", "", err
			}
			v = str(val)
		}
		if i == 0 {
			name = v
		}
		parts[i] = strings.ToLower(v)
	}
	return strings.Join(parts, "\t"), name, nil
}

// readOrganization reads what recs need of the organization: the objects of their type,
// to tell creates from updates, and those of every type their columns refer to, to
// resolve names. A job reads it so before it sends; a preview reads it the same way.
func readOrganization(ctx context.Context, api API, m *mapper, x *orgIndex, recs []*record) error {
	seen := map[*layout]bool{}
	for _, rec := range recs {
		if seen[rec.lay] {
			continue
		}
		seen[rec.lay] = true
		for c := range rec.lay.col {
			if c.Type == catalog.Ref && c.APIField != "" {
				if _, err := m.res.index(ctx, c.Ref); err != nil {
					return err
				}
			}
		}
	}
	return x.load(ctx, api, nil)
}

// match returns the object the organization has under rec's key, or nil when rec is a
// new one. A new record of a type the API cannot create (users) is a *rowError that
// says so, as is a key that refers to a name the organization does not have.
func (x *orgIndex) match(ctx context.Context, m *mapper, rec *record) (webex.Object, error) {
	key, _, err := x.recordKey(ctx, m, rec)
	if err != nil {
		return nil, err
	}
	existing := x.byKey[key]
	if existing == nil && !x.obj.API.CanCreate() {
		return nil, &rowError{column: rec.lay.headerOf(x.keys[0]), text: notInOrg(x.obj, rec.value(0, x.keys[0]))}
	}
	return existing, nil
}

// notInOrg is the message for a record of an update-only type that the organization
// does not have.
func notInOrg(o *catalog.Object, key string) i18n.Msg {
	if o.Key == "user" {
		return i18n.M("user %s does not exist in the organization; create them in Control Hub first", key)
	}
	return i18n.M("%s %q does not exist in the organization; Bulkops can only update %s: create it in Control Hub first",
		singularOf(o), key, pluralOf(o))
}

package jobs

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/internal/progress"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// resolver turns the names a sheet uses for other objects into their ids, and back for
// export. It reads each referenced object type from the organization once.
type resolver struct {
	api   API
	mu    sync.Mutex
	types map[string]*refIndex // by catalog key
	extra sync.Map             // what the hooks of mapping_*.go keep for the job
	// seed are objects, by type key, that the organization no longer lists but that
	// the rows being written still name: those an undo's own job deleted (an undo of a
	// workbook names by its deleted site the teams it makes again). Read-only.
	seed map[string][]webex.Object
}

// refEntry is one object another row may refer to.
type refEntry struct {
	id   string
	name string
	qual string // what tells apart objects of one name: a team's site
	obj  webex.Object
}

func (e *refEntry) display() string {
	if e.qual == "" {
		return e.name
	}
	return e.name + ": " + e.qual
}

type refIndex struct {
	obj    *catalog.Object
	byName map[string][]*refEntry // lower-case name
	byID   map[string]*refEntry
	names  []string       // sorted
	listed []webex.Object // as the list gave them, in its order (an export's rows)

	suggOnce sync.Once // the "did you mean" is prepared on the first name that misses
	sugg     *sheets.Suggester
}

// suggest is the name of the type closest to v, or "".
func (x *refIndex) suggest(v string) string {
	x.suggOnce.Do(func() { x.sugg = sheets.NewSuggester(x.names) })
	return x.sugg.Suggest(v)
}

func newResolver(api API) *resolver {
	return &resolver{api: api, types: map[string]*refIndex{}}
}

// listQuery is the query that lists an object type: its filter on a shared resource
// (inbound or outdial entry points) and large pages.
func listQuery(o *catalog.Object, extra string) url.Values {
	q := url.Values{"pageSize": {"1000"}}
	f := o.API.Filter
	if extra != "" {
		if f != "" {
			f += ";"
		}
		f += extra
	}
	if f != "" {
		q.Set("filter", f)
	}
	return q
}

// index returns the index of object type key, reading it on first use.
func (r *resolver) index(ctx context.Context, key string) (*refIndex, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.indexLocked(ctx, key)
}

func (r *resolver) indexLocked(ctx context.Context, key string) (*refIndex, error) {
	if x, ok := r.types[key]; ok {
		return x, nil
	}
	o, ok := catalog.Lookup(key)
	if !ok || !o.API.Covered || o.API.List == "" {
		return nil, nil // a type Bulkops cannot read: references to it cannot be resolved
	}
	objs, err := r.api.List(ctx, o.API.List, listQuery(o, ""))
	if err != nil {
		return nil, i18n.Errorf("reading %s of the organization: %w", pluralOf(o), err)
	}
	x := &refIndex{obj: o, byName: map[string][]*refEntry{}, byID: map[string]*refEntry{}, listed: objs}
	for _, ob := range append(slices.Clip(objs), r.seed[key]...) {
		e := &refEntry{id: str(ob["id"]), name: str(getPath(ob, o.API.KeyField)), obj: ob}
		if e.id == "" || x.byID[e.id] != nil {
			continue
		}
		x.byID[e.id] = e
		x.byName[strings.ToLower(e.name)] = append(x.byName[strings.ToLower(e.name)], e)
		x.names = append(x.names, e.name)
	}
	sort.Strings(x.names)
	r.types[key] = x
	// Qualify names by the other key columns (a team by its site) after storing x, so
	// that a type whose qualifier refers back to itself cannot loop. Their lists are
	// not the count of the list asked for.
	ctx = progress.With(ctx, nil)
	for _, kc := range o.KeyColumns[1:] {
		c := &o.Columns[o.Column(kc)]
		for _, e := range x.byID {
			q := str(getPath(e.obj, c.APIField))
			if c.Type == catalog.Ref {
				if qx, err := r.indexLocked(ctx, c.Ref); err != nil {
					return nil, err
				} else if qx != nil && qx.byID[q] != nil {
					q = qx.byID[q].name
				}
			}
			e.qual = strings.TrimPrefix(e.qual+", "+q, ", ")
		}
	}
	return x, nil
}

// lookup finds the object a cell of column c names: by exact name, by name and
// qualifier ("Sales: Chicago" for a team of one site), then by name without regard to
// case. A name that matches nothing, or several, is a *rowError saying so.
func (r *resolver) lookup(ctx context.Context, c *catalog.Column, v string) (*refEntry, error) {
	return r.find(ctx, c.Ref, v)
}

// find is lookup for object type key.
func (r *resolver) find(ctx context.Context, key, v string) (*refEntry, error) {
	x, err := r.index(ctx, key)
	if err != nil {
		return nil, err
	}
	if x == nil {
		return nil, &rowError{text: i18n.M("%q cannot be looked up: Bulkops cannot read %s from the organization", v, refTitle(key))}
	}
	es := x.byName[strings.ToLower(v)]
	for _, e := range es {
		if e.name == v && len(es) == 1 {
			return e, nil
		}
	}
	if len(es) == 1 {
		return es[0], nil
	}
	if i := strings.LastIndex(v, ":"); i > 0 {
		name, qual := strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+1:])
		for _, e := range x.byName[strings.ToLower(name)] {
			if strings.EqualFold(e.qual, qual) {
				return e, nil
			}
		}
	}
	if len(es) > 1 {
		opts := make([]string, len(es))
		for i, e := range es {
			opts[i] = fmt.Sprintf("%q", e.display())
		}
		sort.Strings(opts)
		list := i18n.Raw(opts[0])
		for _, o := range opts[1:] {
			list = i18n.M("%s and %s", list, o)
		}
		return nil, &rowError{text: i18n.M("%s %q is ambiguous: the organization has %s; write one of them",
			singularOf(x.obj), v, list)}
	}
	if s := x.suggest(v); s != "" {
		return nil, &rowError{text: i18n.M("%s %q does not exist in the organization (did you mean %q?)", singularOf(x.obj), v, s)}
	}
	return nil, &rowError{text: i18n.M("%s %q does not exist in the organization", singularOf(x.obj), v)}
}

// byID is the object of type key with id, as its list gives it; nil when the
// organization has none or Bulkops cannot read the type.
func (r *resolver) byID(ctx context.Context, key, id string) (*refEntry, error) {
	if id == "" {
		return nil, nil
	}
	x, err := r.index(ctx, key)
	if err != nil || x == nil {
		return nil, err
	}
	return x.byID[id], nil
}

// name returns the name to write for id in a column referring to type key: the name,
// or "name: qualifier" when several objects share the name. "" when id is unknown.
func (r *resolver) name(ctx context.Context, key, id string) (string, error) {
	x, err := r.index(ctx, key)
	if err != nil || x == nil {
		return "", err
	}
	e := x.byID[id]
	if e == nil {
		return "", nil
	}
	if len(x.byName[strings.ToLower(e.name)]) > 1 {
		return e.display(), nil
	}
	return e.name, nil
}

func refTitle(key string) any {
	if o, ok := catalog.Lookup(key); ok {
		return pluralOf(o)
	}
	return strings.ReplaceAll(key, "_", " ") + "s"
}

// str returns a decoded JSON scalar as text.
func str(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	}
	return fmt.Sprint(v)
}

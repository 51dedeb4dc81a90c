package jobs

import (
	"context"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// NotCopyable is a record of a workbook the organization cannot take as it is, and why:
// told in the plan before anything is sent (a copy from another organization runs into
// these). The job fails it with the same reason.
type NotCopyable struct {
	Object *catalog.Object
	File   string
	Row    int
	Column string
	Reason i18n.Msg
	name   string // the record's name, for the records that refer to it
}

// Check previews every step against the organization api reaches (an OrgCache, so
// that the steps read each list once), in the order the job runs them. A step's plan
// takes the names the steps before it create as existing: a team that names a site of
// the same workbook is a create that resolves when its turn comes, not a failure. The
// second pass is not previewed: its records are the first pass's, updated once the
// types they name exist. Then the records the organization cannot take are told apart
// (NotCopyable).
func (wd *WorkbookDraft) Check(ctx context.Context, api API) error {
	wd.api = api
	pending := map[string][][]string{}
	gone := map[string]bool{} // the ids of the objects the delete steps so far delete
	unref := references{}     // the references the write steps so far take away
	for i, st := range wd.Steps {
		st.Pending = maps.Clone(pending)
		switch st.Kind {
		case StepLate:
			continue // the second pass was planned as the first
		case StepDelete:
			// A delete is planned as the organization is but for what the deletes
			// before it take away: a site whose teams go first is not in use by then.
			// So is one whose referrers an update before it points elsewhere (an undo
			// restores a layout's teams, then deletes the teams it had named).
			if err := st.Draft.Check(ctx, withPending(api, nil, gone, unref)); err != nil {
				return err
			}
			if err := deletedIDs(ctx, api, st, gone); err != nil {
				return err
			}
			continue
		}
		if err := st.Draft.Check(ctx, withPending(api, st.Pending, nil, nil)); err != nil {
			return err
		}
		if deletesAfter(wd.Steps[i+1:]) { // only a later delete asks what still refers
			if err := droppedRefs(ctx, api, st, unref); err != nil {
				return err
			}
		}
		pending[st.Object().Key] = keysOf(st)
	}
	wd.NotCopyable = nil
	lost := map[string][]string{} // the names not copyable, by type key
	for _, st := range wd.Steps {
		nc := notCopyable(st.Draft, lost)
		for _, n := range nc {
			lost[n.Object.Key] = append(lost[n.Object.Key], n.name)
		}
		wd.NotCopyable = append(wd.NotCopyable, nc...)
	}
	return nil
}

// deletesAfter reports whether one of steps deletes.
func deletesAfter(steps []*WorkbookStep) bool {
	return slices.ContainsFunc(steps, func(st *WorkbookStep) bool { return st.Kind == StepDelete })
}

// Preview is the sum of the steps' previews (Check), the second pass left out.
func (wd *WorkbookDraft) Preview() Preview {
	var sum Preview
	var gets *catalog.Object // the type GetsWhy names: the first whose list forces GETs
	for _, st := range wd.Steps {
		if st.Kind != StepLate {
			sum.add(st.Draft.Preview)
			if gets == nil && st.Draft.Preview.Gets > 0 {
				gets = st.Object()
			}
		}
	}
	if gets != nil {
		sum.Object = gets
	}
	// The steps run back to back, so the limiter's burst is spent once, not once a step:
	// the sum of the steps' estimates said "about 1 s" for 76 requests that take 15 s.
	if wd.api != nil {
		sum.Duration = estimate(wd.api, sum.Requests)
	}
	return sum
}

// notCopyable are the failures of a step's plan that no fix of the sheet cures, only of
// the organization: a user it does not have (the API cannot create users), a reference
// to an audio file it does not have (audio files are files: a workbook never carries
// them), a reference to a record of the workbook that is not copyable itself (gone, by
// type key).
func notCopyable(d *Draft, gone map[string][]string) []NotCopyable {
	var out []NotCopyable
	o := d.Object
	for _, f := range d.Preview.Org {
		sh, c, cell := findingCell(d, f)
		nc := NotCopyable{Object: o, File: f.File, Row: f.Row, Column: f.Column}
		switch {
		case c == nil:
			continue
		case !o.API.CanCreate() && c.Header == o.KeyColumns[0]:
			nc.Reason = f.Text
		case c.Type == catalog.Ref && isFiles(c.Ref):
			nc.Reason = i18n.M("%s: audio files are files, not records, so a workbook does not carry them; upload them to the organization first", f.Text)
		case c.Type == catalog.Ref && len(gone[c.Ref]) > 0:
			i := slices.IndexFunc(gone[c.Ref], func(n string) bool { return strings.Contains(cell, n) })
			if i < 0 {
				continue
			}
			to, _ := catalog.Lookup(c.Ref)
			nc.Reason = i18n.M("refers to %s %q, which is not copyable", singularOf(to), gone[c.Ref][i])
		default:
			continue
		}
		if k := keyIndexes(sh, o); k != nil {
			nc.name = sh.Rows[f.Row-2].Cells[k[0]]
		}
		out = append(out, nc)
	}
	return out
}

// findingCell is the sheet, the catalog column and the cell a finding of the draft is
// on; a nil column when it is on none the catalog knows.
func findingCell(d *Draft, f sheets.Finding) (*sheets.Sheet, *catalog.Column, string) {
	for _, sh := range d.Sheets {
		if sh.File != f.File || f.Row < 2 || f.Row-2 >= len(sh.Rows) {
			continue
		}
		for i, c := range sh.Columns {
			if c.Header == f.Column && c.Spec != nil {
				return sh, c.Spec, sh.Rows[f.Row-2].Cells[i]
			}
		}
	}
	return nil, nil, ""
}

func isFiles(key string) bool {
	o, ok := catalog.Lookup(key)
	return ok && o.Format != catalog.FormatCSV
}

// pendingAPI is an API whose lists also hold the objects the steps before this one
// create (by name, with an id that tells it is pending): what a step's plan resolves
// references against. It is only ever read for a plan; nothing is sent through it.
type pendingAPI struct {
	API
	extra map[string][]webex.Object // by list path and filter
	gone  map[string]bool           // the ids of objects deleted by the steps before
	unref references                // the references updated away by the steps before
}

// withPending is api with the pending names added to their types' lists, and the
// objects of gone, and the references of unref, left out of what refers to an object;
// api itself when there are none.
func withPending(api API, pending map[string][][]string, gone map[string]bool, unref references) API {
	if api == nil || len(pending) == 0 && len(gone) == 0 && len(unref) == 0 {
		return api
	}
	p := &pendingAPI{API: api, extra: map[string][]webex.Object{}, gone: gone, unref: unref}
	for key, names := range pending {
		o, ok := catalog.Lookup(key)
		if !ok || o.API.List == "" || o.API.KeyField == "" {
			continue
		}
		at := o.API.List + "?" + o.API.Filter
		for _, k := range names {
			ob := webex.Object{"id": "pending:" + key + ":" + strings.Join(k, ":")}
			setPath(ob, o.API.KeyField, k[0])
			// The other key columns as written: a qualifier that is a reference (a team's
			// site) is looked up by id and, found under none, shown as it is.
			for i, kc := range o.KeyColumns[1:] {
				if c := &o.Columns[o.Column(kc)]; c.APIField != "" && i+1 < len(k) {
					setPath(ob, c.APIField, k[i+1])
				}
			}
			p.extra[at] = append(p.extra[at], ob)
		}
	}
	return p
}

// List is the organization's list with the pending objects it does not have yet.
func (p *pendingAPI) List(ctx context.Context, path string, query url.Values) ([]webex.Object, error) {
	objs, err := p.API.List(ctx, path, query)
	extra := p.extra[path+"?"+query.Get("filter")]
	if err != nil || len(extra) == 0 {
		return objs, err
	}
	// A record the organization has under its name is not added again; where a name is
	// qualified (a team by its site) the resolver tells the two apart by the qualifier.
	single := keyFieldOf(path, query.Get("filter"))
	has := map[string]bool{}
	for _, ob := range objs {
		has[strings.ToLower(str(getPath(ob, single)))] = true
	}
	out := append([]webex.Object(nil), objs...) // the cache's list is shared: never append to it
	for _, ob := range extra {
		if single == "" || !has[strings.ToLower(str(getPath(ob, single)))] {
			out = append(out, ob)
		}
	}
	return out, nil
}

// keyFieldOf is the key field of the type listed at path with filter when its name
// alone is its key; "" when other key columns qualify it.
func keyFieldOf(path, filter string) string {
	for _, o := range catalog.All() {
		if o.API.List == path && o.API.Filter == filter && len(o.KeyColumns) == 1 {
			return o.API.KeyField
		}
	}
	return ""
}

// deletedIDs adds to gone the ids of the objects a delete step's plan deletes, found in
// their type's list by name (the first key column).
func deletedIDs(ctx context.Context, api API, st *WorkbookStep, gone map[string]bool) error {
	var names []string
	for _, p := range st.Draft.Preview.Plan {
		if p.Action == ActDelete {
			names = append(names, nameOfKey(p.Key))
		}
	}
	if len(names) == 0 {
		return nil
	}
	ids, err := idsByName(ctx, api, st.Object())
	for _, n := range names {
		for _, id := range ids[strings.ToLower(n)] {
			gone[id] = true
		}
	}
	return err
}

// nameOfKey is the name in a plan's key ("Brno Sales / Brno": the name, then the
// other key columns).
func nameOfKey(key string) string {
	name, _, _ := strings.Cut(key, " / ")
	return name
}

// idsByName are the ids of type o's objects in api's list, by lower-case name; none
// for a type Bulkops cannot list.
func idsByName(ctx context.Context, api API, o *catalog.Object) (map[string][]string, error) {
	if o == nil || o.API.List == "" {
		return nil, nil
	}
	objs, err := api.List(ctx, o.API.List, listQuery(o, ""))
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, ob := range objs {
		n := strings.ToLower(str(getPath(ob, o.API.KeyField)))
		out[n] = append(out[n], str(ob["id"]))
	}
	return out, nil
}

// AllIncomingReferences is what refers to an object, but for the objects the steps
// before delete and the references they update away.
func (p *pendingAPI) AllIncomingReferences(ctx context.Context, path, id string) (map[string][]webex.Object, error) {
	ra, ok := client(p.API).(referencer)
	if !ok {
		return nil, nil
	}
	refs, err := ra.AllIncomingReferences(ctx, path, id)
	if err != nil || len(p.gone) == 0 && len(p.unref) == 0 {
		return refs, err
	}
	out := map[string][]webex.Object{}
	for typ, objs := range refs {
		for _, ob := range objs {
			if from := str(ob["id"]); !p.gone[from] && !p.unref[id][from] {
				out[typ] = append(out[typ], ob)
			}
		}
	}
	return out, nil
}

// referencerOf is what tells what still uses an object through api: the workbook's
// pendingAPI when the steps before delete objects, else the client under api.
func referencerOf(api API) (referencer, bool) {
	for {
		if p, ok := api.(*pendingAPI); ok && (len(p.gone) > 0 || len(p.unref) > 0) {
			if _, ok := client(p.API).(referencer); ok {
				return p, true
			}
		}
		inner, ok := unwrap(api)
		if !ok {
			r, ok := api.(referencer)
			return r, ok
		}
		api = inner
	}
}

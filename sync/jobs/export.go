package jobs

import (
	"context"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/internal/progress"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// Export reads the objects of type obj the organization has now and returns them as a
// sheet in the catalog's columns, names in place of ids and values spelled as a sheet
// spells them — what Control Hub's Export gives, ready to edit and submit back (sheets.Pack
// splits it at 5000 records). A reference to an object Bulkops cannot read is left empty,
// which a submit reads as "keep the current value". Objects come sorted by key. The
// progress.Func ctx carries is told the objects read of this type (the list, then each
// object where the list leaves fields out); reads of the types referred to are not counted.
func Export(ctx context.Context, api API, obj *catalog.Object) (*sheets.Sheet, error) {
	if err := Exportable(obj); err != nil {
		return nil, err
	}
	return exportWith(ctx, api, obj, newResolver(api))
}

// Exportable says why objects of type obj cannot be exported as a sheet; nil when they can.
func Exportable(obj *catalog.Object) error {
	switch {
	case obj.Format != catalog.FormatCSV:
		return i18n.Errorf("%s are files, not records: they cannot be exported as a sheet", titleOf(obj))
	case !obj.API.Covered || obj.API.List == "":
		return i18n.Errorf("%s cannot be exported: the Webex Contact Center API does not cover them", titleOf(obj))
	}
	return nil
}

// exportWith is Export with the resolver the export reads lists through.
func exportWith(ctx context.Context, api API, obj *catalog.Object, res *resolver) (*sheets.Sheet, error) {
	report := progress.From(ctx)
	ctx = progress.With(ctx, nil)
	m := newMapper(obj, "", res)
	objs, err := exportObjects(ctx, api, obj, m.res, report)
	if err != nil {
		return nil, err
	}
	sh := sheets.New(obj)
	var groups [][][]string
	for _, o := range objs {
		rows, err := m.exportRows(ctx, o)
		if err != nil {
			return nil, err
		}
		groups = append(groups, rows)
	}
	sort.SliceStable(groups, func(a, b int) bool { return lessKey(sh, groups[a][0], groups[b][0]) })
	for _, g := range groups {
		for _, cells := range g {
			sh.Rows = append(sh.Rows, sheets.Row{Cells: cells})
		}
	}
	sh.File = obj.Key + "_export.csv"
	return sh, nil
}

func lessKey(sh *sheets.Sheet, a, b []string) bool {
	for _, k := range sh.Object.KeyColumns {
		i := sh.Index(k)
		if x, y := strings.ToLower(a[i]), strings.ToLower(b[i]); x != y {
			return x < y
		}
	}
	return false
}

// hasArrays reports whether any column of obj maps into an array field.
func hasArrays(obj *catalog.Object) bool {
	for _, c := range obj.Columns {
		if c.List || strings.Contains(c.APIField, "[]") {
			return true
		}
	}
	return false
}

// getAll reads every object by id, a few at a time (the client keeps the rate), telling
// report how many it has read.
func getAll(ctx context.Context, api API, obj *catalog.Object, objs []webex.Object, report progress.Func) ([]webex.Object, error) {
	out := make([]webex.Object, len(objs))
	errs := make([]error, len(objs))
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	var read atomic.Int64
	for i, o := range objs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i], errs[i] = api.Get(ctx, pathOf(obj.API.Get), str(o["id"]))
			if webex.IsNotFound(errs[i]) { // deleted since the list: leave it out
				out[i], errs[i] = nil, nil
			}
			report.Report(progress.Count{Done: int(read.Add(1)), Total: len(objs), Step: progress.Fetching})
		}()
	}
	wg.Wait()
	kept := out[:0]
	for i, o := range out {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if o != nil {
			kept = append(kept, o)
		}
	}
	return kept, nil
}

// exportRows writes one object as its row, and for a parent/child type a child row per
// element of its array after it, repeating the key.
func (m *mapper) exportRows(ctx context.Context, o webex.Object) ([][]string, error) {
	if m.hooks.export != nil {
		return m.hooks.export(ctx, m, o)
	}
	parent := make([]string, len(m.obj.Columns))
	var childCols []int
	for i := range m.obj.Columns {
		c := &m.obj.Columns[i]
		if c.APIField == "" {
			continue
		}
		if c.Child {
			childCols = append(childCols, i)
			continue
		}
		v, err := m.cellOf(ctx, c, getPath(o, c.APIField))
		if err != nil {
			return nil, err
		}
		parent[i] = v
	}
	rows := [][]string{parent}
	if len(childCols) == 0 {
		return rows, nil
	}
	prefix, _, _ := splitArray(m.obj.Columns[childCols[0]].APIField)
	elems, _ := getPath(o, prefix).([]any)
	for _, el := range elems {
		em, ok := el.(map[string]any)
		if !ok {
			continue
		}
		row := m.keyCells(parent)
		for _, i := range childCols {
			_, rest, _ := splitArray(m.obj.Columns[i].APIField)
			v, err := m.cellOf(ctx, &m.obj.Columns[i], getPath(em, rest))
			if err != nil {
				return nil, err
			}
			row[i] = v
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// keyCells is a child row that repeats the parent's key columns.
func (m *mapper) keyCells(parent []string) []string {
	row := make([]string, len(parent))
	for _, k := range m.obj.KeyColumns {
		i := m.obj.Column(k)
		row[i] = parent[i]
	}
	return row
}

// cellOf renders an API value as the cell of column c; ids become names.
func (m *mapper) cellOf(ctx context.Context, c *catalog.Column, v any) (string, error) {
	if c.Type != catalog.Ref || v == nil {
		return fromAPI(c, v), nil
	}
	ids, isList := v.([]any)
	if !isList {
		ids = []any{v}
	}
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		n, err := m.res.name(ctx, c.Ref, str(id))
		if err != nil {
			return "", err
		}
		if n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, catalog.ListSeparator), nil
}

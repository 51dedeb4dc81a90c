package jobs

import (
	"context"
	"slices"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// ReferencedTypes returns the keys of the object types the reference columns of objs
// name, sorted, without repeats: the only types whose names a check of their sheets
// needs. Types Bulkops cannot read from the organization are left out.
func ReferencedTypes(objs ...*catalog.Object) []string {
	var out []string
	for _, o := range objs {
		for _, c := range o.Columns {
			if c.Type != catalog.Ref {
				continue
			}
			if r, ok := catalog.Lookup(c.Ref); ok && r.API.Covered && r.API.List != "" {
				out = append(out, r.Key)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Names reads the names the organization holds of each object type in keys (the key
// field's values: names, e-mails for users), as a job resolves them: what a sheet's
// references are checked against before a submit. A type that cannot be read is left
// out, so that references to it are not checked, and the first such error is returned
// with the names that could be read. Give it an *OrgCache to read each list once in a
// while.
func Names(ctx context.Context, api API, keys []string) (sheets.Known, error) {
	res := newResolver(api)
	known := sheets.Known{}
	var first error
	for _, key := range keys {
		x, err := res.index(ctx, key)
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case err != nil:
			if first == nil {
				first = err
			}
			continue
		case x == nil:
			continue // a type Bulkops cannot read
		}
		names := make([]string, 0, len(x.names))
		for _, n := range x.names {
			if n != "" {
				names = append(names, n)
			}
		}
		known[key] = names
	}
	return known, first
}

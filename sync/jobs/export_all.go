package jobs

import (
	"context"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// ExportAll exports several object types at once, each as Export does, in dependency
// order (catalog.DependencyOrder: a type after the types it refers to), which is the
// order the sheets are returned in. One resolver serves them all, so each type's list
// is read once however many types refer to it: the whole organization costs the list
// pages of each type plus the GETs per object live lists force (exportNeedsGet) and an
// address book's entries. Types that cannot be exported (Exportable) are refused.
// progress, when not nil, is told of each type as its export starts.
func ExportAll(ctx context.Context, api API, objs []*catalog.Object, progress func(obj *catalog.Object, done, total int)) ([]*sheets.Sheet, error) {
	for _, o := range objs {
		if err := Exportable(o); err != nil {
			return nil, err
		}
	}
	order, _ := catalog.DependencyOrder(objs)
	res := newResolver(api)
	out := make([]*sheets.Sheet, 0, len(order))
	for i, o := range order {
		if progress != nil {
			progress(o, i, len(order))
		}
		sh, err := exportWith(ctx, api, o, res)
		if err != nil {
			return nil, err
		}
		out = append(out, sh)
	}
	return out, nil
}

// ExportableTypes are the catalog's types an export of the whole organization covers,
// and the others (Exportable says why each is left out).
func ExportableTypes() (types, left []*catalog.Object) {
	for _, o := range catalog.All() {
		if Exportable(o) != nil {
			left = append(left, o)
			continue
		}
		types = append(types, o)
	}
	return types, left
}

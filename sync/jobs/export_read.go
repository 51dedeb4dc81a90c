package jobs

import (
	"context"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/internal/progress"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// Export reads an organization at the request floor: one list page per thousand
// objects, and each type its columns refer to listed once (the resolver). A v2/v3 list
// page holds the whole objects, arrays included (the spec's list DTOs), so a GET per
// object is spent only where live lists leave out a field a column reads.

// listGaps are the fields live v2/v3 list rows leave out, by catalog type
// (reference/live-api.md, "Lists leave fields out": wxcc-skills and
// wxcc-sandbox-exporter, seen on live tenants).
var listGaps = map[string][]string{
	// v2 skill-profile rows carry only id, name, description, links and timestamps.
	"skill_profile": {"activeSkills", "activeEnumSkills"},
	// The v2/desktop-layout list has no jsonFileContent.
	"desktop_layout": {"jsonFileContent"},
	// The v3 user-profile list omits permissions.
	"user_profile": {"permissions"},
}

// exportNeedsGet reports whether an export of obj must read each object by GET: some
// column reads a field its live list leaves out. It names that field.
func exportNeedsGet(obj *catalog.Object) (string, bool) {
	for _, gap := range listGaps[obj.Key] {
		for _, c := range obj.Columns {
			if c.APIField == gap || strings.HasPrefix(c.APIField, gap+".") || strings.HasPrefix(c.APIField, gap+"[]") {
				return gap, true
			}
		}
	}
	return "", false
}

// exportObjects lists the objects of obj and completes them only where the list must be.
// The list is the resolver's: a type another exported type refers to is listed once,
// whichever is exported first (ExportAll shares one resolver across types).
func exportObjects(ctx context.Context, api API, obj *catalog.Object, res *resolver, report progress.Func) ([]webex.Object, error) {
	x, err := res.index(progress.With(ctx, report), obj.Key)
	if err != nil {
		return nil, err
	}
	if x == nil {
		return nil, Exportable(obj)
	}
	objs := append([]webex.Object(nil), x.listed...)
	if _, ok := exportNeedsGet(obj); ok {
		objs, err = getAll(ctx, api, obj, objs, report)
	} else if m := newMapper(obj, "", res); m.hooks.fill != nil {
		// Users: their rows carry teamIds live; a server whose rows have none at all
		// is completed from the teams' members, one GET per team, not one per user.
		objs, err = m.hooks.fill(ctx, m, objs)
	}
	if err != nil {
		return nil, i18n.Errorf("reading %s of the organization: %w", pluralOf(obj), err)
	}
	return objs, nil
}

// anyHas reports whether some object of objs has field f (a user in no team may have
// none; a list that carries the field carries it on the others).
func anyHas(objs []webex.Object, f string) bool {
	for _, o := range objs {
		if _, ok := o[f]; ok {
			return true
		}
	}
	return len(objs) == 0
}

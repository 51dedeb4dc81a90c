package jobs

import (
	"context"
	"sync"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// reader reads the objects of one type whole enough for every column of the sheet,
// as cheaply as the API allows. Lists give every field but arrays (api.md §3.1): a type
// whose columns map into no array is read by its list alone; one with a way to read
// its arrays for many objects at once (users: the members of each team) is completed
// that way (hooks.fill); only the others are read one GET per object.
type reader struct {
	api   API
	obj   *catalog.Object
	m     *mapper
	byGet bool     // some column maps into an array and nothing reads it for many at once
	got   sync.Map // ids of the objects read whole by GET
	// listed is set for a type whose list gives the whole object: a PUT may send a
	// listed object back as it is, with no GET first.
	listed bool
}

// listedWhole are the types updated by PUT whose object has no array field (the
// openapi spec's DTOs of site, work-type, dial-plan and multimedia-profile): lists give
// every field but arrays (api.md §3.1), so their lists give the object whole. The
// others' lists leave arrays out that a PUT must send back (a team's userIds, a
// desktop layout's jsonFileContent: live-api.md), and an update reads them by GET.
var listedWhole = map[string]bool{"site": true, "work_type": true, "dial_plan": true, "multimedia_profile": true}

func newReader(api API, obj *catalog.Object, res *resolver) *reader {
	m := newMapper(obj, "", res)
	return &reader{api: api, obj: obj, m: m, byGet: hasArrays(obj) && m.hooks.fill == nil, listed: listedWhole[obj.Key]}
}

// complete returns listed (one object of a list) with the fields its list left out.
func (x *reader) complete(ctx context.Context, listed webex.Object) (webex.Object, error) {
	objs, err := x.completeAll(ctx, []webex.Object{listed})
	if err != nil || len(objs) == 0 {
		if err == nil {
			err = &webex.APIError{Status: 404, Reason: "not found"}
		}
		return nil, err
	}
	return objs[0], nil
}

// completeAll is complete for many objects; those deleted since the list are left out.
func (x *reader) completeAll(ctx context.Context, objs []webex.Object) ([]webex.Object, error) {
	switch {
	case x.m.hooks.fill != nil:
		return x.m.hooks.fill(ctx, x.m, objs)
	case !x.byGet:
		return objs, nil
	}
	out, err := getAll(ctx, x.api, x.obj, objs, nil)
	for _, o := range out {
		x.got.Store(str(o["id"]), true)
	}
	return out, err
}

// whole reports whether o was read by GET, as the API stores it: what a PUT may send
// back. A listed object lacks the arrays no column maps to (a team's userIds).
func (x *reader) whole(o webex.Object) bool {
	_, ok := x.got.Load(str(o["id"]))
	return ok || x.listed
}

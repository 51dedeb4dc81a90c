package jobs

import (
	"context"
	"net/http"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// ActionHeader is the optional column of a sheet that marks a record for deletion with
// DeleteMark. Bulkops reads and writes it; Control Hub's packages never carry it.
const (
	ActionHeader = sheets.ActionHeader
	DeleteMark   = sheets.DeleteMark
)

// ActDelete is a plan's delete of a record the organization has.
const ActDelete Action = "delete"

// OpDeleted is the operation of a row whose object the job deleted.
const OpDeleted = "deleted"

// actionColumn is the index of the Action column in header, -1 when it has none.
func actionColumn(header []string) int {
	for i, h := range header {
		if sheets.IsActionHeader(h) {
			return i
		}
	}
	return -1
}

// deleting reports whether the record is marked for deletion.
func (r *record) deleting() bool {
	i := actionColumn(r.lay.header)
	if i < 0 || i >= len(r.rows[0].Cells) {
		return false
	}
	return sheets.IsDeleteMark(r.rows[0].Cells[i])
}

// prepareDelete prepares the delete of rec: the object it names, read whole first so the
// store keeps it for an undo. An object the organization no longer has is left as it is
// (a delete sent again after a lost answer finds it gone).
func (r *runner) prepareDelete(ctx context.Context, rec *record, p *prepared) (bool, error) {
	if r.obj.API.Routes.Delete.Path == "" {
		return false, &rowError{column: ActionHeader, text: i18n.M("the Webex Contact Center API cannot delete %s", pluralOf(r.obj))}
	}
	existing, err := r.org.match(ctx, r.m, rec)
	if err != nil || existing == nil {
		return existing == nil && err == nil, err
	}
	p.del, p.update, p.id = true, true, str(existing["id"])
	cur, err := r.current(ctx, existing)
	if webex.IsNotFound(err) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	p.cur = cur
	if err := r.sinceCheck(ctx, rec, cur); err != nil { // what was checked is what goes
		return false, err
	}
	if err := r.stillUsed(ctx, rec, p.id); err != nil {
		return false, err
	}
	if r.m.hooks.kept != nil && !r.decideOnly { // the job keeps it; a plan needs it not
		p.cur, err = r.m.hooks.kept(ctx, r.m, cur)
	}
	return false, err
}

// deleteOne deletes p's object on a route that names one object (DELETE audio-file/{id}).
// An answer of 404 comes back as an error, which deliver turns into the row's
// "already gone" (judge).
func (r *runner) deleteOne(ctx context.Context, rt catalog.Route, p prepared) (webex.BulkResult, error) {
	if rt.Method != http.MethodDelete || !rt.One() || p.id == "" {
		return webex.BulkResult{}, i18n.Errorf("%s: the engine cannot delete one object on %s", r.obj.Key, rt)
	}
	if err := r.api.Delete(ctx, pathOf(rt.Path), p.id); err != nil {
		return webex.BulkResult{}, err
	}
	return webex.BulkResult{ItemIdentifier: p.rec.rows[0].Seq, Status: http.StatusOK, OperationType: "DELETE", Href: "/" + p.id}, nil
}

// deleteItem is a bulk delete's item: the whole object as read, since live tenants
// refuse a delete that carries only the id (live-api.md, "Bulk routes").
func deleteItem(p prepared) webex.Object {
	if p.cur != nil {
		return p.cur
	}
	return webex.Object{"id": p.id}
}

// cmpBool orders true before false when called as cmpBool(b, a).
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

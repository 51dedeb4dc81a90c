package bulk

import (
	"context"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
)

// deletedFirst is the organization with someone else deleting each object just before
// the job's own DELETE of it arrives, which the organization then answers 404.
type deletedFirst struct{ jobs.API }

func (d deletedFirst) Delete(ctx context.Context, path, id string) error {
	if err := d.API.Delete(ctx, path, id); err != nil {
		return err
	}
	return d.API.Delete(ctx, path, id)
}

// A delete the organization answers 404 is done, and the job's detail says so under
// Notes, beside the Succeeded count that names the delete; a job with no such row
// shows no Notes.
func TestDetailShowsAlreadyGone(t *testing.T) {
	e := newEnv(t)
	e.b.SetConnection(e.target)
	const head = "Name,Description,Parent Type,Site,Entry Name,Entry Number"
	made := e.runSheet("address_book", head+"\nGone Book,,ORGANIZATION,,,\n")
	e.b.showJob(made.ID)
	if e.b.detail.notes.Visible() || shows(e.win, "Notes") {
		t.Errorf("a job that says nothing of its rows shows Notes: %q", e.b.detail.notes.Text)
	}

	ctx := context.Background()
	d, err := jobs.BuildDraft(jobs.DraftSource{Name: "books.csv", Sheets: []*sheets.Sheet{
		sheetOf(t, "address_book", head+",Action\nGone Book,,ORGANIZATION,,,,DELETE\n")}})
	if err == nil {
		err = d.Check(ctx, e.api)
	}
	if err != nil || d.Preview.Deletes != 1 {
		t.Fatalf("the delete's plan: %v, %d deletes", err, d.Preview.Deletes)
	}
	e.b.engine.API = deletedFirst{e.b.engine.API}
	j, err := e.b.engine.SubmitDraft(ctx, d, "admin@example.com")
	if err == nil {
		j, err = e.b.engine.Run(ctx, j.ID, nil)
	}
	if err != nil || j.Status != jobs.Completed {
		t.Fatalf("the delete job: %v %s", err, j.Status)
	}
	e.b.Refresh()
	e.b.showJob(j.ID)
	det := e.b.detail
	if !det.notes.Visible() || !shows(e.win, "Notes") ||
		!strings.HasPrefix(det.notes.Text, "Row 2: already gone: the organization no longer had it") {
		t.Errorf("the detail's notes: visible %v, %q", det.notes.Visible(), det.notes.Text)
	}
	if got := det.fields[fieldSucceeded].Text; !strings.HasSuffix(got, ", 1 deleted") {
		t.Errorf("Succeeded: %q, want the delete counted", got)
	}
}

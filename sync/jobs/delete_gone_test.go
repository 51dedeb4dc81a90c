package jobs

import (
	"context"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/webex"
)

// goneFirst is an API on which someone else deletes each object a bulk delete names just
// before the delete arrives: the sandbox then answers 404 for every item.
type goneFirst struct {
	API
	deleted int
}

func (g *goneFirst) BulkSave(ctx context.Context, path, method string, items []webex.BulkItem) ([]webex.BulkResult, error) {
	var dels []webex.BulkItem
	for _, it := range items {
		if it.RequestAction == webex.ActionDelete {
			dels = append(dels, it)
		}
	}
	if len(dels) > 0 {
		if _, err := g.API.BulkSave(ctx, path, method, dels); err != nil {
			return nil, err
		}
		g.deleted += len(dels)
	}
	return g.API.BulkSave(ctx, path, method, items)
}

// A delete the organization answers 404 (the record went between the check and the
// send) counts as done, with a note saying it was gone already.
func TestDeleteOfARecordAlreadyGone(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	gone := e.newCopies(t, "queue", 2)
	d := e.draftOf(t, "queue", withAction(gone, DeleteMark))
	if err := d.Check(ctx, e.api); err != nil || d.Preview.Deletes != 2 {
		t.Fatalf("plan: %d deletes, %v", d.Preview.Deletes, err)
	}
	api := &goneFirst{API: e.api}
	e.eng.API = api
	j, err := e.eng.SubmitDraft(ctx, d, "admin@example.com")
	if err == nil {
		j, err = e.eng.Run(ctx, j.ID, nil)
	}
	if err != nil || j.Status != Completed || j.Succeeded != len(gone.Rows) || api.deleted != 2 {
		t.Fatalf("the job: %v %s, %d succeeded, %d deleted by another first\n%s", err, j.Status, j.Succeeded, api.deleted, e.errorCSV(j.ID))
	}
	rows, err := e.store.Rows(ctx, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Operation != OpDeleted || !strings.Contains(r.Message, "already gone") {
			t.Errorf("row %d: %s %q, want deleted with a note that it was gone", r.Number, r.Operation, r.Message)
		}
	}
}

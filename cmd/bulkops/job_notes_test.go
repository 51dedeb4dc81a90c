package main

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/sync/webex"
)

// deletedFirst is an API on which someone else deletes each record a delete names just
// before the delete arrives: the organization then answers 404.
type deletedFirst struct {
	jobs.API
	deleted int
}

func (g *deletedFirst) BulkSave(ctx context.Context, path, method string, items []webex.BulkItem) ([]webex.BulkResult, error) {
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

func (g *deletedFirst) Delete(ctx context.Context, path, id string) error {
	if err := g.API.Delete(ctx, path, id); err != nil {
		return err
	}
	g.deleted++
	return g.API.Delete(ctx, path, id)
}

// A delete job whose record someone else deleted first: bulkops job counts the delete in
// its Succeeded line and shows the row's note, as the window's job detail does; --json
// has both too.
func TestJobShowsDeletesAndNotes(t *testing.T) {
	withGoneOne(t)
	del := writeFile(t, "delete.csv", "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout,Action\n"+
		"Gone One,Prague,AGENT,,Czech Support,Global Layout,DELETE\n")
	id, api := deleteWhenGone(t, del)
	if api.deleted != 1 {
		t.Fatalf("nobody deleted the record first: %d deletes", api.deleted)
	}

	code, out, errs := runCLI(t, "job", id)
	if code != 0 || detail(out, "Succeeded") != "1: 0 created, 0 updated, 0 unchanged, 1 deleted" ||
		!strings.Contains(out, "Notes:\n  row 2: already gone: the organization no longer had it when the delete was sent\n") {
		t.Errorf("bulkops job: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runCLI(t, "job", "--json", id)
	var got struct {
		Succeeded  int
		Operations map[string]int
		Notes      []rowJSON
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("bulkops job --json: exit %d %v\n%s%s", code, err, out, errs)
	}
	if got.Operations["deleted"] != 1 || got.Operations["created"] != 0 || len(got.Operations) != 4 || len(got.Notes) != 1 ||
		got.Notes[0].Row != 2 || !strings.HasPrefix(got.Notes[0].Message, "already gone") {
		t.Errorf("bulkops job --json: %+v\n%s", got, out)
	}
}

// deleteWhenGone submits the delete sheet file through an API on which someone else
// deletes the record first, runs the job and returns its id.
func deleteWhenGone(t *testing.T, file string) (string, *deletedFirst) {
	t.Helper()
	draft, code := draftForSubmit([]string{file}, readOptions(nil, "", ""), io.Discard, io.Discard, false)
	if code != 0 {
		t.Fatalf("draft: exit %d", code)
	}
	ctx := context.Background()
	s, code := openSession(ctx, "", io.Discard)
	if code != 0 {
		t.Fatalf("session: exit %d", code)
	}
	defer s.close()
	if err := draft.Check(ctx, s.conn.Org()); err != nil || draft.Preview.Deletes != 1 {
		t.Fatalf("check: %d deletes, %v", draft.Preview.Deletes, err)
	}
	api := &deletedFirst{API: s.eng.API}
	s.eng.API = api
	j, err := s.eng.SubmitDraft(ctx, draft, "admin@example.com")
	if err == nil {
		j, err = s.eng.Run(ctx, j.ID, nil)
	}
	if err != nil || j.Status != jobs.Completed {
		t.Fatalf("the job: %v %s", err, j.Status)
	}
	return j.ID, api
}

package jobs

import (
	"context"
	"sync"
	"testing"

	"github.com/bulkops/bulkops/sync/webex"
)

// A site changed in the organization between the check and the submit is refused with
// what it is now; the other rows of the job go through, and the other change stays.
func TestChangedSinceTheCheckIsRefused(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	obj := mustObject(t, "site")
	sites, err := Export(ctx, e.api, obj)
	if err != nil {
		t.Fatal(err)
	}
	mm := sites.Index("Multimedia Profile")
	planned1 := otherThan(sites.Rows[0].Cells[mm], sites.Rows[1].Cells[mm])
	other := otherThan(sites.Rows[0].Cells[mm], planned1)
	edited := sites.Clone()
	edited.Rows[0].Cells[mm] = planned1
	edited.Rows[1].Cells[mm] = planned1
	d := e.checkSheet(t, edited)
	if d.Preview.Updates != 2 {
		t.Fatalf("%d updates planned, want 2", d.Preview.Updates)
	}

	// Someone else changes the first site's multimedia profile meanwhile.
	site := e.object("site", sites.Rows[0].Cells[sites.Index("Name")])
	site["multimediaProfileId"] = e.id("multimedia_profile", other)
	if _, err := e.api.Update(ctx, "site", str(site["id"]), site); err != nil {
		t.Fatal(err)
	}

	j, err := e.eng.SubmitDraft(ctx, d, "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if j, err = e.eng.Run(ctx, j.ID, nil); err != nil {
		t.Fatal(err)
	}
	planned, err := e.store.PlannedUpdates(ctx, j.ID)
	if err != nil || len(planned) != 2 || planned[0].Row != 2 || len(planned[0].Changes) != 1 ||
		planned[0].Changes[0].New != planned1 || planned[0].Key != sites.Rows[0].Cells[0] {
		t.Errorf("the job keeps its planned updates: %+v, %v", planned, err)
	}
	rows, err := e.store.Rows(ctx, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := "changed in the organization since the check: Multimedia Profile is now " + other
	if rows[0].Outcome != Fail || rows[0].Message != want || rows[0].Column != "Multimedia Profile" {
		t.Errorf("row 2: %s %q on %q, want it failed with %q", rows[0].Outcome, rows[0].Message, rows[0].Column, want)
	}
	if rows[1].Outcome != Succeeded || rows[1].Operation != OpUpdated {
		t.Errorf("row 3: %s %s %s, want updated", rows[1].Outcome, rows[1].Operation, rows[1].Message)
	}
	after := e.object("site", sites.Rows[0].Cells[sites.Index("Name")])
	if after["multimediaProfileId"] != e.id("multimedia_profile", other) {
		t.Errorf("the other change was overwritten: %v", after)
	}
}

// otherThan is a multimedia profile of the sandbox other than a and b.
func otherThan(a, b string) string {
	for _, p := range []string{"Voice Only", "Blended Digital", "Digital Only"} {
		if p != a && p != b {
			return p
		}
	}
	return ""
}

// A change made in the organization after the job read it and before its write: the
// write is refused as stale (409), and the record, read again, fails as changed since
// the check rather than being sent again over the other change.
func TestChangeDuringTheJobIsNotOverwritten(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	sites, err := Export(ctx, e.api, mustObject(t, "site"))
	if err != nil {
		t.Fatal(err)
	}
	mm := sites.Index("Multimedia Profile")
	planned := otherThan(sites.Rows[0].Cells[mm], "")
	other := otherThan(sites.Rows[0].Cells[mm], planned)
	edited := sites.Clone()
	edited.Rows = edited.Rows[:1]
	edited.Rows[0].Cells[mm] = planned
	d := e.checkSheet(t, edited)
	var once sync.Once
	e.eng.API = updateAPI{API: e.api, before: func() {
		once.Do(func() {
			site := e.object("site", sites.Rows[0].Cells[0])
			site["multimediaProfileId"] = e.id("multimedia_profile", other)
			if _, err := e.api.Update(ctx, "site", str(site["id"]), site); err != nil {
				t.Error(err)
			}
		})
	}}
	j := e.submitDraftRun(d)
	rows, _ := e.store.Rows(ctx, j.ID)
	if want := "changed in the organization since the check: Multimedia Profile is now " + other; rows[0].Message != want {
		t.Errorf("row 2: %s %q, want %q", rows[0].Outcome, rows[0].Message, want)
	}
	if got := e.object("site", sites.Rows[0].Cells[0])["multimediaProfileId"]; got != e.id("multimedia_profile", other) {
		t.Errorf("the other change was overwritten: %v", got)
	}
}

// updateAPI runs before ahead of each single update, to change the organization
// between the job's reading and its writing.
type updateAPI struct {
	API
	before func()
}

func (u updateAPI) Update(ctx context.Context, path, id string, obj any) (webex.Object, error) {
	u.before()
	return u.API.Update(ctx, path, id, obj)
}

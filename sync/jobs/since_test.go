package jobs

import (
	"context"
	"testing"
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

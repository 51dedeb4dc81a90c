package jobs

import (
	"context"
	"strings"
	"testing"
)

// A small job: a create, an update that keeps what the sheet does not mention, and a row
// whose reference the organization does not know, which fails with a "did you mean".
func TestRunCreatesUpdatesAndFailsRows(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := "Name,Multimedia Profile\n" +
		"Brno,Voice Only\n" +
		"Prague,Digital Only\n" +
		"Ostrava,Voice Onyl\n"
	j := e.submitRun("site", e.pack("site", csv))
	if j.Status != CompletedWithErrors || j.Total != 3 || j.Succeeded != 2 || j.Failed != 1 {
		t.Fatalf("job: %s, total %d, succeeded %d, failed %d", j.Status, j.Total, j.Succeeded, j.Failed)
	}
	e.checkAccounted(j)
	rows, _ := e.store.Rows(context.Background(), j.ID)
	if rows[0].Operation != "created" || rows[1].Operation != "updated" {
		t.Errorf("operations: %q, %q; want created, updated", rows[0].Operation, rows[1].Operation)
	}
	want := "Name,Multimedia Profile,Error Message\r\n" +
		`Ostrava,Voice Onyl,"Multimedia Profile ""Voice Onyl"" does not exist in the organization (did you mean ""Voice Only""?)"` + "\r\n"
	if got := e.errorCSV(j.ID); got != want {
		t.Errorf("error file:\n%s\nwant:\n%s", got, want)
	}
	if rows[2].Column != "Multimedia Profile" {
		t.Errorf("the message is on column %q, want Multimedia Profile", rows[2].Column)
	}
	prague, err := e.api.Get(context.Background(), "site", rows[1].ObjectID)
	if err != nil {
		t.Fatal(err)
	}
	if prague["description"] != "Prague contact center" {
		t.Errorf("the update lost the description the sheet does not mention: %v", prague["description"])
	}
	if n := e.names("site"); n["Brno"] != 1 || n["Ostrava"] != 0 {
		t.Errorf("sites after the job: %v", n)
	}
	if !strings.HasPrefix(j.ID, "BO-") || j.StartedAt.IsZero() || j.EndedAt.Before(j.StartedAt) {
		t.Errorf("job record: %+v", j)
	}
}

package jobs

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/i18n"
)

// A row the engine fails for a reason of its own keeps its message's template: read back
// from the store it shows in Czech, while the error file for Control Hub stays English.
func TestRowErrorShowsInCzech(t *testing.T) {
	e := newEnv(t, envOptions{})
	j := e.submitRun("site", e.pack("site", siteCSV("Lang", 3, func(i int) bool { return i == 2 })))
	rows, err := e.store.Rows(context.Background(), j.ID, Fail)
	if err != nil || len(rows) != 1 {
		t.Fatalf("failed rows: %v %v", rows, err)
	}
	r := rows[0]
	if want := `Multimedia Profile "Voice Onyl" does not exist in the organization (did you mean "Voice Only"?)`; r.Message != want || r.MessageIn(i18n.English) != want {
		t.Errorf("English: %q", r.Message)
	}
	if want := `"Voice Onyl" (Multimediální profily) v organizaci neexistuje (neměli jste na mysli "Voice Only"?)`; r.MessageIn(i18n.Czech) != want {
		t.Errorf("Czech: %q, want %q", r.MessageIn(i18n.Czech), want)
	}
	_, fs, err := e.store.ErrorSheet(context.Background(), j.ID)
	if err != nil || len(fs) != 1 || fs[0].Message != r.Message || fs[0].MessageIn(i18n.Czech) != r.MessageIn(i18n.Czech) || fs[0].Column != "Multimedia Profile" {
		t.Errorf("the failed row as a finding: %+v, %v", fs, err)
	}
	if csv := e.errorCSV(j.ID); !strings.Contains(csv, `does not exist in the organization`) || strings.Contains(csv, "neexistuje") {
		t.Errorf("the error file is not Control Hub's English:\n%s", csv)
	}
}

// A store written before messages were kept as templates (schema 1) opens, and its rows
// and reasons show as they were stored, in every language.
func TestOldStoreStillShown(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBName)
	old, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{migrations[0], "PRAGMA user_version = 1",
		`INSERT INTO jobs (id, file_name, object, status, reason, submitted_by, org_id, submitted_at, total, failed, package_name, package)
			VALUES ('BO-20261101-AAAA', 'sites.csv', 'site', 'Failed', 'the organization has not answered since 10:00:00: EOF',
			'admin@example.com', 'org1', 1, 1, 1, 'sites.csv', x'')`,
		`INSERT INTO files (job_id, file_no, name, header) VALUES ('BO-20261101-AAAA', 0, 'sites.csv', '["Name"]')`,
		`INSERT INTO job_rows (job_id, seq, unit, file_no, row_number, cells, outcome, message, col)
			VALUES ('BO-20261101-AAAA', 0, 0, 0, 2, '["Ostrava"]', 'failed', 'Multimedia Profile "X" does not exist in the organization', 'Name')`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	j, err := s.Get(ctx, "BO-20261101-AAAA")
	if err != nil {
		t.Fatal(err)
	}
	if want := "the organization has not answered since 10:00:00: EOF"; j.ReasonIn(i18n.Czech) != want || j.Reason != want {
		t.Errorf("reason %q / %q", j.Reason, j.ReasonIn(i18n.Czech))
	}
	rows, err := s.Rows(ctx, j.ID)
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows %v %v", rows, err)
	}
	if want := `Multimedia Profile "X" does not exist in the organization`; rows[0].MessageIn(i18n.Czech) != want || rows[0].Column != "Name" {
		t.Errorf("old row shows %q on %q", rows[0].MessageIn(i18n.Czech), rows[0].Column)
	}
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != len(migrations) {
		t.Errorf("schema %d after open, want %d", v, len(migrations))
	}
	// A job from before Bulkops kept before-states has no undo, and says so.
	if j.Undoable {
		t.Error("a job of an old store counts as undoable")
	}
	e := &Engine{Store: s}
	if _, err := e.PlanUndo(ctx, j.ID, UndoOptions{}); err == nil || !strings.Contains(err.Error(), "has no undo: it was submitted before") {
		t.Errorf("undo of an old job: %v", err)
	}
}

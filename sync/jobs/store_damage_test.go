package jobs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/bulkops/bulkops/internal/i18n"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// storeWithJobs creates a store at path holding n jobs of a few hundred rows each, and
// closes it.
func storeWithJobs(t testing.TB, path string, n, rows int) []string {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []string
	for i := range n {
		rs := make([]Row, rows)
		for k := range rs {
			rs[k] = Row{Seq: k, Unit: k, Number: k + 2, Cells: []string{fmt.Sprintf("Site %d-%d", i, k), strings.Repeat("x", 80)}}
		}
		j, err := s.create(context.Background(), Job{FileName: "sites.csv", Object: "site", Status: Completed,
			SubmittedBy: "a@b.c", OrgID: "org", Total: rows}, Package{Name: "sites.csv", Data: []byte("Name\n")},
			[]File{{Name: "sites.csv", Header: []string{"Name", "Note"}}}, rs, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
	}
	return ids
}

// openDamaged opens the store at path, expecting it to be found damaged with problem,
// and returns the new store's notice.
func openDamaged(t *testing.T, path, problem string) *Damage {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	d := s.Damaged()
	if d == nil {
		t.Fatalf("the damage (%s) went unnoticed", problem)
	}
	if !strings.Contains(d.Problem, problem) {
		t.Errorf("problem %q, want it to say %q", d.Problem, problem)
	}
	want := fmt.Sprintf("the job store %s was damaged (%s): it was moved to %s and a new, empty job store was started; "+
		"the jobs submitted before are not listed any more, their data is in the moved file", path, d.Problem, d.MovedTo)
	if d.Error() != want {
		t.Errorf("notice\n%s\nwant\n%s", d.Error(), want)
	}
	if filepath.Dir(d.MovedTo) != filepath.Dir(path) || !strings.HasPrefix(filepath.Base(d.MovedTo), "jobs.damaged-") ||
		!strings.HasSuffix(d.MovedTo, ".db") {
		t.Errorf("moved to %s", d.MovedTo)
	}
	if _, err := os.Stat(d.MovedTo); err != nil {
		t.Errorf("the damaged file is not kept: %v", err)
	}
	list, err := s.List(context.Background(), ListOptions{})
	if err != nil || len(list) != 0 {
		t.Errorf("the new store lists %d jobs, %v", len(list), err)
	}
	if _, err := s.create(context.Background(), Job{FileName: "a.csv", Object: "site", Status: New, SubmittedBy: "x",
		OrgID: "org"}, Package{Name: "a.csv", Data: []byte("Name\n")}, nil, nil, nil); err != nil {
		t.Errorf("the new store takes no job: %v", err)
	}
	return d
}

// A zero-byte jobs.db beside its write-ahead log was in use: the history is not silently
// dropped; the file and its -wal are moved aside together.
func TestStoreEmptyFileWithLogIsDamaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBName)
	mustStore(t, os.WriteFile(path, nil, 0o600))
	mustStore(t, os.WriteFile(path+"-wal", []byte("log of the lost pages"), 0o600))
	d := openDamaged(t, path, "the file is empty, but it held jobs")
	if b, err := os.ReadFile(d.MovedTo + "-wal"); err != nil || string(b) != "log of the lost pages" {
		t.Errorf("the -wal did not move with the file: %q %v", b, err)
	}
}

// A zero-byte jobs.db with a job's lock beside it was in use too.
func TestStoreEmptyFileWithJobLockIsDamaged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DBName)
	mustStore(t, os.WriteFile(path, nil, 0o600))
	mustStore(t, os.MkdirAll(filepath.Join(dir, locksDir), 0o700))
	mustStore(t, os.WriteFile(filepath.Join(dir, locksDir, "BO-20261203-ABCD.lock"), nil, 0o600))
	openDamaged(t, path, "the file is empty, but it held jobs")
}

// A zero-byte file with no sign of use (a first start that stopped at once) is a new
// store, without a word.
func TestStoreEmptyFileNeverUsedIsNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBName)
	mustStore(t, os.WriteFile(path, nil, 0o600))
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if d := s.Damaged(); d != nil {
		t.Errorf("a never used empty file was reported: %v", d)
	}
}

func TestStoreBadHeaderIsDamaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBName)
	mustStore(t, os.WriteFile(path, []byte(strings.Repeat("not a database\n", 100)), 0o600))
	openDamaged(t, path, "the file is not an SQLite database: its header is missing or wrong")
}

// A store whose pages were overwritten ("database disk image is malformed" at every
// command before) is found at open by the quick check or by SQLite itself.
func TestStoreMalformedIsDamaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBName)
	storeWithJobs(t, path, 3, 300)
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 20*4096 {
		t.Fatalf("store of %d bytes, %v", len(b), err)
	}
	for i := 2 * 4096; i < len(b)-4096; i += 4096 { // every page but the first and the last
		copy(b[i:i+64], strings.Repeat("\xff", 64))
	}
	mustStore(t, os.WriteFile(path, b, 0o600))
	d := openDamaged(t, path, "")
	if d.Problem == "" {
		t.Error("no problem named")
	}
	t.Logf("problem found: %s", d.Problem)
}

// A healthy store opens without a notice and keeps its jobs.
func TestStoreHealthyIsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBName)
	ids := storeWithJobs(t, path, 2, 10)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Damaged() != nil {
		t.Fatalf("a healthy store was reported: %v", s.Damaged())
	}
	if list, _ := s.List(context.Background(), ListOptions{}); len(list) != len(ids) {
		t.Errorf("%d jobs, want %d", len(list), len(ids))
	}
}

func mustStore(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkStoreOpen measures Open, quick check included, of a store holding 100,000
// rows (20 jobs of 5,000): what every command pays before it starts.
func BenchmarkStoreOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), DBName)
	storeWithJobs(b, path, 20, 5000)
	fi, _ := os.Stat(path)
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	b.ReportMetric(float64(fi.Size())/1e6, "MB")
}

// A failed run's error is kept on a job still to do, cleared when it starts again, and
// not written over an ended job.
func TestStoreNoteRunError(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), DBName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	j, err := s.create(ctx, Job{FileName: "a.csv", Object: "site", Status: New, SubmittedBy: "x", OrgID: "org"},
		Package{Name: "a.csv", Data: []byte("Name\n")}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.NoteRunError(ctx, j.ID, i18n.Raw("the background run failed")); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(ctx, j.ID); got.Reason != "the background run failed" || got.Status != New {
		t.Errorf("after the note: %q %s", got.Reason, got.Status)
	}
	if got, _ := s.start(ctx, j.ID); got.Reason != "" || got.Status != InProgress {
		t.Errorf("after a new start: %q %s", got.Reason, got.Status)
	}
	if _, err := s.finish(ctx, j.ID, i18n.Msg{}); err != nil {
		t.Fatal(err)
	}
	s.NoteRunError(ctx, j.ID, i18n.Raw("late"))
	if got, _ := s.Get(ctx, j.ID); got.Reason != "" || got.Status != Completed {
		t.Errorf("an ended job: %q %s", got.Reason, got.Status)
	}
	if err := s.NoteRunError(ctx, "BO-20260101-XXXX", i18n.Raw("x")); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown job: %v", err)
	}
}

// A store whose jobs all finished (no -wal after the checkpoint, no job's lock) and that
// was then emptied to 0 bytes is not taken for a new one: the mark its first job left
// says it held jobs.
func TestStoreEmptiedAfterFinishedJobsIsDamaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBName)
	s, err := Open(path)
	mustStore(t, err)
	_, err = s.create(context.Background(), Job{FileName: "a.csv", Object: "site", Status: Completed, SubmittedBy: "x",
		OrgID: "org"}, Package{Name: "a.csv", Data: []byte("Name\n")}, nil, nil, nil)
	mustStore(t, err)
	mustStore(t, s.Close())
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	if locks, _ := filepath.Glob(filepath.Join(filepath.Dir(path), locksDir, "BO-*.lock")); len(locks) > 0 {
		t.Fatalf("job locks left: %v", locks)
	}
	mustStore(t, os.Truncate(path, 0))
	openDamaged(t, path, "the file is empty, but it held jobs")
}

// A full disk is named with the folder whose disk is full, not only SQLite's
// "database or disk is full (13)". (SQLite's page limit stands in for the disk.)
func TestStoreFullNamesTheFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBName)
	s, err := Open(path)
	mustStore(t, err)
	defer s.Close()
	s.db.SetMaxOpenConns(1)
	var pages int
	mustStore(t, s.db.QueryRow("PRAGMA page_count").Scan(&pages))
	_, err = s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2))
	mustStore(t, err)
	_, err = s.create(context.Background(), Job{FileName: "a.csv", Object: "site", Status: Completed, SubmittedBy: "x",
		OrgID: "org"}, Package{Name: "a.csv", Data: bytes.Repeat([]byte("Name\n"), 100_000)}, nil, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "the disk of the folder "+filepath.Dir(path)+" is full") {
		t.Errorf("full store: %v", err)
	}
}

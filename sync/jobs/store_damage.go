package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bulkops/bulkops/internal/i18n"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Damage tells that the job store found at open was damaged: it was moved aside, with
// its -wal and -shm, and a new, empty store was started in its place, so that the
// commands and the window work again and the old history can still be rescued.
type Damage struct {
	Path        string   // the store's file
	Problem     string   // what was wrong with it, in English
	ProblemText i18n.Msg // the same, to show it in the user's language
	MovedTo     string   // where the damaged file is now
}

// Error is the notice for the user: what happened, and where the old file went.
func (d *Damage) Error() string { return d.Text().String() }

// Text is the notice as a message, for the user's language.
func (d *Damage) Text() i18n.Msg {
	problem := d.ProblemText
	if problem.IsZero() { // a Damage made by hand, without its message
		problem = i18n.Raw(d.Problem)
	}
	return i18n.M("the job store %s was damaged (%s): it was moved to %s and a new, empty job store was started; "+
		"the jobs submitted before are not listed any more, their data is in the moved file", d.Path, problem, d.MovedTo)
}

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// inspect says what is wrong with the store file at path before SQLite opens it, or ""
// when nothing is (including when it does not exist yet). A zero-byte file is a new
// store unless the store was evidently used before: a write-ahead log beside it, the
// lock of a job that ran, or the mark its first job left (markUsed).
func inspect(path string) i18n.Msg {
	f, err := os.Open(path)
	if err != nil {
		return i18n.Msg{}
	}
	defer f.Close()
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && usedBefore(path):
		return i18n.M("the file is empty, but it held jobs: its write-ahead log, a job's lock or the mark its first job left is still there")
	case n == 0:
		return i18n.Msg{}
	case err != nil || string(head[:len(sqliteMagic)]) != sqliteMagic:
		return i18n.M("the file is not an SQLite database: its header is missing or wrong")
	}
	return i18n.Msg{}
}

func usedBefore(path string) bool {
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return true
	}
	if _, err := os.Stat(usedMark(path)); err == nil {
		return true
	}
	locks, _ := filepath.Glob(filepath.Join(filepath.Dir(path), locksDir, "BO-*.lock"))
	return len(locks) > 0
}

// usedMark is the file that says the store at path has held jobs. The -wal goes at a
// checkpoint and a job's lock when it ends, so after a finished job nothing else would
// tell an emptied store (a disk tool, a sync client) from a first start.
func usedMark(path string) string { return filepath.Join(filepath.Dir(path), locksDir, "store-used") }

// markUsed leaves the mark once; a store it cannot be written beside still works (the
// -wal and the locks remain signs), so a failure is not the job's.
func markUsed(path string) {
	m := usedMark(path)
	if _, err := os.Stat(m); err == nil {
		return
	}
	_ = os.WriteFile(m, []byte("this job store has held jobs; an empty jobs.db beside it was emptied, not new\n"), 0o600)
}

// markIfUsed leaves the mark for a store that holds jobs from before marks were left.
func (s *Store) markIfUsed() {
	var any bool
	if err := s.db.QueryRow("SELECT EXISTS (SELECT 1 FROM jobs)").Scan(&any); err == nil && any {
		markUsed(s.path)
	}
}

// check runs SQLite's quick check on an open store: nothing when it says ok, else its
// first complaint.
func check(ctx context.Context, db *sql.DB) (i18n.Msg, error) {
	var first string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&first); err != nil {
		return i18n.Msg{}, err
	}
	if first == "ok" {
		return i18n.Msg{}, nil
	}
	return i18n.M("the quick check found: %s", i18n.Raw(strings.Join(strings.Fields(first), " "))), nil
}

// damaged reports whether err is SQLite finding the file corrupt or not a database, and
// in which words.
func damaged(err error) (string, bool) {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return "", false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return strings.TrimSpace(se.Error()), true
	}
	return "", false
}

// full words SQLite's "database or disk is full (13)" for a person: which folder's disk
// is full and what to do. Other errors are returned as they are.
func (s *Store) full(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_FULL {
		return err
	}
	return i18n.Errorf("the job store %s could not be written: the disk of the folder %s is full; "+
		"free some space there and try again (%s)", s.path, filepath.Dir(s.path), i18n.Raw(strings.TrimSpace(se.Error())))
}

// moveAside renames the store file and its -wal and -shm to a name with the time, in the
// same folder (jobs.db → jobs.damaged-20261203-101500.db, jobs.damaged-…db-wal), so that
// SQLite still finds the log of the moved file. It returns the new name of the file.
func moveAside(path string, now time.Time) (string, error) {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext) + ".damaged-" + now.Format("20060102-150405")
	to := base + ext
	for i := 2; exists(to) || exists(to+"-wal"); i++ {
		to = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
	if err := os.Rename(path, to); err != nil {
		return "", i18n.Errorf("the job store %s is damaged and could not be moved aside: %w", path, err)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if err := os.Rename(path+side, to+side); err != nil && !errors.Is(err, os.ErrNotExist) {
			return to, i18n.Errorf("the damaged job store was moved to %s, but not its %s file: %w", to, side, err)
		}
	}
	return to, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

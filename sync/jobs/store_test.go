package jobs

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestStoreSchemaVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBName)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != len(migrations) {
		t.Fatalf("schema %d, want %d", v, len(migrations))
	}
	s.db.Exec("PRAGMA user_version = 99")
	s.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "written by a newer Bulkops (schema 99") {
		t.Fatalf("opening a newer store: %v", err)
	}
}

func TestStoreUnknownJob(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), DBName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Get(ctx, "BO-20260101-XXXX"); !errors.Is(err, ErrNotFound) || err.Error() != "job BO-20260101-XXXX: no such job" {
		t.Errorf("Get: %v", err)
	}
	if err := s.RequestCancel(ctx, "BO-20260101-XXXX"); !errors.Is(err, ErrNotFound) {
		t.Errorf("RequestCancel: %v", err)
	}
	if _, _, err := s.WriteErrorsFile(ctx, "BO-20260101-XXXX", filepath.Join(t.TempDir(), "e.csv")); !errors.Is(err, ErrNotFound) {
		t.Errorf("WriteErrorsFile: %v", err)
	}
}

// A job's id reads well: BO-, its date, four characters that cannot be misread.
func TestJobIDShape(t *testing.T) {
	for range 100 {
		id := newJobID(mustTime(t))
		if len(id) != 16 || !strings.HasPrefix(id, "BO-20261124-") || strings.ContainsAny(id[12:], "01IO") {
			t.Fatalf("id %q", id)
		}
	}
}

func mustTime(t *testing.T) time.Time {
	tm, err := time.Parse(time.RFC3339, "2026-11-24T10:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

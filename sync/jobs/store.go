package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"sync"
	"time"

	"github.com/bulkops/bulkops/internal/datadir"
	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// DBName is the store's file in the data directory.
const DBName = "jobs.db"

// Store keeps jobs, their packages and their rows. Several processes (the window and the
// command line) may open the same file at once: the database runs in WAL mode, waits for
// a busy writer instead of failing, and every write that decides something (a new job,
// a batch's outcome) is one transaction.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
	// wmu queues this process's writers in Go: SQLite's busy handler backs off by
	// sleeping, which would idle the runner; other processes still wait on busy_timeout.
	wmu sync.Mutex
}

// ErrNotFound is returned for a job id the store does not have.
var ErrNotFound = errors.New("no such job")

// OpenDefault opens the store in the data directory.
func OpenDefault() (*Store, error) {
	p, err := datadir.File(DBName)
	if err != nil {
		return nil, err
	}
	return Open(p)
}

// Open opens (creating when missing) the store at path and brings its schema up to date.
func Open(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Set("_busy_timeout", "15000")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate") // writers queue at BEGIN, so a read-then-write never deadlocks
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: abs}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("job store %s: %w", abs, err)
	}
	s := &Store{db: db, path: abs, now: time.Now}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("job store %s: %w", abs, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// lockPath is the file a process locks while it runs job id.
func (s *Store) lockPath(id string) string {
	return filepath.Join(filepath.Dir(s.path), "jobs.locks", id+".lock")
}

// tx runs f in a write transaction (BEGIN IMMEDIATE) and commits when f returns nil.
func (s *Store) tx(ctx context.Context, f func(*sql.Tx) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(t); err != nil {
		t.Rollback()
		return err
	}
	return t.Commit()
}

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v)
}

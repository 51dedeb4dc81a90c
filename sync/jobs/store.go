package jobs

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/bulkops/bulkops/internal/datadir"
	"github.com/bulkops/bulkops/internal/flock"
	"github.com/bulkops/bulkops/internal/i18n"
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
	wmu    sync.Mutex
	damage *Damage
}

// ErrNotFound is returned for a job id the store does not have.
var ErrNotFound = i18n.Errorf("no such job")

// OpenDefault opens the store in the data directory.
func OpenDefault() (*Store, error) {
	p, err := datadir.File(DBName)
	if err != nil {
		return nil, err
	}
	return Open(p)
}

// Open opens (creating when missing) the store at path and brings its schema up to date.
// A damaged store (an empty file that was in use, a wrong header, a failed quick check,
// SQLite calling it corrupt) is moved aside and a new one started: Damaged says so, and
// the caller tells the user. The file and its -wal and -shm are the user's alone (0600).
func Open(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(filepath.Dir(abs), locksDir), 0o700); err != nil {
		return nil, i18n.Errorf("job store %s: %w", abs, err)
	}
	// One process at a time looks at and sets up the file: another one's store that is
	// being created (still empty) is not damaged.
	lock, err := waitLock(filepath.Join(filepath.Dir(abs), locksDir, "open.lock"), openWait)
	if err != nil {
		return nil, i18n.Errorf("job store %s: %w", abs, err)
	}
	defer lock.Unlock()
	var dmg *Damage
	problem := inspect(abs)
	for {
		if !problem.IsZero() {
			if dmg != nil { // the new store is damaged at once: not the file's fault
				return nil, i18n.Errorf("job store %s: a new store cannot be started: %s", abs, problem)
			}
			to, err := moveAside(abs, time.Now())
			if err != nil {
				return nil, err
			}
			dmg = &Damage{Path: abs, Problem: problem.String(), ProblemText: problem, MovedTo: to}
		}
		var s *Store
		if s, problem, err = openChecked(abs); err != nil {
			return nil, i18n.Errorf("job store %s: %w", abs, err)
		}
		if s != nil {
			s.damage = dmg
			s.markIfUsed()
			return s, nil
		}
	}
}

// openWait bounds how long Open waits for another process to finish opening the store.
const openWait = 30 * time.Second

// openChecked opens the file, migrates and checks it. A damaged file gives a nil Store
// and the problem; other failures an error.
func openChecked(abs string) (*Store, i18n.Msg, error) {
	// Created private, so that SQLite's -wal and -shm, which copy its mode, are too.
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, i18n.Msg{}, err
	}
	f.Close()
	for _, p := range []string{abs, abs + "-wal", abs + "-shm"} {
		if err := datadir.Private(p); err != nil {
			return nil, i18n.Msg{}, err
		}
	}
	q := url.Values{}
	q.Set("_busy_timeout", "15000")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate") // writers queue at BEGIN, so a read-then-write never deadlocks
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: abs}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, i18n.Msg{}, err
	}
	s := &Store{db: db, path: abs, now: time.Now}
	ctx := context.Background()
	err = s.migrate(ctx)
	var problem i18n.Msg
	if err == nil {
		problem, err = check(ctx, db)
	}
	if err != nil {
		if p, ok := damaged(err); ok {
			problem, err = i18n.Raw(p), nil
		}
	}
	if err != nil || !problem.IsZero() {
		db.Close()
		return nil, problem, err
	}
	return s, i18n.Msg{}, nil
}

// Damaged says whether Open found the store damaged and started a new one; nil when not.
func (s *Store) Damaged() *Damage { return s.damage }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// locksDir holds the lock files, beside the store.
const locksDir = "jobs.locks"

// lockPath is the file a process locks while it runs job id.
func (s *Store) lockPath(id string) string {
	return filepath.Join(filepath.Dir(s.path), locksDir, id+".lock")
}

// waitLock takes the lock at path, waiting up to patience while another process holds it.
func waitLock(path string, patience time.Duration) (*flock.Lock, error) {
	deadline := time.Now().Add(patience)
	for {
		l, err := flock.TryLock(path)
		if !errors.Is(err, flock.ErrLocked) || time.Now().After(deadline) {
			return l, err
		}
		time.Sleep(20 * time.Millisecond)
	}
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
		return s.full(err)
	}
	return s.full(t.Commit())
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

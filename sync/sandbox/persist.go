package sandbox

import (
	"github.com/bulkops/bulkops/internal/atomicfile"

	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

// stateFormat names the layout of the state file.
const stateFormat = "bulkops-sandbox/1"

// stateFile is what the state file holds: the organization's objects and audio content.
// Never a token, never a client secret.
type stateFile struct {
	Format  string                  `json:"format"`
	OrgID   string                  `json:"orgId"`
	Seq     uint64                  `json:"seq"`
	Objects map[string][]savedEntry `json:"objects"`
	Blobs   map[string][]byte       `json:"blobs,omitempty"`
}

type savedEntry struct {
	Seq    uint64         `json:"seq"`
	Parent string         `json:"parent,omitempty"`
	Object map[string]any `json:"object"`
}

// saver is the state of the state file's writer.
type saver struct {
	mu     sync.Mutex // held while the file is written outside the state's lock (Save)
	closed bool       // after Close, changes are no longer written
	// snapshot and journal are the sizes of the state file and of the journal beside
	// it (journal.go): the journal is folded in once it outgrows the state file.
	snapshot, journal int64
}

// storeLocked writes the state file with the change just made, before the request that
// made it is answered: an organization must not lose a change it has confirmed (with
// the data folder on a full disk, a delayed write lost changes the job had recorded as
// made). The caller holds s.mu for writing, so no other change comes between the change
// and its write. When the file cannot be written, the state is put back to the file's
// (the change undone) and the error is returned for the request to fail with.
func (s *Server) storeLocked() error {
	if s.opt.DataFile == "" {
		return nil
	}
	s.saver.mu.Lock()
	defer s.saver.mu.Unlock()
	if s.saver.closed {
		return nil
	}
	err := s.storeChanges()
	if err == nil {
		return nil
	}
	s.opt.Logf("sandbox: %v", err)
	if st, lerr := s.loadState(); lerr == nil && st != nil {
		s.st = st // the files hold every change answered before this one
	} else {
		s.opt.Logf("sandbox: the change could not be undone: %v", lerr)
	}
	return err
}

// storeChanges appends the changes since the last store to the journal, or writes the
// whole state file when the journal has grown as large as it (or there is none yet).
// The caller holds s.mu for writing and saver.mu.
func (s *Server) storeChanges() error {
	l := s.st.takeChanges()
	if l == nil {
		return nil
	}
	line, err := json.Marshal(l)
	if err != nil {
		return fmt.Errorf("sandbox journal %s: %w", journalPath(s.opt.DataFile), err)
	}
	if s.saver.snapshot == 0 || s.saver.journal+int64(len(line)) > max(s.saver.snapshot, minCompact) {
		return s.writeSnapshot(s.st.snapshot())
	}
	if err := appendJournalFile(journalPath(s.opt.DataFile), append(line, '\n')); err != nil {
		return fmt.Errorf("sandbox journal %s: %w", journalPath(s.opt.DataFile), err)
	}
	s.saver.journal += int64(len(line)) + 1
	return nil
}

// stored is e, or when the change succeeded (e nil) the failure to store it, if any
// (storeLocked); the caller holds s.mu for writing.
func (s *Server) stored(e *itemError) *itemError {
	if e != nil {
		return e
	}
	if err := s.storeLocked(); err != nil {
		return storeFailure(err)
	}
	return nil
}

// storeFailure is the answer to a request whose change could not be stored.
func storeFailure(err error) *itemError {
	return newItemError(http.StatusInsufficientStorage, "sandbox",
		"the change could not be stored, so it was not made: "+err.Error())
}

// Save writes the whole state file now, folding the journal in (nothing to do without
// Options.DataFile).
func (s *Server) Save() error {
	if s.opt.DataFile == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saver.mu.Lock()
	defer s.saver.mu.Unlock()
	s.st.takeChanges() // the state file about to be written holds them
	return s.writeSnapshot(s.st.snapshot())
}

// Close stops writing the state file: every change was written before it was answered,
// so nothing is pending. The Server still answers requests afterwards, but their changes
// are no longer written.
func (s *Server) Close() error {
	s.saver.mu.Lock()
	defer s.saver.mu.Unlock()
	s.saver.closed = true
	return nil
}

// writeSnapshot replaces the state file with snap and removes the journal, which snap
// holds. The caller holds saver.mu.
func (s *Server) writeSnapshot(snap stateFile) error {
	b, err := json.MarshalIndent(snap, "", " ")
	if err != nil {
		return fmt.Errorf("sandbox state %s: %w", s.opt.DataFile, err)
	}
	if err := writeStateFile(s.opt.DataFile, b); err != nil {
		return fmt.Errorf("sandbox state %s: %w", s.opt.DataFile, err)
	}
	s.saver.snapshot = int64(len(b))
	// Replaying a journal the state file already holds changes nothing (journal.go), so
	// a journal that cannot be removed is only a slower next start.
	if err := os.Remove(journalPath(s.opt.DataFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		s.opt.Logf("sandbox: %v", err)
		return nil
	}
	s.saver.journal = 0
	s.opt.Logf("sandbox: state saved to %s", s.opt.DataFile)
	return nil
}

func (st *state) snapshot() stateFile {
	f := stateFile{Format: stateFormat, OrgID: st.org, Seq: st.seq,
		Objects: map[string][]savedEntry{}, Blobs: make(map[string][]byte, len(st.blobs))}
	for key, t := range st.tables {
		for _, rec := range t.recs {
			f.Objects[key] = append(f.Objects[key], savedEntry{Seq: rec.seq, Parent: rec.parent, Object: rec.obj})
		}
	}
	for id, b := range st.blobs {
		f.Blobs[id] = b
	}
	return f
}

// loadState reads the state file and replays its journal; a missing state file is
// (nil, nil). The caller holds saver.mu, or runs before anything runs beside it.
func (s *Server) loadState() (*state, error) {
	st, err := loadState(s.opt.DataFile)
	if err != nil || st == nil {
		return st, err
	}
	fi, err := os.Stat(s.opt.DataFile)
	if err != nil {
		return nil, fmt.Errorf("sandbox state %s: %w", s.opt.DataFile, err)
	}
	s.saver.snapshot = fi.Size()
	s.saver.journal, err = replayJournal(st, s.opt.DataFile, s.opt.Logf)
	return st, err
}

// loadState reads a state file; a missing file is (nil, nil).
func loadState(path string) (*state, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sandbox state %s: %w", path, err)
	}
	var f stateFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("sandbox state %s: not a sandbox state file: %w", path, err)
	}
	if f.Format != stateFormat || !isUUID(f.OrgID) {
		return nil, fmt.Errorf("sandbox state %s: format %q, organization %q: want %s with a UUID", path, f.Format, f.OrgID, stateFormat)
	}
	st := newState(f.OrgID)
	st.seq = f.Seq
	for key, entries := range f.Objects {
		t := st.tables[key]
		if t == nil {
			return nil, fmt.Errorf("sandbox state %s: unknown object type %q (written by a newer Bulkops?)", path, key)
		}
		for i, e := range entries {
			id := str(e.Object["id"])
			if id == "" {
				return nil, fmt.Errorf("sandbox state %s: %s object %d has no id", path, key, i+1)
			}
			t.put(id, e.Parent, e.Seq, e.Object)
			st.seq = max(st.seq, e.Seq)
		}
	}
	for id, blob := range f.Blobs {
		st.blobs[id] = blob
	}
	return st, nil
}

// loadOrSeed loads the state file, or builds a new organization and writes it there.
func (s *Server) loadOrSeed() error {
	s.saver = &saver{}
	if s.opt.DataFile != "" {
		st, err := s.loadState()
		if err != nil {
			return err
		}
		if st != nil {
			s.st = st
			return nil
		}
	}
	org := s.opt.OrgID
	if org == "" {
		org = newUUID()
	}
	st, err := seed(org, s.opt.Seed, s.nowMS())
	if err != nil {
		return err
	}
	s.st = st
	if s.opt.DataFile == "" {
		st.untracked()
		return nil
	}
	st.takeChanges() // the seed is in the state file about to be written
	return s.writeSnapshot(st.snapshot())
}

// writeStateFile is writeState; a test makes it fail as a full disk does.
var writeStateFile = writeState

// writeState replaces the state file atomically (mode 0600: it is the organization's data).
func writeState(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.WriteBytes(path, 0o600, data)
}

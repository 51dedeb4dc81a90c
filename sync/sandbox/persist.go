package sandbox

import (
	"github.com/bulkops/bulkops/internal/atomicfile"

	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
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

// saver gathers writes and puts them in the state file a moment later.
type saver struct {
	mu      sync.Mutex
	dirty   bool
	timer   *time.Timer
	closed  bool
	writeMu sync.Mutex // one file write at a time, held from taking dirty to the write's end
}

// changed notes a write; the file is written SaveDelay later.
func (s *Server) changed() {
	if s.opt.DataFile == "" {
		return
	}
	sv := s.saver
	sv.mu.Lock()
	defer sv.mu.Unlock()
	sv.dirty = true
	if sv.timer == nil && !sv.closed {
		sv.timer = time.AfterFunc(s.opt.SaveDelay, func() { s.flush() })
	}
}

// flush writes the state file if anything changed since the last write.
func (s *Server) flush() error {
	sv := s.saver
	sv.writeMu.Lock() // so that Close waits for a write the timer has begun
	defer sv.writeMu.Unlock()
	sv.mu.Lock()
	sv.timer = nil
	dirty := sv.dirty
	sv.dirty = false
	sv.mu.Unlock()
	if !dirty {
		return nil
	}
	err := s.writeState()
	if err != nil {
		sv.mu.Lock()
		sv.dirty = true // try again at the next write or at Close
		sv.mu.Unlock()
		s.opt.Logf("sandbox: %v", err)
	}
	return err
}

// Save writes the state file now (nothing to do without Options.DataFile).
func (s *Server) Save() error {
	if s.opt.DataFile == "" {
		return nil
	}
	s.saver.writeMu.Lock()
	defer s.saver.writeMu.Unlock()
	s.saver.mu.Lock()
	s.saver.dirty = false
	s.saver.mu.Unlock()
	return s.writeState()
}

// Close writes pending changes and stops the background writer. The Server still
// answers requests afterwards, but their changes are no longer written.
func (s *Server) Close() error {
	sv := s.saver
	sv.mu.Lock()
	sv.closed = true
	if sv.timer != nil {
		sv.timer.Stop()
		sv.timer = nil
	}
	sv.mu.Unlock()
	return s.flush()
}

// writeState snapshots the organization and replaces the state file atomically. The
// callers hold saver.writeMu (but the load at New, before anything runs beside it).
func (s *Server) writeState() error {
	s.mu.RLock()
	snap := s.st.snapshot() // objects are immutable: marshalling can happen unlocked
	s.mu.RUnlock()
	b, err := json.MarshalIndent(snap, "", " ")
	if err != nil {
		return fmt.Errorf("sandbox state %s: %w", s.opt.DataFile, err)
	}
	if err := writeState(s.opt.DataFile, b); err != nil {
		return fmt.Errorf("sandbox state %s: %w", s.opt.DataFile, err)
	}
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
		st, err := loadState(s.opt.DataFile)
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
	if s.opt.DataFile != "" {
		return s.writeState()
	}
	return nil
}

// writeState replaces the state file atomically (mode 0600: it is the organization's data).
func writeState(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.WriteBytes(path, 0o600, data)
}

// Package draft keeps unsaved sheets in a folder of the data directory, so nothing typed
// is lost when the window is closed or the process dies: each sheet as a CSV file (with
// the messages Control Hub wrote for its rows) beside a small JSON file that says which
// object type it is and which file it came from.
package draft

import (
	"github.com/bulkops/bulkops/internal/atomicfile"

	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// Draft is one unsaved sheet found in the folder.
type Draft struct {
	Object string    // object type key
	File   string    // the file the sheet came from or was last saved to; "" for a new sheet
	Saved  time.Time // when the draft was written
	Sheet  *sheets.Sheet
}

type meta struct {
	Object string    `json:"object"`
	File   string    `json:"file"`
	Saved  time.Time `json:"saved"`
}

// Save writes the draft of one sheet, replacing the previous draft of its object type.
// file is where the sheet is saved normally. Files are written whole and renamed into
// place, so a crash while saving leaves the previous draft.
func Save(dir string, s *sheets.Sheet, file string) error {
	if s.Object == nil {
		return errors.New("draft: a sheet without an object type")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("drafts %s: %w", dir, err)
	}
	key := s.Object.Key
	write := func(w io.Writer) error {
		if hasMessages(s) {
			return sheets.WriteErrorCSV(w, s)
		}
		return sheets.WriteCSV(w, s)
	}
	if err := atomicfile.Write(filepath.Join(dir, key+".csv"), 0o600, write); err != nil {
		return err
	}
	m := meta{Object: key, File: file, Saved: time.Now()}
	return atomicfile.Write(filepath.Join(dir, key+".json"), 0o600, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(m)
	})
}

// Load reads every draft in the folder, in the catalog's order. A draft that cannot be
// read is reported and left in place; the others load.
func Load(dir string) ([]Draft, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Draft
	var errs []error
	for _, e := range entries {
		key, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || e.IsDir() {
			continue
		}
		d, err := load(dir, key)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Sheet.Object.Order < out[j].Sheet.Object.Order })
	return out, errors.Join(errs...)
}

func load(dir, key string) (Draft, error) {
	b, err := os.ReadFile(filepath.Join(dir, key+".json"))
	if err != nil {
		return Draft{}, err
	}
	var m meta
	if err := json.Unmarshal(b, &m); err != nil {
		return Draft{}, fmt.Errorf("draft %s: %w", filepath.Join(dir, key+".json"), err)
	}
	o, ok := catalog.Lookup(m.Object)
	if !ok {
		return Draft{}, fmt.Errorf("draft %s: unknown object type %q", filepath.Join(dir, key+".json"), m.Object)
	}
	s, err := sheets.ReadFile(filepath.Join(dir, key+".csv"), sheets.ReadOptions{Object: o})
	if err != nil {
		return Draft{}, err
	}
	s.File = m.File
	if s.File == "" {
		s.File = o.Key + ".csv"
	}
	return Draft{Object: m.Object, File: m.File, Saved: m.Saved, Sheet: s}, nil
}

// Remove deletes the draft of an object type, if there is one.
func Remove(dir, key string) error {
	var errs []error
	for _, ext := range []string{".json", ".csv"} {
		if err := os.Remove(filepath.Join(dir, key+ext)); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func hasMessages(s *sheets.Sheet) bool {
	for _, r := range s.Rows {
		if r.Message != "" {
			return true
		}
	}
	return false
}

package ui

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/internal/atomicfile"
	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/words"
)

// The workbook open as a whole is kept beside the drafts (drafts/workbook/book.json: its
// file and its types) while some sheet of it has unsaved edits, so that the drafts of
// its sheets, restored, go back into it and it is saved again as one file, not a file
// per sheet. (A folder of its own: the drafts folder's JSON files are drafts.)

// bookDraft is the workbook the drafts of its sheets belong to.
type bookDraft struct {
	Path string   `json:"path"`
	Keys []string `json:"keys"`
}

func bookDraftPath(dir string) string { return filepath.Join(dir, "workbook", "book.json") }

// bookDraft is the workbook to keep with the drafts: nil when none is open or none of
// its sheets has unsaved edits.
func (s *Shell) bookDraft() *bookDraft {
	if s.book == nil {
		return nil
	}
	for _, k := range s.book.keys {
		if s.ed.Get(k).Doc.Modified() {
			return &bookDraft{Path: s.book.path, Keys: append([]string(nil), s.book.keys...)}
		}
	}
	return nil
}

// writeBookDraft keeps b beside the drafts in dir, or forgets it when nil.
func writeBookDraft(dir string, b *bookDraft) error {
	p := bookDraftPath(dir)
	if b == nil {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	data, err := json.Marshal(b)
	if err != nil {
		return err
	}
	return atomicfile.WriteBytes(p, 0o600, data)
}

// loadBookDraft is the workbook kept beside the drafts in dir, or nil.
func loadBookDraft(dir string) *bookDraft {
	data, err := os.ReadFile(bookDraftPath(dir))
	if err != nil {
		return nil
	}
	var b bookDraft
	if json.Unmarshal(data, &b) != nil || b.Path == "" {
		return nil
	}
	return &b
}

// restoreBook puts restored drafts back into their workbook: its file is read again
// for the sheets that had no unsaved edits, and the restored ones (files: each
// restored draft's type and the file it names) keep their edits. A draft belongs to
// the workbook when it names the workbook's file. When the workbook cannot be read, its
// restored sheets stay on their own, never to be saved over it alone.
func (s *Shell) restoreBook(b *bookDraft, files map[string]string) {
	if b == nil {
		return
	}
	var mine []string
	for _, k := range b.Keys {
		if f, ok := files[k]; ok && f == b.Path {
			mine = append(mine, k)
		}
	}
	if len(mine) == 0 {
		return
	}
	for _, k := range mine {
		s.ed.Get(k).Path = "" // a sheet of a workbook is saved with it, or on its own elsewhere
	}
	s.async(func() {
		r, err := readBook(b.Path)
		fyne.Do(func() {
			if err != nil {
				s.status.note(words.T("%s could not be opened again (%s): its restored sheets are saved on their own.", filepath.Base(b.Path), i18n.Of(err).In(words.Language())))
				return
			}
			var rest []*sheets.Sheet
			for _, sh := range r.sheets {
				if !contains(mine, sh.Object.Key) {
					rest = append(rest, sh)
				}
			}
			r.sheets = rest
			s.adoptBook(r, mine)
		})
	})
}

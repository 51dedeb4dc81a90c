package ui

import (
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/draft"
	"github.com/bulkops/bulkops/ui/words"
)

// drafter keeps the unsaved sheets as drafts in the data directory: a couple of seconds
// after the last change, and on quit. On start it offers the drafts it finds back.
type drafter struct {
	s     *Shell
	dir   string
	delay time.Duration // after the last change; 0 writes only when asked (tests)

	timer   *time.Timer
	writing sync.Mutex // one writer at a time; drafts are written off the UI goroutine
	saved   func()     // called after a background write, for tests
}

func newDrafter(s *Shell, dir string) *drafter {
	return &drafter{s: s, dir: dir, delay: 2 * time.Second}
}

// touch schedules a draft after a change; further changes push it back.
func (d *drafter) touch() {
	if d.dir == "" || d.delay <= 0 {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.delay, func() {
		fyne.Do(func() {
			snap := d.snapshot()
			go d.write(snap)
		})
	})
}

// pending is a sheet to write as a draft (a copy: the editor goes on editing its own),
// or, with sheet nil, an object type whose draft is no longer needed.
type pending struct {
	key, file string
	sheet     *sheets.Sheet
	// isBook marks the entry that keeps the workbook of the drafts (book; nil: none).
	isBook bool
	book   *bookDraft
}

// snapshot copies the modified sheets; on the UI goroutine.
func (d *drafter) snapshot() []pending {
	var out []pending
	for _, o := range d.s.ed.List() {
		if o.Doc.Modified() {
			// A sheet of a workbook names the workbook (restoreBook puts it back in).
			out = append(out, pending{key: o.Key(), file: d.s.pathOf(o.Key(), o.Path), sheet: o.Sheet().Clone()})
		} else {
			out = append(out, pending{key: o.Key()})
		}
	}
	return append(out, pending{isBook: true, book: d.s.bookDraft()})
}

func (d *drafter) write(snap []pending) {
	d.writing.Lock()
	defer d.writing.Unlock()
	for _, p := range snap {
		var err error
		if p.isBook {
			err = writeBookDraft(d.dir, p.book)
		} else if p.sheet == nil {
			err = draft.Remove(d.dir, p.key)
		} else {
			err = draft.Save(d.dir, p.sheet, p.file)
		}
		if err != nil {
			fyne.LogError("draft of "+p.key, err)
		}
	}
	if d.saved != nil {
		d.saved()
	}
}

// flush writes the drafts now (on quit).
func (d *drafter) flush() {
	if d.dir == "" {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	d.write(d.snapshot())
}

// forget removes the draft of a sheet that was saved or closed.
func (d *drafter) forget(key string) {
	if d.dir == "" {
		return
	}
	d.writing.Lock()
	defer d.writing.Unlock()
	if err := draft.Remove(d.dir, key); err != nil {
		fyne.LogError("draft of "+key, err)
	}
}

// forgetBook forgets the workbook kept with the drafts: it was saved, or closed.
func (d *drafter) forgetBook() {
	if d.dir == "" {
		return
	}
	d.writing.Lock()
	defer d.writing.Unlock()
	if err := writeBookDraft(d.dir, nil); err != nil {
		fyne.LogError("draft of the workbook", err)
	}
}

// offer shows the drafts left by the last run, to restore or discard.
//
// then (the files named on the command line) follows once the question is answered, or
// at once when there is none: the restored sheets are open by then, so a file of the
// same type asks before it takes a restored sheet's place, and no other question (a
// file's encoding) comes on top of this one.
func (d *drafter) offer(then func()) {
	var found []draft.Draft
	var err error
	if d.dir != "" {
		found, err = draft.Load(d.dir)
	}
	if err != nil {
		fyne.LogError("drafts", err)
	}
	if len(found) == 0 {
		then()
		return
	}
	var lines []string
	for _, f := range found {
		name := f.File
		if name == "" {
			name = words.T("new sheet")
		}
		lines = append(lines, words.T("%s (%s), records: %d, kept %s", objectTitle(f.Sheet.Object), filepath.Base(name), len(f.Sheet.Rows), f.Saved.Format("2006-01-02 15:04")))
	}
	msg := widget.NewLabel(words.T("Bulkops kept edits that were not saved:") + "\n" + strings.Join(lines, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm(words.T("Restore unsaved edits?"), words.T("Restore"), words.T("Discard"),
		container.NewPadded(msg), func(restore bool) {
			defer then()
			if !restore {
				for _, f := range found {
					d.forget(f.Object)
				}
				d.forgetBook()
				return
			}
			files := map[string]string{}
			for _, f := range found {
				o := d.s.adopt(f.Sheet, f.File)
				o.Doc.MarkModified()
				files[f.Object] = f.File
			}
			d.s.restoreBook(loadBookDraft(d.dir), files)
			d.s.updateTitle()
		}, d.s.win)
	dlg.Resize(fyne.NewSize(560, 280))
	dlg.Show()
}

package bulk

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui"
	"github.com/bulkops/bulkops/ui/words"
)

// importCheck is the last check of what is to be submitted: the job's draft
// (jobs.BuildDraft, the command line's submit builds the same) with its preview against
// the organization, and the sheet it was made of, to open in the editor (nil for a zip
// of audio files).
type importCheck struct {
	jobs.Preview
	draft *jobs.Draft
	sheet *sheets.Sheet
}

// readAndCheck reads the file (when sh is nil), builds the job's draft and previews it
// in the organization api reaches (nil: not connected, the sheet's own errors only).
// source is the file name the job will show. orgErr says the organization could not be
// read: the check went on without it.
func readAndCheck(ctx context.Context, api jobs.API, obj *catalog.Object, sh *sheets.Sheet, path, source string) (c importCheck, orgErr, err error) {
	src := jobs.DraftSource{Name: source, Base: strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))}
	if obj.Format == catalog.FormatAudioZip && sh == nil && strings.EqualFold(filepath.Ext(path), ".zip") {
		src.Audio = []string{path} // else a sheet of audio files, which only deletes
	} else {
		if sh == nil {
			if sh, err = sheets.ReadFile(path, sheets.ReadOptions{Object: obj, Unprotect: true}); err != nil {
				return c, nil, err
			}
		}
		if sh.Object == nil || sh.Object.Key != obj.Key {
			return c, nil, errors.New(words.T("%s is not a sheet of %s", path, words.Text(obj.Title)))
		}
		c.sheet, src.Sheets = sh, []*sheets.Sheet{sh}
	}
	if c.draft, err = jobs.BuildDraft(src); err != nil {
		return c, nil, err
	}
	if api != nil {
		orgErr = c.draft.Check(ctx, api)
	}
	c.Preview = c.draft.Preview
	return c, orgErr, nil
}

// columnChanges are the updates of one column a check found: how many rows, the first
// as an example, and where it is.
type columnChanges struct {
	column string
	rows   int
	first  jobs.Change
	// suspect are the cells of the column a spreadsheet program seems to have
	// rewritten, with the organization's value to keep.
	suspect []ui.PlannedChange
}

// groupChanges groups the plan's updates by column, the columns in the order they
// first change.
func groupChanges(plan []jobs.Planned) []columnChanges {
	var out []columnChanges
	at := map[string]int{}
	group := func(ch jobs.Change) *columnChanges {
		i, ok := at[ch.Column]
		if !ok {
			i, at[ch.Column] = len(out), len(out)
			out = append(out, columnChanges{column: ch.Column, first: ch})
		}
		return &out[i]
	}
	for _, pl := range plan {
		if pl.Action == jobs.ActUpdate {
			for _, ch := range pl.Changes {
				group(ch).rows++
			}
		}
		for _, ch := range pl.Suspect {
			g := group(ch)
			g.suspect = append(g.suspect, ui.PlannedChange{Row: ch.Row - 2, Col: ch.Col, Was: ch.Old, Now: ch.New})
		}
	}
	return out
}

// plannedChanges are the plan's updated cells as the editor marks them.
func plannedChanges(plan []jobs.Planned) []ui.PlannedChange {
	var out []ui.PlannedChange
	for _, pl := range plan {
		if pl.Action != jobs.ActUpdate {
			continue
		}
		for _, ch := range pl.Changes {
			out = append(out, ui.PlannedChange{Row: ch.Row - 2, Col: ch.Col, Was: ch.Old})
		}
	}
	return out
}

// text is one column's line: "External Id: 4,865 rows, e.g. 0000000 → 0".
func (g columnChanges) text() string {
	return words.N(g.rows, "%[2]s: %[1]d row, e.g. %[3]s -> %[4]s", "%[2]s: %[1]d rows, e.g. %[3]s -> %[4]s", g.column, quoted(g.first.Old), quoted(g.first.New))
}

func quoted(s string) string {
	if s == "" {
		return words.T("(empty)")
	}
	return s
}

// showChanges lists what the check found the job changes, by column; a click shows the
// changed cells in the editor, tinted, with the cursor on that column's first.
func (p *importPanel) showChanges(c *importCheck) {
	p.changes.Objects = nil
	p.showDeletes(c, p.f.b.target.OrgLabel())
	groups := groupChanges(c.Plan)
	if len(groups) > 0 {
		head := widget.NewLabel(words.T("Changes by column (old -> new):"))
		head.TextStyle.Bold = true
		p.changes.Add(head)
	}
	for _, g := range groups {
		b := widget.NewButton(g.text(), func() { p.goToChanges(c, g) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		if len(g.suspect) == 0 {
			p.changes.Add(b)
			continue
		}
		keep := widget.NewButton(words.N(len(g.suspect), "Keep the organization's value (%d cell)", "Keep the organization's values (%d cells)"),
			func() { p.keepValues(c, g) })
		keep.Importance = widget.WarningImportance
		p.changes.Add(container.NewHBox(b, keep))
	}
	p.changes.Refresh()
}

// keepValues puts the organization's values back into the cells of g's column that a
// spreadsheet program seems to have rewritten (the warnings say which), all at once and
// undoably, in the editor; the sheet changed, so the check is to be run again.
func (p *importPanel) keepValues(c *importCheck, g columnChanges) {
	ed := p.editorWith(c)
	if ed == nil {
		return
	}
	p.from.SetSelected(importEditor()) // what is checked next is the sheet kept in the editor
	n := ed.KeepValues(c.sheet.Object.Key, g.suspect)
	p.clearCheck()
	p.f.say(words.N(n, "%d cell of %s has the organization's value again in the editor. Check again.",
		"%d cells of %s have the organization's values again in the editor. Check again.", g.column))
}

// goToChanges shows the checked sheet in the editor with its changes marked, the cursor
// on the first change of g's column. A sheet checked from a file is opened first.
func (p *importPanel) goToChanges(c *importCheck, g columnChanges) {
	if ed := p.editorWith(c); ed != nil {
		ed.ShowChanges(c.sheet.Object.Key, plannedChanges(c.Plan), ui.PlannedChange{Row: g.first.Row - 2, Col: g.first.Col, Was: g.first.Old})
	}
}

// editorWith is the editor holding the checked sheet, a sheet checked from a file
// opened there first; nil without an editor or a sheet (audio files).
func (p *importPanel) editorWith(c *importCheck) Editor {
	ed := p.f.b.editor
	if ed == nil || c.sheet == nil {
		return nil
	}
	if p.from.Selected == importFile() {
		ed.Open(c.sheet)
		p.warnEditor(c)
	}
	return ed
}

// warnEditor lists the check's warnings beyond the sheet's own (values a spreadsheet
// program seems to have rewritten) in the editor, which holds the checked sheet: the
// editor's sheet was checked, or a file's sheet has just been opened there.
func (p *importPanel) warnEditor(c *importCheck) {
	if ed := p.f.b.editor; ed != nil && c.sheet != nil {
		ed.ShowCheckWarnings(c.sheet.Object.Key, c.PlanWarnings())
	}
}

// CheckSheet starts an import of the editor's sheet of type key and checks it at once:
// what the Sheets page's "Check and submit…" does. The check's panel then offers Submit.
func (b *Bulk) CheckSheet(key string) {
	if why := b.cannotStart(); why != "" {
		b.showDashboard() // the dashboard says why no operation can start
		return
	}
	b.startNewOperation()
	f := b.flow
	f.selectObject(key)
	f.mode.SetSelected(modeImport())
	f.imp.from.SetSelected(importEditor())
	if !f.imp.check.Disabled() {
		f.imp.start()
	}
}

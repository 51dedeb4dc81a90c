package jobs

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"os"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// An Undo is what takes a finished job back: a sheet, in the export's own columns plus
// Action, that restores each object the job updated to its before-values, recreates
// each object it deleted, and marks each object it created for deletion. Its draft is
// checked and shown like any plan, and submitted as a new job linked to the first.
type Undo struct {
	Of    Job
	Draft *Draft
	// Book is the undo of a workbook job instead of Draft: a workbook job of its steps'
	// undos, the last step's first (undoWorkbook).
	Book *WorkbookDraft
	// Left are the records the undo leaves alone: changed in the organization since the
	// job (unless included), gone since, or what the API cannot take back.
	Left []UndoNote
	// Notes are what the undo cannot restore of a record it does take back (an array
	// that was empty: no child row keeps the organization's).
	Notes []UndoNote
	dir   string // the kept sounds of audio files, written for the draft (audioDraft)
}

// UndoNote is one record of an undo with what it says of it.
type UndoNote struct {
	Object *catalog.Object // the record's type: a workbook's undo has several
	Key    string
	Row    int // the record's row in the first job's file
	Text   i18n.Msg
}

// UndoOptions change what Engine.PlanUndo takes back.
type UndoOptions struct {
	// IncludeChanged takes back records changed in the organization since the job too,
	// overwriting that change.
	IncludeChanged bool
}

// PlanUndo builds the undo of job id from what the store kept of it and the objects as
// the organization has them now. The undo of a workbook job is a workbook job (Book).
func (e *Engine) PlanUndo(ctx context.Context, id string, opt UndoOptions) (*Undo, error) {
	j, err := e.Store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	u := &Undo{Of: j}
	if j.Object == WorkbookObject {
		return u, e.undoWorkbook(ctx, u, opt)
	}
	b, err := e.undoOf(ctx, u, j, opt, newResolver(e.API))
	if err != nil {
		return nil, err
	}
	switch {
	case len(b.sounds) > 0: // a job of audio files that deleted: it created none
		u.Draft, err = b.audioDraft(id)
		return u, err
	case len(b.deletes)+len(b.restores) == 0:
		return u, i18n.Errorf("job %s changed nothing that can be taken back", id)
	}
	u.Draft, err = b.draftOf(id, append(b.deletes, b.restores...))
	return u, err
}

// undoOf gathers the rows that take back job, a job of one type, into a builder whose
// notes go to u; r names the references of its rows.
func (e *Engine) undoOf(ctx context.Context, u *Undo, job Job, opt UndoOptions, r *resolver) (*undoBuilder, error) {
	obj, ok := catalog.Lookup(job.Object)
	switch {
	case !ok:
		return nil, i18n.Errorf("job %s: unknown object type %s", job.ID, job.Object)
	case !job.Undoable:
		return nil, i18n.Errorf("job %s has no undo: it was submitted before Bulkops kept what a job changes", job.ID)
	case !job.Status.Final():
		return nil, i18n.Errorf("job %s is still %s: undo it once it has ended", job.ID, job.Status)
	}
	changed, err := e.Store.Changed(ctx, job.ID)
	if err != nil {
		return nil, err
	}
	files, err := e.Store.Files(ctx, job.ID)
	if err != nil {
		return nil, err
	}
	b := &undoBuilder{u: u, obj: obj, api: e.API, m: newMapper(obj, "", r), files: files, opt: opt}
	for _, c := range changed {
		if err := b.add(ctx, c); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// undoBuilder gathers the rows of an undo's sheet: deletes first (a plan shows them on
// top), then the restores.
type undoBuilder struct {
	u                 *Undo
	obj               *catalog.Object
	api               API
	m                 *mapper
	files             []File
	opt               UndoOptions
	deletes, restores [][]string
	sounds            []keptFile // audio files to upload again (undoAudio)
}

// add takes back one record the job changed.
func (b *undoBuilder) add(ctx context.Context, c Changed) error {
	now, err := b.api.Get(ctx, pathOf(b.obj.API.Get), c.ObjectID)
	gone := webex.IsNotFound(err)
	if err != nil && !gone {
		return err
	}
	key := b.keyOf(c)
	note := func(text i18n.Msg) {
		b.u.Left = append(b.u.Left, UndoNote{Object: b.obj, Key: key, Row: c.Row, Text: text})
	}
	switch {
	case c.Op == OpDeleted && !gone:
		note(i18n.M("was created again in the organization since the job"))
		return nil
	case c.Op == OpDeleted && b.obj.Format == catalog.FormatAudioZip:
		if sound := soundOf(c.Before); sound != nil {
			b.sounds = append(b.sounds, keptFile{name: key, data: sound})
			return nil
		}
		note(i18n.M("the job kept the audio file's record, not its sound: upload %s again to create it", key))
		return nil
	case c.Op == OpDeleted:
		return b.restore(ctx, c, key, nil)
	case gone:
		note(i18n.M("is no longer in the organization"))
		return nil
	case c.Op == OpUpdated && b.obj.Format == catalog.FormatAudioZip:
		note(i18n.M("the job kept the audio file's record, not the sound it replaced: upload the earlier %s again to restore it", key))
		return nil
	case c.Op == OpCreated && b.obj.API.Routes.Delete.Path == "":
		note(i18n.M("the Webex Contact Center API cannot delete %s: remove it by hand if it should go", pluralOf(b.obj)))
		return nil
	}
	rows, err := b.m.exportRows(ctx, now)
	if err != nil || len(rows) == 0 {
		return err
	}
	if what := b.drift(c, rows[0]); what != "" && !b.opt.IncludeChanged {
		note(i18n.M("changed in the organization since the job (%s): left as it is", what))
		return nil
	}
	if c.Op == OpCreated { // its rows as they are, so the plan shows what goes
		for _, r := range rows {
			b.deletes = append(b.deletes, append(r, DeleteMark))
		}
		return nil
	}
	return b.restore(ctx, c, key, rows)
}

// restore adds the rows that give the object its before-values back; now are its rows
// as the organization has them (nil when it is gone: the rows create it again).
func (b *undoBuilder) restore(ctx context.Context, c Changed, key string, now [][]string) error {
	rows, err := b.m.exportRows(ctx, c.Before)
	if err != nil || len(rows) == 0 {
		return err
	}
	mark := RestoreMark // blanks clear what the job filled in
	if now == nil {
		mark = "" // gone: the rows create it again
	}
	for _, r := range rows {
		b.restores = append(b.restores, append(r, mark))
	}
	return b.childNote(key, c, rows, now)
}

// drift names what changed in the organization since the job: a column the job wrote
// that no longer holds the job's value. now is the object's row as an export writes it.
func (b *undoBuilder) drift(c Changed, now []string) string {
	if c.File >= len(b.files) {
		return ""
	}
	var what []string
	for i, h := range b.files[c.File].Header {
		ci := b.obj.Column(h)
		if ci < 0 || i >= len(c.Cells) || b.obj.Columns[ci].Child || b.obj.Columns[ci].APIField == "" {
			continue
		}
		// Both trimmed: a value with spaces of its own (a dial plan's stripped
		// characters "()- ") is no change.
		v := strings.TrimSpace(c.Cells[i])
		if v != "" && !strings.EqualFold(v, strings.TrimSpace(now[ci])) {
			what = append(what, b.obj.Columns[ci].Header+": "+now[ci])
		}
	}
	return strings.Join(what, ", ")
}

// keyOf is the record's key as the job's sheet wrote it.
func (b *undoBuilder) keyOf(c Changed) string {
	if c.File >= len(b.files) {
		return c.ObjectID
	}
	rec := &record{rows: []Row{{Cells: c.Cells}}, lay: newLayout(b.obj, b.files[c.File].Header)}
	if k := rec.keyText(b.obj); k != "" {
		return k
	}
	return c.ObjectID
}

// draftOf is an undo's sheet of rows as a draft of a job, named for job id, the job it
// takes back.
func (b *undoBuilder) draftOf(id string, rows [][]string) (*Draft, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := make([]string, 0, len(b.obj.Columns)+1)
	for _, c := range b.obj.Columns {
		header = append(header, c.Header)
	}
	_ = w.Write(append(header, ActionHeader))
	for _, r := range rows {
		_ = w.Write(r)
	}
	w.Flush()
	name := b.obj.Key + ".csv"
	sh, err := sheets.ReadCSV(bytes.NewReader(buf.Bytes()), name, sheets.ReadOptions{Object: b.obj})
	if err != nil {
		return nil, err
	}
	d := &Draft{Object: b.obj, Sheets: []*sheets.Sheet{sh}, Parts: []*sheets.Sheet{sh}, // the package is sh, as read
		Package: Package{Name: name, Data: buf.Bytes(), Source: "undo of " + id}}
	for _, f := range sheets.Validate(d.Sheets, nil) {
		if f.Row == 0 && f.Column == ActionHeader {
			continue // the sheets do not know Action, the engine does
		}
		d.Findings = append(d.Findings, f)
	}
	return d, d.preview(context.Background(), nil)
}

// SubmitUndo submits the undo's checked draft as a new job linked to the job it takes
// back.
func (e *Engine) SubmitUndo(ctx context.Context, u *Undo, submittedBy string) (Job, error) {
	if u.dir != "" { // the job keeps its package: the files it was read from can go
		defer os.RemoveAll(u.dir)
	}
	var j Job
	var err error
	if u.Book != nil {
		j, err = e.SubmitWorkbook(ctx, u.Book, submittedBy)
	} else {
		j, err = e.SubmitDraft(ctx, u.Draft, submittedBy)
	}
	if err != nil {
		return j, err
	}
	if err := e.Store.tx(ctx, func(t *sql.Tx) error { return setUndoOf(ctx, t, j.ID, u.Of.ID) }); err != nil {
		return j, err
	}
	j.UndoOf = u.Of.ID
	return j, nil
}

// childNote notes a record of a parent/child type that had no child rows before the
// job and has some now: no child row keeps the organization's array, so undo cannot
// empty it.
func (b *undoBuilder) childNote(key string, c Changed, before, now [][]string) error {
	if len(before) > 1 || len(now) <= 1 || !hasChildColumns(b.obj) {
		return nil
	}
	b.u.Notes = append(b.u.Notes, UndoNote{Object: b.obj, Key: key, Row: c.Row,
		Text: i18n.M("had no child rows before the job; undo keeps the ones the organization has now")})
	return nil
}

// hasChildColumns reports whether obj is a parent/child type.
func hasChildColumns(obj *catalog.Object) bool {
	for _, c := range obj.Columns {
		if c.Child && c.APIField != "" {
			return true
		}
	}
	return false
}

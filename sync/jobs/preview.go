package jobs

import (
	"context"
	"slices"
	"time"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// Preview is what a job would do with a sheet, told before it is submitted: how many
// records it would create and update, which rows cannot be submitted as they are, and
// which the job would fail in the organization. It is worked out the way a job works:
// the same reading of the organization, the same name resolution and key matching, the
// same messages, so the preview and the job cannot disagree.
type Preview struct {
	Object *catalog.Object
	// Records is the number of objects the sheet holds (a parent row and its children
	// are one).
	Records int
	// Counted is set once the organization was read: Creates, Updates, Org and Failing
	// hold. Records with errors of their own are left out of them.
	Counted          bool
	Creates, Updates int
	Deletes          int // records marked for deletion that the organization has
	// Unchanged are the records the organization already has as they say: the job
	// sends nothing for them.
	Unchanged int
	// Requests is the number of requests the job would make: its reads of the
	// organization (again before each run of records after the first: Rereads), the
	// writes (a bulk request per batch; one per record where an update goes by PUT
	// …/{id}) and the reads an update needs first; Writes is the
	// share of them that changes something. Duration is how long they take at the
	// client's rate limit (300 a minute unless the client says otherwise).
	Requests, Writes int
	Duration         time.Duration
	// Gets are the requests among Requests that read one object each, where the
	// organization's lists leave out what the job compares or sends back (GetsWhy);
	// Rate is the client's rate limit, requests a minute.
	Gets, Rate int
	// Rereads are the requests among Requests that read again, before each run of
	// freshEvery records after the first, the objects the run updates or deletes (see
	// fresh.go); RereadEvery is that run's length.
	Rereads, RereadEvery int
	// Own are the errors of the sheet itself, which block the submit; Warnings do not.
	Own, Warnings []sheets.Finding
	// Org are the records the job would fail, each on the cell at fault, with the job's
	// message: a name the organization does not have, a user that does not exist, a
	// value the API cannot take.
	Org []sheets.Finding
	// Failing is the number of rows the job would fail: every row of a record in Org.
	Failing int
	// Plan is, once counted, what the job does with each record the sheet holds
	// (records with errors of their own left out), in the sheet's order. Submitting
	// the draft carries it: the job refuses a record the organization changed since.
	Plan []Planned
}

// Blocked reports whether the sheet cannot be submitted as it is.
func (p Preview) Blocked() bool { return len(p.Own) > 0 || p.Records == 0 }

// OwnRows is the number of distinct rows with errors of their own (a whole-file error
// counts as one).
func (p Preview) OwnRows() int {
	rows := map[[2]any]bool{}
	for _, f := range p.Own {
		rows[[2]any{f.File, f.Row}] = true
	}
	return len(rows)
}

// PreviewSheet previews the job a sheet would make. With api nil (not connected) only
// the sheet's own findings are told. When the organization cannot be read, the preview
// holds those, uncounted, and the error says why.
func PreviewSheet(ctx context.Context, api API, sh *sheets.Sheet) (Preview, error) {
	if sh == nil || sh.Object == nil {
		return Preview{}, i18n.Errorf("preview: the sheet's object type is unknown")
	}
	return previewChecked(ctx, api, sh, sheets.Validate([]*sheets.Sheet{sh}, nil))
}

// previewChecked is PreviewSheet with the sheet's own findings (sheets.Validate) given.
func previewChecked(ctx context.Context, api API, sh *sheets.Sheet, own []sheets.Finding) (Preview, error) {
	obj := sh.Object
	p := Preview{Object: obj, Records: len(sh.Groups())}
	p.addOwn(own)
	p.addOwn(unsent(sh))
	if api == nil || p.Records == 0 || !obj.API.Covered || (obj.Format != catalog.FormatCSV && !sheets.OnlyDeletes(sh)) {
		return p, nil
	}
	files, rows, err := sheetRows([]*sheets.Sheet{sh}, obj)
	if err != nil {
		return p, err
	}
	return p, p.count(ctx, api, sh.File, files[0].Header, groupRecords(obj, files, rows))
}

// PreviewAudio previews the job a zip of audio files would make: the files Webex cannot
// take are errors of their own; a name the organization has is an update, another a
// create.
func PreviewAudio(ctx context.Context, api API, path string) (Preview, error) {
	obj, ok := catalog.Lookup("audio_file")
	if !ok {
		return Preview{}, i18n.Errorf("preview: the catalog has no audio files")
	}
	files, findings, err := sheets.ReadAudioZip(path)
	if err != nil {
		return Preview{Object: obj, Own: unreadable(path, err)}, nil
	}
	return previewAudio(ctx, api, obj, path, audioNames(files), findings)
}

// unreadable is the finding of a file that cannot be read at all.
func unreadable(path string, err error) []sheets.Finding {
	return []sheets.Finding{sheets.NewFinding(path, 0, -1, "", sheets.Error, i18n.Of(err))}
}

func audioNames(files []sheets.AudioFile) []string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	return names
}

// previewAudio previews the audio files named names, of the zip at path, whose own
// findings are given.
func previewAudio(ctx context.Context, api API, obj *catalog.Object, path string, names []string, own []sheets.Finding) (Preview, error) {
	p := Preview{Object: obj, Records: len(names)}
	p.addOwn(own)
	if api == nil || len(names) == 0 {
		return p, nil
	}
	header := []string{AudioHeader}
	lay := newLayout(obj, header)
	recs := make([]*record, len(names))
	for i, name := range names {
		recs[i] = &record{unit: i, rows: []Row{{Seq: i, Unit: i, Number: i + 1, Cells: []string{name}}}, lay: lay}
	}
	return p, p.count(ctx, api, path, header, recs)
}

func (p *Preview) addOwn(fs []sheets.Finding) {
	for _, f := range fs {
		if f.Severity == sheets.Error {
			p.Own = append(p.Own, f)
		} else {
			p.Warnings = append(p.Warnings, f)
		}
	}
}

// count reads the organization as a job does and tells, record by record, what the job
// would do with it: create, update, leave unchanged, or fail (with the message the job
// would give). It decides each record with the job's own code.
func (p *Preview) count(ctx context.Context, api API, file string, header []string, recs []*record) error {
	reads := &countingAPI{API: api}
	r := planner(reads, p.Object)
	if err := readOrganization(ctx, reads, r.m, r.org, recs); err != nil {
		return err
	}
	own := map[int]bool{}
	for _, f := range p.Own {
		own[f.Row] = true
	}
	var fails []sheets.Finding
	for _, rec := range recs {
		if rec.hasRow(own) {
			continue // fixed first: what the job makes of it is not known yet
		}
		pr, err := r.prepare(ctx, rec)
		if err != nil {
			return err
		}
		var fail *sheets.Finding
		switch {
		case pr.fail != nil:
			f := pr.fail.finding(file, header, rec)
			fails, fail = append(fails, f), &f
			p.Failing += len(rec.rows)
		case pr.done != nil:
			p.Unchanged++
		case pr.del:
			p.Deletes++
		case pr.update:
			p.Updates++
		default:
			p.Creates++
		}
		pl, warn, err := r.planned(ctx, file, rec, pr, fail)
		if err != nil {
			return err
		}
		p.Plan, p.Warnings = append(p.Plan, pl), append(p.Warnings, warn...)
	}
	// Deletes head the plan: they are what a reader must not miss.
	slices.SortStableFunc(p.Plan, func(a, b Planned) int { return cmpBool(b.Action == ActDelete, a.Action == ActDelete) })
	p.Counted, p.Org = true, fails
	p.Writes = r.writes(p.Creates, p.Updates, p.Deletes)
	p.Gets = int(reads.gets.Load()) + r.readsBeforeUpdate(p.Updates)
	p.Rereads, p.RereadEvery = r.freshReads(ctx, recs), freshEvery
	p.Requests = int(reads.n.Load()) + p.Writes + r.readsBeforeUpdate(p.Updates) + p.Rereads
	if _, ok := referencerOf(api); ok {
		// Each delete first asks what still refers to its record (stillUsed), a read
		// that goes to the client itself, past reads.
		p.Requests += p.Deletes
	}
	p.Duration, p.Rate = estimate(api, p.Requests), rateOf(api)
	return nil
}

// hasRow reports whether one of the record's rows is in rows (by row number).
func (r *record) hasRow(rows map[int]bool) bool {
	for _, row := range r.rows {
		if rows[row.Number] {
			return true
		}
	}
	return false
}

// finding places a record's failure on its cell: the row at fault (the record's first
// when the failure is the whole record's) and the column, as the file spells it.
func (e *rowError) finding(file string, header []string, rec *record) sheets.Finding {
	f := sheets.NewFinding(file, e.row, -1, e.column, sheets.Error, e.text)
	if f.Row == 0 {
		f.Row = rec.rows[0].Number
	}
	for i, h := range header {
		if e.column != "" && h == e.column {
			f.Col = i
			break
		}
	}
	return f
}

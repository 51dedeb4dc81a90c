package jobs

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// A Draft is a job before it is submitted: the package built from sheets (or from audio
// files) and the preview of what the job will do with it. The command line prints it,
// the window shows it, and both then submit the draft itself (Engine.SubmitDraft), so
// that what was previewed is what is sent — as a plan is what an apply carries out.
//
// BuildDraft makes it without the network; Check reads the organization for the
// preview's counts.
type Draft struct {
	Object *catalog.Object
	// Package is what SubmitDraft sends; empty while the draft is blocked (Err).
	Package Package
	// Parts are the package's CSV files as the packer made them, a sheet each (see
	// sheets.Packed): SubmitDraft takes the job's rows from them without reading the
	// package back. Nil for audio files.
	Parts []*sheets.Sheet
	// Sheets are the sheets the draft was built of, as read (to open in the editor and
	// fix); nil for audio files.
	Sheets []*sheets.Sheet
	// Findings are the sheets' (or the audio files') own findings, errors and warnings,
	// in the order bulkops validate prints them; their errors block the submit.
	Findings []sheets.Finding
	// Preview is what the job will do. After BuildDraft it holds the records and the
	// findings of their own; once Check has read the organization, the counts too.
	Preview Preview

	audioPath  string   // the audio zip the findings name
	audioNames []string // its files, one record each
}

// DraftSource is what a draft is built of: sheets, or audio files.
type DraftSource struct {
	// Sheets are one or more sheets of one object type, read by the caller; they are
	// merged and packed into one package.
	Sheets []*sheets.Sheet
	// Audio, when Sheets is nil, is a zip of audio files (submitted as it is) or WAV
	// files (packed into audio.zip).
	Audio []string
	// Name is the job's file name on the dashboard; the package's when empty.
	Name string
	// Base is the package file's name without extension (sites → sites.csv or
	// sites.zip); the object type's key when empty.
	Base string
}

// BuildDraft checks what src holds and packs it as Control Hub takes it: CSV files of
// at most 5000 records and 10 MB, zipped when there are several. A draft whose
// findings have errors (or that has no records) is returned blocked, without a package:
// Err says why. The error is for what could not be done at all (sheets of different
// object types, a file that cannot be written).
func BuildDraft(src DraftSource) (*Draft, error) {
	d := &Draft{}
	var err error
	switch {
	case len(src.Sheets) > 0:
		err = d.buildSheets(src)
	case len(src.Audio) > 0:
		err = d.buildAudio(src)
	default:
		err = i18n.Errorf("build: no sheets and no audio files given")
	}
	if err != nil {
		return nil, err
	}
	d.Package.Source = src.Name
	return d, nil
}

// buildSheets validates the sheets as a set (a name twice in two files is an error),
// previews each, and packs them merged into one, in memory.
func (d *Draft) buildSheets(src DraftSource) error {
	set := src.Sheets
	d.Object, d.Sheets = set[0].Object, set
	d.Findings = sheets.Validate(set, nil)
	if err := d.preview(context.Background(), nil); err != nil {
		return err
	}
	if d.Err() != nil {
		return nil
	}
	merged, err := sheets.Merge(set[0].File, set)
	if err != nil {
		return err
	}
	p, err := sheets.PackInMemory(merged, baseName(src.Base, d.Object), sheets.DefaultLimits)
	if fe := (*sheets.FindingsError)(nil); errors.As(err, &fe) {
		d.Findings = append(d.Findings, fe.Findings...)
		d.Preview.addOwn(fe.Findings)
		return nil
	} else if err != nil {
		return err
	}
	if len(p.Data) > MaxPackage {
		return i18n.Errorf("%s: %d bytes is more than a job takes (%d)", p.Path, len(p.Data), MaxPackage)
	}
	d.Package, d.Parts = Package{Name: p.Path, Data: p.Data}, p.Parts
	return nil
}

// buildAudio checks a zip of audio files, or packs WAV files into one. A zip that
// cannot be read is a finding on it, as the preview tells it.
func (d *Draft) buildAudio(src DraftSource) error {
	obj, ok := catalog.Lookup("audio_file")
	if !ok {
		return i18n.Errorf("build: the catalog has no audio files")
	}
	d.Object = obj
	d.audioPath = src.Audio[0]
	if len(src.Audio) > 1 || !strings.EqualFold(filepath.Ext(d.audioPath), ".zip") {
		dir, err := os.MkdirTemp("", "bulkops-pack-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir) // the package is read into memory
		p, err := sheets.PackAudio(src.Audio, filepath.Join(dir, "audio.zip"))
		if fe := (*sheets.FindingsError)(nil); errors.As(err, &fe) {
			d.Findings = fe.Findings
			d.Preview = Preview{Object: obj, Records: len(src.Audio)}
			d.Preview.addOwn(fe.Findings)
			return nil
		} else if err != nil {
			return err
		}
		d.audioPath = p.Path
	}
	files, fs, err := sheets.ReadAudioZip(d.audioPath)
	if err != nil {
		d.Findings = unreadable(d.audioPath, err)
		d.Preview = Preview{Object: obj, Own: d.Findings}
		return nil
	}
	d.Findings, d.audioNames = fs, audioNames(files)
	if err := d.preview(context.Background(), nil); err != nil || d.Err() != nil {
		return err
	}
	d.Package, err = ReadPackage(d.audioPath)
	return err
}

// baseName is the package file's name without extension.
func baseName(base string, obj *catalog.Object) string {
	if base == "" || base == "." {
		return obj.Key
	}
	return base
}

// Check previews the draft against the organization api reaches (an OrgCache, so that
// the sheets of one type read the lists once): how many records the job creates,
// updates and leaves unchanged, and which rows it will fail. When the organization
// cannot be read, the preview keeps the findings of their own, uncounted, and the
// error says why; the draft can still be submitted (the job reads the organization
// itself).
func (d *Draft) Check(ctx context.Context, api API) error {
	return d.preview(ctx, api)
}

// preview works the preview out anew, with api nil from the findings alone.
func (d *Draft) preview(ctx context.Context, api API) error {
	if d.Sheets == nil {
		if d.audioNames == nil && d.Preview.Object != nil {
			return nil // nothing readable: the preview is the findings
		}
		p, err := previewAudio(ctx, api, d.Object, d.audioPath, d.audioNames, d.Findings)
		d.Preview = p
		return err
	}
	var sum Preview
	for _, sh := range d.Sheets {
		if sh.Object == nil {
			continue // its findings say so
		}
		p, err := previewChecked(ctx, api, sh, d.findingsOf(sh))
		sum.add(p)
		if err != nil {
			d.Preview = sum
			return err
		}
	}
	d.Preview = sum
	return nil
}

// add adds q, the preview of another sheet of the same job, to p.
func (p *Preview) add(q Preview) {
	if p.Object == nil {
		*p = q
		return
	}
	p.Records += q.Records
	p.Counted = p.Counted && q.Counted
	p.Creates, p.Updates, p.Unchanged = p.Creates+q.Creates, p.Updates+q.Updates, p.Unchanged+q.Unchanged
	p.Deletes += q.Deletes
	p.Requests, p.Writes, p.Duration = p.Requests+q.Requests, p.Writes+q.Writes, p.Duration+q.Duration
	p.Gets, p.Rereads = p.Gets+q.Gets, p.Rereads+q.Rereads
	p.Own, p.Warnings = append(p.Own, q.Own...), append(p.Warnings, q.Warnings...)
	p.Org, p.Failing = append(p.Org, q.Org...), p.Failing+q.Failing
	p.Plan = append(p.Plan, q.Plan...)
}

// findingsOf are the draft's findings about sheet sh.
func (d *Draft) findingsOf(sh *sheets.Sheet) []sheets.Finding {
	if len(d.Sheets) == 1 {
		return d.Findings
	}
	var out []sheets.Finding
	for _, f := range d.Findings {
		if f.File == sh.File {
			out = append(out, f)
		}
	}
	return out
}

// Err says why the draft cannot be submitted: a *sheets.FindingsError with the errors
// of its own, or that it has no records; nil when it can.
func (d *Draft) Err() error {
	var errs []sheets.Finding
	for _, f := range d.Findings {
		if f.Severity == sheets.Error {
			errs = append(errs, f)
		}
	}
	switch {
	case len(errs) > 0:
		return &sheets.FindingsError{Findings: errs}
	case d.Preview.Records == 0 && d.Sheets != nil:
		return i18n.Errorf("pack %s: the sheet has no records", d.Sheets[0].File)
	case d.Preview.Records == 0:
		return i18n.Errorf("%s holds no audio files", filepath.Base(d.audioPath))
	}
	return nil
}

// SubmitDraft submits the draft's package as a new job (Submit); a blocked draft is
// refused with its Err.
func (e *Engine) SubmitDraft(ctx context.Context, d *Draft, submittedBy string) (Job, error) {
	if err := d.Err(); err != nil {
		return Job{}, err
	}
	if d.Parts == nil { // audio files: the package is read for its files
		return e.submit(ctx, d.Package, d.Object, submittedBy, d.Preview.Plan)
	}
	files, rows, err := sheetRows(d.Parts, d.Object)
	if err != nil {
		return Job{}, err
	}
	return e.submitRows(ctx, d.Package, d.Object, submittedBy, d.Preview.Plan, files, rows)
}

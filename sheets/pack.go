package sheets

import (
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// Limits of one file Control Hub's Bulk Operations accepts.
type Limits struct {
	MaxRecords int   // records (rows after the header) per CSV file
	MaxBytes   int64 // bytes per CSV file, header included
}

// DefaultLimits are Control Hub's: 5000 records and 10 MB per CSV file.
var DefaultLimits = Limits{MaxRecords: 5000, MaxBytes: 10 << 20}

// Package is what Pack or PackAudio wrote: the same files a person could upload to
// Control Hub by hand.
type Package struct {
	Path    string   // the file written: a .csv, or a .zip of several CSVs or of audio files
	Object  string   // object type key
	Files   []string // the CSV (or WAV) files in it, in order
	Records int      // records (or audio files) in all
	Bytes   int64    // size of the file at Path
}

// FindingsError is returned when a sheet or a set of audio files cannot be packed because
// of the error findings it carries.
type FindingsError struct {
	Findings []Finding // the errors (PackFiles: those its cap kept)
	Total    int       // the number of errors when more than Findings holds
}

func (e *FindingsError) Error() string { return e.Text().String() }

// Text is the error as a message, the first finding in the same language.
func (e *FindingsError) Text() i18n.Msg {
	if len(e.Findings) == 0 {
		return i18n.M("nothing to pack")
	}
	f := findingText(e.Findings[0])
	n := max(e.Total, len(e.Findings))
	if n == 1 {
		return i18n.M("cannot pack: %s", f)
	}
	return i18n.M("cannot pack: %d errors, the first: %s", n, f)
}

// findingText is a finding as a message argument: FILE:ROW:COLUMN: severity: message.
type findingText Finding

func (f findingText) In(code string) string { return Finding(f).StringIn(code) }

// Pack writes a sheet as the files Control Hub accepts: CSV files of at most lim.MaxRecords
// records and lim.MaxBytes bytes each, never splitting a parent/child group. With a .zip
// extension out is a zip of them, named BASE_001.csv, BASE_002.csv … (even of one file);
// with .csv one CSV file, and a sheet that needs several is refused; with neither, a CSV
// (.csv added) when one file holds the sheet, else a zip (.zip added). The path written is
// in the returned Package. Nothing is written, and a *FindingsError returned, while the
// sheet has errors of its own; references to other object types are not checked here
// (they need the other sheets or the organization, which the caller checks with
// Validate). The file appears whole or not at all (atomicfile: a temporary file renamed
// into place). PackFiles does the same for files, as a stream.
func Pack(s *Sheet, out string, lim Limits) (*Package, error) {
	if err := packable(s, lim); err != nil {
		return nil, err
	}
	return WritePackage(s, out, lim)
}

// packable refuses a sheet Pack does not pack: of no known type, of audio files, or with
// errors of its own (a *FindingsError).
func packable(s *Sheet, lim Limits) error {
	if s == nil || s.Object == nil {
		return i18n.Errorf("pack: the sheet's object type is unknown")
	}
	if s.Object.Format != catalog.FormatCSV && !OnlyDeletes(s) {
		return i18n.Errorf("pack %s: %s are packed as a zip of audio files (PackAudio), not as CSV; a sheet of them can only delete (DELETE in the Action column of every row)", s.File, i18n.Word(s.Object.Title))
	}
	if lim.MaxRecords <= 0 || lim.MaxBytes <= 0 {
		return i18n.Errorf("pack %s: limits must be positive", s.File)
	}
	if errs := errorsOnly(newChecker([]*Sheet{s}, nil, lim).Findings()); len(errs) > 0 {
		return &FindingsError{Findings: errs}
	}
	return nil
}

// WritePackage writes the files Pack writes without checking the sheet first: for an
// export, which shows the organization as it is, findings and all.
func WritePackage(s *Sheet, out string, lim Limits) (*Package, error) {
	p, _, err := packSheet(s, fileSink(out), lim, false)
	return p, err
}

// packSheet splits s into the package's files and hands them to sink; with keep it also
// returns each file's records as a sheet (PackInMemory).
func packSheet(s *Sheet, sink packSink, lim Limits, keep bool) (*Package, []*Sheet, error) {
	if s == nil || s.Object == nil {
		return nil, nil, i18n.Errorf("pack: the sheet's object type is unknown")
	}
	if lim.MaxRecords <= 0 || lim.MaxBytes <= 0 {
		return nil, nil, i18n.Errorf("pack %s: limits must be positive", s.File)
	}
	if len(s.Rows) == 0 {
		return nil, nil, i18n.Errorf("pack %s: the sheet has no records", s.File)
	}
	var pw *partWriter
	p, err := writePackage(sink, lim, func(emit func(packPart), deflate bool) (*Sheet, int, error) {
		pw = newPartWriter(s, lim, emit)
		pw.keep = keep
		pw.deflate = deflate && !keep
		for _, g := range s.Groups() {
			size := int64(0)
			for r := g[0]; r < g[1]; r++ {
				size += int64(packRecordLen(s.Rows[r].Cells, pw.ncols))
			}
			pw.group(s.Rows[g[0]:g[1]], size)
		}
		pw.flush()
		return s, len(s.Rows), pw.err
	})
	if err != nil {
		return nil, nil, i18n.Errorf("pack %s: %w", s.File, err)
	}
	if !keep {
		return p, nil, nil
	}
	for i, part := range pw.kept {
		part.File = p.Files[i]
	}
	return p, pw.kept, nil
}

// packBase splits out into its directory and the base name of the files, without a .csv
// or .zip extension.
func packBase(out string) (dir, base string) {
	dir, base = filepath.Split(out)
	if dir == "" {
		dir = "."
	}
	if ext := filepath.Ext(base); strings.EqualFold(ext, ".csv") || strings.EqualFold(ext, ".zip") {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" {
		base = "package"
	}
	return dir, base
}

func errorsOnly(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Severity == Error {
			out = append(out, f)
		}
	}
	return out
}

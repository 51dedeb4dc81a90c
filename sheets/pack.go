package sheets

import (
	"github.com/bulkops/bulkops/internal/atomicfile"

	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

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
	Findings []Finding // the errors
}

func (e *FindingsError) Error() string {
	if len(e.Findings) == 0 {
		return "nothing to pack"
	}
	f := e.Findings[0]
	if len(e.Findings) == 1 {
		return "cannot pack: " + f.String()
	}
	return fmt.Sprintf("cannot pack: %d errors, the first: %s", len(e.Findings), f)
}

// Pack writes a sheet as the files Control Hub accepts: CSV files of at most lim.MaxRecords
// records and lim.MaxBytes bytes each, never splitting a parent/child group. One file is
// written as a CSV at out (with a .csv extension); several go into one zip at out (with a
// .zip extension) named BASE_001.csv, BASE_002.csv … The path actually written is in the
// returned Package. Nothing is written, and a *FindingsError returned, while the sheet has
// errors of its own; references to other object types are not checked here (they need the
// other sheets or the organization, which the caller checks with Validate). The file
// appears whole or not at all (atomicfile: a temporary file renamed into place).
func Pack(s *Sheet, out string, lim Limits) (*Package, error) {
	if s == nil || s.Object == nil {
		return nil, errors.New("pack: the sheet's object type is unknown")
	}
	if s.Object.Format != catalog.FormatCSV {
		return nil, fmt.Errorf("pack %s: %s are packed as a zip of audio files (PackAudio), not as CSV", s.File, s.Object.Title)
	}
	if lim.MaxRecords <= 0 || lim.MaxBytes <= 0 {
		return nil, fmt.Errorf("pack %s: limits must be positive", s.File)
	}
	if errs := errorsOnly(newChecker([]*Sheet{s}, nil, lim).Findings()); len(errs) > 0 {
		return nil, &FindingsError{Findings: errs}
	}
	return WritePackage(s, out, lim)
}

// WritePackage writes the files Pack writes without checking the sheet first: for an
// export, which shows the organization as it is, findings and all.
func WritePackage(s *Sheet, out string, lim Limits) (*Package, error) {
	if s == nil || s.Object == nil {
		return nil, errors.New("pack: the sheet's object type is unknown")
	}
	if lim.MaxRecords <= 0 || lim.MaxBytes <= 0 {
		return nil, fmt.Errorf("pack %s: limits must be positive", s.File)
	}
	if len(s.Rows) == 0 {
		return nil, fmt.Errorf("pack %s: the sheet has no records", s.File)
	}
	parts, err := planPack(s, lim)
	if err != nil {
		return nil, err
	}
	dir, base := packBase(out)
	p := &Package{Object: s.Object.Key, Records: len(s.Rows)}
	if len(parts) == 1 {
		p.Path = filepath.Join(dir, base+".csv")
		p.Files = []string{base + ".csv"}
		err = atomicfile.Write(p.Path, 0o644, func(w io.Writer) error { return writePart(w, s, parts[0]) })
	} else {
		p.Path = filepath.Join(dir, base+".zip")
		for i := range parts {
			p.Files = append(p.Files, fmt.Sprintf("%s_%03d.csv", base, i+1))
		}
		err = atomicfile.Write(p.Path, 0o644, func(w io.Writer) error { return writePackZip(w, s, parts, p.Files) })
	}
	if err != nil {
		return nil, fmt.Errorf("pack %s: %w", s.File, err)
	}
	if fi, err := os.Stat(p.Path); err == nil {
		p.Bytes = fi.Size()
	}
	return p, nil
}

// packPart is one CSV file of a package: records [from, to) and its exact size.
type packPart struct {
	from, to int
	bytes    int64
}

// planPack splits the records into files, whole groups at a time.
func planPack(s *Sheet, lim Limits) ([]packPart, error) {
	ncols := len(s.Columns)
	header := int64(packRecordLen(s.Headers(), ncols))
	cur := packPart{bytes: header}
	var parts []packPart
	for _, g := range s.Groups() {
		size := int64(0)
		for r := g[0]; r < g[1]; r++ {
			size += int64(packRecordLen(s.Rows[r].Cells, ncols))
		}
		if g[1]-g[0] > lim.MaxRecords || header+size > lim.MaxBytes {
			return nil, fmt.Errorf("pack %s: %s %q on rows %d–%d (%d records, %s) does not fit in one file of %d records and %s",
				s.File, strings.ToLower(s.Object.Title), strings.ReplaceAll(s.Key(g[0]), "\t", ", "), RowNumber(g[0]), RowNumber(g[1]-1), g[1]-g[0],
				formatBytes(header+size), lim.MaxRecords, formatBytes(lim.MaxBytes))
		}
		if cur.to > cur.from && (cur.to-cur.from+g[1]-g[0] > lim.MaxRecords || cur.bytes+size > lim.MaxBytes) {
			parts = append(parts, cur)
			cur = packPart{from: g[0], to: g[0], bytes: header}
		}
		cur.to = g[1]
		cur.bytes += size
	}
	return append(parts, cur), nil
}

// writePart writes one CSV file with WriteCSV and checks it came out at the planned size
// (the plan is what keeps files under MaxBytes).
func writePart(w io.Writer, s *Sheet, p packPart) error {
	part := &Sheet{Object: s.Object, File: s.File, Columns: s.Columns, Rows: s.Rows[p.from:p.to]}
	copied := false
	for i, r := range part.Rows {
		if len(r.Cells) > len(s.Columns) { // blank cells past the header (Validate refuses others)
			if !copied {
				part.Rows, copied = append([]Row(nil), part.Rows...), true
			}
			part.Rows[i].Cells = r.Cells[:len(s.Columns)]
		}
	}
	c := &packCounter{w: w}
	if err := WriteCSV(c, part); err != nil {
		return err
	}
	if c.n != p.bytes {
		return fmt.Errorf("internal error: rows %d–%d came out %d bytes, planned %d", RowNumber(p.from), RowNumber(p.to-1), c.n, p.bytes)
	}
	return nil
}

func writePackZip(w io.Writer, s *Sheet, parts []packPart, names []string) error {
	zw := zip.NewWriter(w)
	// CSV text shrinks about as well at the fastest level, at a fraction of the time.
	// One compressor serves every entry, one after the other.
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(w, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(w)
		return fw, nil
	})
	now := time.Now()
	for i, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: names[i], Method: zip.Deflate, Modified: now})
		if err != nil {
			return err
		}
		if err := writePart(f, s, p); err != nil {
			return err
		}
	}
	return zw.Close()
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

package jobs

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// Package is a package as submitted: what sheets.Pack writes (sheets.PackInMemory
// makes the same bytes for a draft) or sheets.PackAudio wrote — a CSV, a zip of CSVs or a
// zip of WAV files. It is stored with its job as it is.
type Package struct {
	Name string // the file's name: sites.csv, sites.zip, prompts.zip
	Data []byte
	// Source is the file the user submitted (sites.xlsx), shown on the dashboard as the
	// job's file name; Name when empty.
	Source string
}

// MaxPackage bounds the package a job takes: Control Hub's 10 MB a CSV times the files
// a large sheet packs into, with room for audio.
const MaxPackage = 512 << 20

// ReadPackage reads the package file at path (sheets.Package.Path).
func ReadPackage(p string) (Package, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return Package{}, err
	}
	if fi.Size() > MaxPackage {
		return Package{}, i18n.Errorf("%s: %d bytes is more than a job takes (%d)", p, fi.Size(), MaxPackage)
	}
	data, err := os.ReadFile(p)
	return Package{Name: filepath.Base(p), Data: data}, err
}

// AudioHeader is the one column of an audio job's rows: each row is a file of the zip.
const AudioHeader = "File Name"

// parsePackage reads a package into its files and rows; the rows of one object (a
// parent and its children) share a unit number. Only a package file given as it is
// (Engine.Submit) is read: a draft's rows come from the packer's parts.
func parsePackage(pkg Package, obj *catalog.Object) ([]File, []Row, error) {
	isZip := strings.EqualFold(path.Ext(pkg.Name), ".zip")
	if obj.Format == catalog.FormatAudioZip {
		if !isZip {
			return nil, nil, i18n.Errorf("%s: audio files are submitted as a zip of WAV files", pkg.Name)
		}
		return parseAudio(pkg)
	}
	var set []*sheets.Sheet
	if isZip {
		z, err := sheets.NewZipReader(bytes.NewReader(pkg.Data), int64(len(pkg.Data)), pkg.Name)
		if err != nil {
			return nil, nil, err
		}
		defer z.Close()
		for _, e := range z.Entries {
			s, err := readEntry(e, obj)
			if err != nil {
				return nil, nil, err
			}
			set = append(set, s)
		}
	} else {
		s, err := sheets.ReadCSV(bytes.NewReader(pkg.Data), pkg.Name, sheets.ReadOptions{Object: obj})
		if err != nil {
			return nil, nil, err
		}
		set = append(set, s)
	}
	return sheetRows(set, obj)
}

func readEntry(e *sheets.ZipEntry, obj *catalog.Object) (*sheets.Sheet, error) {
	if !strings.EqualFold(path.Ext(e.Name), ".csv") {
		return nil, i18n.Errorf("%s: a package holds only CSV files", e.Path())
	}
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	s, err := sheets.ReadCSV(rc, e.Name, sheets.ReadOptions{Object: obj})
	if err != nil {
		return nil, err
	}
	return s, nil
}

func sheetRows(set []*sheets.Sheet, obj *catalog.Object) ([]File, []Row, error) {
	var files []File
	n := 0
	for _, s := range set {
		n += len(s.Rows)
	}
	rows := make([]Row, 0, n)
	unit := 0
	for fi, s := range set {
		if s.Object != obj {
			return nil, nil, i18n.Errorf("%s is not a %s sheet", s.File, titleOf(obj))
		}
		files = append(files, File{Name: s.File, Header: s.Headers()})
		for _, g := range s.Groups() {
			for r := g[0]; r < g[1]; r++ {
				cells := s.Rows[r].Cells // read only: a short row alone is copied, padded
				if len(cells) < len(s.Columns) {
					cells = append(make([]string, 0, len(s.Columns)), cells...)
					cells = cells[:len(s.Columns)]
				}
				rows = append(rows, Row{Seq: len(rows), Unit: unit, File: fi, Number: sheets.RowNumber(r), Cells: cells})
			}
			unit++
		}
	}
	if len(rows) == 0 {
		return nil, nil, i18n.Errorf("the package holds no records")
	}
	return files, rows, nil
}

// parseAudio makes one row per WAV file of an audio zip; the row's cell is the file's
// name, which is the audio file's name in the organization.
func parseAudio(pkg Package) ([]File, []Row, error) {
	z, err := sheets.NewZipReader(bytes.NewReader(pkg.Data), int64(len(pkg.Data)), pkg.Name)
	if err != nil {
		return nil, nil, err
	}
	defer z.Close()
	var rows []Row
	for i, e := range z.Entries {
		rows = append(rows, Row{Seq: i, Unit: i, Number: i + 1, Cells: []string{path.Base(e.Name)}})
	}
	if len(rows) == 0 {
		return nil, nil, i18n.Errorf("%s holds no audio files", pkg.Name)
	}
	return []File{{Name: pkg.Name, Header: []string{AudioHeader}}}, rows, nil
}

// audioData returns the bytes of the file named name in an audio package.
func audioData(pkg Package, name string) ([]byte, error) {
	z, err := sheets.NewZipReader(bytes.NewReader(pkg.Data), int64(len(pkg.Data)), pkg.Name)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	for _, e := range z.Entries {
		if path.Base(e.Name) != name {
			continue
		}
		rc, err := e.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		return b.Bytes(), err
	}
	return nil, i18n.Errorf("%s: no file %s in the package", pkg.Name, name)
}

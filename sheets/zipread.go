package sheets

import (
	"path"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
)

// ReadZip reads every sheet in a zip of CSV (or XLSX) files, one Sheet per entry, in
// archive order. Each sheet's File is the zip's path, "!", the entry's name. The zip is
// held to ZipLimits (see OpenZip). A zip whose comment records an Origin (an export of
// several types) gives it to each sheet.
func ReadZip(path string, opt ReadOptions) ([]*Sheet, error) {
	z, err := OpenZip(path)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	return readZip(z, opt)
}

func readZip(z *Zip, opt ReadOptions) ([]*Sheet, error) {
	var out []*Sheet
	origin := originOfComment(z.Comment)
	for _, e := range z.Entries {
		s, err := readEntry(e, opt)
		if err != nil {
			return nil, err
		}
		s.Origin = origin
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, readErr(z.Name, 0, "", i18n.M("holds no CSV or XLSX files"))
	}
	return out, nil
}

func readEntry(e *ZipEntry, opt ReadOptions) (*Sheet, error) {
	read := ReadCSV
	switch strings.ToLower(path.Ext(e.Name)) {
	case ".csv", ".txt", ".tsv":
	case ".xlsx", ".xlsm":
		read = ReadXLSX
	default:
		return nil, readErr(e.Path(), 0, "", i18n.M("not a CSV or XLSX file; a zip of sheets may hold only .csv, .txt, .tsv and .xlsx files (audio files are opened as an audio zip)"))
	}
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return read(rc, e.Path(), opt)
}

package sheets

import (
	"errors"
	"path/filepath"
	"strings"
)

// ReadWorkbook reads a workbook of several object types as a whole: every visible
// worksheet of an .xlsx file (a sheet per type, as bulkops export --all writes it), or
// every entry of a .zip of CSV files, each a Sheet of its own type, in the file's order.
// A sheet's File is the file's path, "!", and the worksheet's (or entry's) name, so that
// findings say which sheet they are on. A visible worksheet whose header names no type
// is an error that names it; hidden ones (drop-down lists) are skipped. Each sheet of a
// workbook that records the organization it was exported from has that Origin.
func ReadWorkbook(path string, opt ReadOptions) ([]*Sheet, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".zip":
		return ReadZip(path, opt)
	case ".xlsx", ".xlsm":
	default:
		s, err := ReadFile(path, opt)
		if err != nil {
			return nil, err
		}
		return []*Sheet{s}, nil
	}
	f, err := openWorkbookFile(path)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, ws := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(ws); err == nil && visible {
			names = append(names, ws)
		}
	}
	origin := originOf(f)
	f.Close()
	var out []*Sheet
	var errs []error
	for _, ws := range names {
		o := opt
		o.SheetName = ws
		s, err := readXLSXFile(path, o)
		if err != nil {
			var re *ReadError
			if errors.As(err, &re) && re.File == path {
				re.File = path + "!" + ws
			}
			errs = append(errs, err)
			continue
		}
		s.File = path + "!" + ws
		s.Origin = origin
		out = append(out, s)
	}
	if err := joinErrors(errs); err != nil {
		return nil, err
	}
	return out, nil
}

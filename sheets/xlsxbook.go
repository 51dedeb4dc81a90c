package sheets

import (
	"fmt"
	"io"
	"strings"

	"github.com/bulkops/bulkops/internal/atomicfile"
	"github.com/xuri/excelize/v2"
)

// WriteWorkbook writes several sheets as one workbook, a worksheet each in the order
// given, each laid out as WriteXLSX lays out one (header, notes, drop-downs, text
// formats). Worksheets are named after their object types (WorkbookNames). The
// drop-down lists of all of them share one hidden Lists sheet.
func WriteWorkbook(w io.Writer, ss []*Sheet, opt WriteOptions) error {
	return WriteWorkbookNoted(w, ss, nil, opt)
}

// WriteWorkbookNoted is WriteWorkbook with findings shown as notes and tints on their
// cells, as WriteXLSX shows them: notes[i] are the findings of ss[i] (a job's error
// workbook puts each failed row's message on its cell).
func WriteWorkbookNoted(w io.Writer, ss []*Sheet, notes [][]Finding, opt WriteOptions) error {
	if len(ss) == 0 {
		return fmt.Errorf("a workbook needs at least one sheet")
	}
	f := excelize.NewFile()
	defer f.Close()
	names := WorkbookNames(ss)
	lists := new([][]string)
	var styles map[styleKey]int
	var writers []*xlsxWriter
	for i, s := range ss {
		if err := checkWidths(s); err != nil {
			return err
		}
		var fs []Finding
		if i < len(notes) {
			fs = notes[i]
		}
		x := newXLSXWriter(f, s, names[i], fs, opt)
		x.lists = lists
		var err error
		if i == 0 {
			err = x.rename()
		} else {
			_, err = f.NewSheet(x.name)
		}
		if err == nil && styles == nil {
			err = x.makeStyles()
			styles = x.styles
		}
		x.styles = styles
		if err == nil {
			err = x.dropDowns()
		}
		if err != nil {
			return err
		}
		writers = append(writers, x)
	}
	if err := setOrigin(f, ss[0].Origin); err != nil {
		return err
	}
	if err := writers[0].writeLists(); err != nil {
		return err
	}
	for _, x := range writers {
		if err := x.rows(); err != nil {
			return err
		}
		if err := x.notes(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// WriteWorkbookFile is WriteWorkbook to path, replacing it only once it is whole.
func WriteWorkbookFile(path string, ss []*Sheet, opt WriteOptions) error {
	return WriteWorkbookFileNoted(path, ss, nil, opt)
}

// WriteWorkbookFileNoted is WriteWorkbookNoted to path, replacing it only once it is whole.
func WriteWorkbookFileNoted(path string, ss []*Sheet, notes [][]Finding, opt WriteOptions) error {
	return atomicfile.Write(path, 0o644, func(w io.Writer) error { return WriteWorkbookNoted(w, ss, notes, opt) })
}

// WorkbookNames are the worksheet names of ss in one workbook: each its object type's
// title within Excel's rules (at most 31 characters, none of []:*?/\), made unique
// without regard to case by a number, as Excel compares them.
func WorkbookNames(ss []*Sheet) []string {
	names := make([]string, len(ss))
	used := map[string]bool{strings.ToLower(listsSheet): true}
	for i, s := range ss {
		base := worksheetName(s.Object)
		n := base
		for k := 2; used[strings.ToLower(n)]; k++ {
			suffix := fmt.Sprintf(" (%d)", k)
			r := []rune(base)
			n = string(r[:min(len(r), 31-len(suffix))]) + suffix
		}
		used[strings.ToLower(n)] = true
		names[i] = n
	}
	return names
}

package sheets

import (
	"fmt"
	"strings"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/xuri/excelize/v2"
)

// listsSheet is the hidden worksheet holding drop-down values too long for Excel's
// inline lists (255 characters joined).
const listsSheet = "Lists"

// dropDowns puts a drop-down list on each column with a fixed set of values. A value
// not in the list draws a warning Excel lets the user override: the catalog's lists are
// not all confirmed by Cisco, and a template may know a value the catalog does not.
func (x *xlsxWriter) dropDowns() error {
	lists := x.lists
	for i, c := range x.cols {
		vals := dropValues(c)
		if len(vals) == 0 {
			continue
		}
		col := colLetters(i)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, excelize.TotalRows)
		if !inlineList(vals) || dv.SetDropList(vals) != nil {
			*lists = append(*lists, vals)
			l := colLetters(len(*lists) - 1)
			dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$1:$%s$%d", listsSheet, l, l, len(vals)))
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, c.Header,
			"This is not one of the values the column takes. Keep it anyway?")
		if err := x.f.AddDataValidation(x.name, dv); err != nil {
			return err
		}
	}
	return nil
}

// writeLists fills the hidden Lists sheet, one list a column.
func (x *xlsxWriter) writeLists() error {
	lists := *x.lists
	if len(lists) == 0 {
		return nil
	}
	if _, err := x.f.NewSheet(listsSheet); err != nil {
		return err
	}
	for i, vals := range lists {
		for j, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(i+1, j+1)
			if err := x.f.SetCellStr(listsSheet, cell, v); err != nil {
				return err
			}
		}
	}
	return x.f.SetSheetVisible(listsSheet, false)
}

// inlineList reports whether Excel can hold the values in the validation itself: it
// splits an inline list at commas, and reads a leading = as a formula.
func inlineList(vals []string) bool {
	for _, v := range vals {
		if strings.ContainsRune(v, ',') || strings.HasPrefix(v, "=") {
			return false
		}
	}
	return true
}

// dropValues are the values of a drop-down on column c: none for a column holding a
// list of values (A|B), which a drop-down would refuse.
func dropValues(c Column) []string {
	if c.Spec == nil || c.Spec.List {
		return nil
	}
	return AllowedValues(c.Spec)
}

// AllowedValues are the values a column takes, when it takes a fixed set: an enum's, ON
// and OFF, true and false. The XLSX drop-downs and notes offer them, and so does the
// editor's list under a cell.
func AllowedValues(sp *catalog.Column) []string {
	switch sp.Type {
	case catalog.Enum:
		return sp.Values
	case catalog.OnOff:
		return []string{"ON", "OFF"}
	case catalog.Boolean:
		return []string{"true", "false"}
	}
	return nil
}

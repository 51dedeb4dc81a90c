package sheets

import (
	"strings"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// spelledColumn is a column whose values the checks take in any case but the API takes
// in one spelling: ON/OFF, true/false.
type spelledColumn struct {
	col   int
	words [2]string
}

// spelledColumns are h's columns of ON/OFF and true/false. A package holds their values
// as the catalog spells them, so what is sent does not depend on how a value was typed.
func spelledColumns(h *Sheet) []spelledColumn {
	var cols []spelledColumn
	for i, c := range h.Columns {
		switch {
		case c.Spec == nil || c.Spec.List:
		case c.Spec.Type == catalog.OnOff:
			cols = append(cols, spelledColumn{i, [2]string{"ON", "OFF"}})
		case c.Spec.Type == catalog.Boolean:
			cols = append(cols, spelledColumn{i, [2]string{"true", "false"}})
		}
	}
	return cols
}

// respell writes the values of the spelled columns in the catalog's spelling ("on" →
// "ON", "TRUE" → "true"). Only a change of case is made, so a record's size is what the
// plan of the package counted (packRecordLen); anything else is left to the checks.
func respell(rec []string, cols []spelledColumn) {
	for _, c := range cols {
		if c.col >= len(rec) {
			continue
		}
		for _, w := range c.words {
			if v := rec[c.col]; len(v) == len(w) && v != w && strings.EqualFold(v, w) {
				rec[c.col] = w
			}
		}
	}
}

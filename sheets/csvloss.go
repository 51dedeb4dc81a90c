package sheets

import (
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
)

// maxExactDigits: a spreadsheet holds numbers as doubles and shows 15 significant digits,
// so a longer run of digits opened from CSV comes back rounded (1234567890123456789 →
// 1234567890123450000).
const maxExactDigits = 15

// spreadsheetChanges reports whether Excel or LibreOffice, opening a CSV file with their
// default settings, would change value: a number with leading zeros ("00123" → 123) or a
// number too long for a double. The ' that WriteOptions.ProtectFormulas adds keeps only
// values starting with = + - @; these it leaves to the spreadsheet's number guess.
func spreadsheetChanges(v string) bool {
	if len(v) < 2 || !allDigits(v) {
		return false
	}
	return v[0] == '0' || len(strings.TrimLeft(v, "0")) > maxExactDigits
}

// CSVLossNote says, for a sheet about to be written as CSV for a person, which columns
// hold values a spreadsheet changes when it opens the file, with the first such value,
// and names the XLSX alternative, whose text cells keep them. It is zero when no value
// would change.
func CSVLossNote(s *Sheet) i18n.Msg {
	var cols []string
	example := ""
	for c, col := range s.Columns {
		for _, r := range s.Rows {
			if c < len(r.Cells) && spreadsheetChanges(r.Cells[c]) {
				cols = append(cols, col.Header)
				if example == "" {
					example = r.Cells[c]
				}
				break
			}
		}
	}
	if len(cols) == 0 {
		return i18n.Msg{}
	}
	return i18n.N(len(cols), "the column %[2]s holds values such as %[3]q that Excel and LibreOffice change when they open a CSV file (leading zeros dropped, long numbers rounded); save as .xlsx to keep them as they are",
		"the columns %[2]s hold values such as %[3]q that Excel and LibreOffice change when they open a CSV file (leading zeros dropped, long numbers rounded); save as .xlsx to keep them as they are",
		i18n.Raw(quoteAll(cols)), i18n.Raw(example))
}

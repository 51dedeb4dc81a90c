package sheets

import "github.com/bulkops/bulkops/internal/i18n"

// MaxSheetText bounds the text reading one sheet may build: the bytes of all its cells
// together. The unpack limits of a zip count bytes unpacked, but an XLSX keeps each text
// once in its shared strings and refers to it from any number of cells, so 1.7 MB on disk
// can name 18 GB of cells (one 30,000-character text in 600,000 cells). A CSV file's
// cells cannot hold more than the file does; the bound is the same for both. Tests may
// lower it.
var MaxSheetText int64 = 200 << 20

// textBudget counts the text a reader has built, and refuses past MaxSheetText.
type textBudget struct {
	file string
	used int64
	max  int64
}

func newTextBudget(file string) *textBudget {
	return &textBudget{file: file, max: MaxSheetText}
}

// take counts the cells of spreadsheet row n; the error names the file, the row reached
// and the limit.
func (b *textBudget) take(n int, cells []string) error {
	for _, c := range cells {
		b.used += int64(len(c))
	}
	if b.used <= b.max {
		return nil
	}
	return readErr(b.file, n, "", i18n.M(
		"the cells up to this row hold more than %s of text, the most one sheet may hold; refused "+
			"(a workbook that repeats one long text in very many cells?)", byteSize(b.max)))
}

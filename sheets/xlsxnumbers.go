package sheets

import (
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// A workbook that is not Bulkops' template holds what people typed as Excel or
// LibreOffice took it: "+420225000999" typed into a General cell is the number
// 420225000999, "00420…" is 420…, a 19-digit id is rounded. The reader gives the text
// the cell shows, which looks like any other value; only the cell's type tells. So the
// worksheet's XML is scanned once for the cells stored as numbers in the columns that
// hold text as it is read (xlsxCells.values), the rows carry them (Row.Numbers) and the checks warn.

// numberColumn reports whether a number stored in a cell of column c may be a value a
// spreadsheet changed: every catalog column but numbers and switches.
func numberColumn(c Column) bool {
	if c.Spec == nil {
		return false
	}
	switch c.Spec.Type {
	case catalog.Integer, catalog.Decimal, catalog.Boolean, catalog.OnOff:
		return false
	}
	return true
}

var (
	sheetTagRe = regexp.MustCompile(`<(?:\w+:)?sheet\b[^>]*>`)
	nameAttrRe = regexp.MustCompile(`\bname="([^"]*)"`)
	ridAttrRe  = regexp.MustCompile(`\br:id="([^"]*)"`)
	relTagRe   = regexp.MustCompile(`<Relationship\b[^>]*>`)
	idAttrRe   = regexp.MustCompile(`\bId="([^"]*)"`)
	tgtAttrRe  = regexp.MustCompile(`\bTarget="([^"]*)"`)
	typeAttrRe = regexp.MustCompile(`\bType="([^"]*)"`)
)

// worksheetPart is the zip entry holding worksheet ws: workbook.xml names its
// relationship, workbook.xml.rels its part.
func worksheetPart(z *Zip, ws string) string {
	wb, rels := entryText(z, "xl/workbook.xml"), entryText(z, "xl/_rels/workbook.xml.rels")
	rid := ""
	for _, tag := range sheetTagRe.FindAllString(wb, -1) {
		if n := nameAttrRe.FindStringSubmatch(tag); n != nil && xmlUnescape(n[1]) == ws {
			if m := ridAttrRe.FindStringSubmatch(tag); m != nil {
				rid = m[1]
			}
		}
	}
	for _, tag := range relTagRe.FindAllString(rels, -1) {
		id, tgt := idAttrRe.FindStringSubmatch(tag), tgtAttrRe.FindStringSubmatch(tag)
		if id == nil || tgt == nil || id[1] != rid {
			continue
		}
		if t := tgt[1]; len(t) > 0 && t[0] == '/' {
			return t[1:]
		}
		return path.Join("xl", tgt[1])
	}
	return ""
}

func entryText(z *Zip, name string) string {
	for _, e := range z.Entries {
		if e.Name == name {
			rc, err := e.Open()
			if err != nil {
				return ""
			}
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	return ""
}

var xmlUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")

func xmlUnescape(s string) string { return xmlUnescaper.Replace(s) }

// numberWarning is the finding on a cell that was stored as a number in a column of text.
func numberWarning(o *rowOut, col int, header, v string) {
	o.add(col, header, Warning, i18n.M("%s %s was a number in the workbook, not text: a spreadsheet takes the + and "+
		"leading zeros off a number typed into a General cell (+420225000999 becomes 420225000999, 00420… becomes 420…) "+
		"and rounds it past 15 digits; check the value, and format the column as Text before typing", header, quoteShort(v)))
}

// takeNumbers asks the source which cells of the columns that hold text were numbers
// (for a workbook; a text file has no types). A scan that fails costs only the warnings.
func (b *builder) takeNumbers(src *rowSource) {
	if src.numbers == nil {
		return
	}
	raw := map[int]bool{}
	for i := range b.width {
		if j := b.column(i); j >= 0 && numberColumn(b.s.Columns[j]) {
			raw[i] = true
		}
	}
	if len(raw) > 0 {
		b.numsAt = src.numbers(raw)
	}
}

// column is the sheet column of raw column i of the file, -1 for Error Message or none.
func (b *builder) column(i int) int {
	switch {
	case i == b.msg:
		return -1
	case b.msg >= 0 && i > b.msg:
		i--
	}
	if i >= len(b.s.Columns) {
		return -1
	}
	return i
}

// numbers are the cells of row n, as made from cells, that were numbers in the file.
func (b *builder) numbers(n int, r Row) []Number {
	var out []Number
	for _, i := range b.numsAt(n) {
		if j := b.column(i); j >= 0 && j < len(r.Cells) && r.Cells[j] != "" {
			out = append(out, Number{Col: j, Read: r.Cells[j]})
		}
	}
	return out
}

// numberFindings warns on each cell of a row that was a number in the workbook, while
// it holds the value read (an edit in the window ends the warning).
func numberFindings(o *rowOut, l *checkLayout, r Row, cells []string) {
	for _, nb := range r.Numbers {
		if nb.Col < len(l.cols) && rowCell(cells, nb.Col) == nb.Read {
			numberWarning(o, nb.Col, l.cols[nb.Col].header, nb.Read)
		}
	}
}

package sheets

import (
	"bufio"
	"bytes"
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
// hold text (numberScan), the rows carry them (Row.Numbers) and the checks warn.

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

// numberScan finds the cells of worksheet ws stored as numbers in the columns cols (by
// their index, 0 for A), by row number. z is the workbook as a zip.
func numberScan(z *Zip, ws string, cols map[int]bool) (map[int][]int, error) {
	part := worksheetPart(z, ws)
	for _, e := range z.Entries {
		if e.Name != part {
			continue
		}
		rc, err := e.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return scanNumbers(rc, cols)
	}
	return nil, nil
}

var (
	sheetTagRe = regexp.MustCompile(`<(?:\w+:)?sheet\b[^>]*>`)
	nameAttrRe = regexp.MustCompile(`\bname="([^"]*)"`)
	ridAttrRe  = regexp.MustCompile(`\br:id="([^"]*)"`)
	relTagRe   = regexp.MustCompile(`<Relationship\b[^>]*>`)
	idAttrRe   = regexp.MustCompile(`\bId="([^"]*)"`)
	tgtAttrRe  = regexp.MustCompile(`\bTarget="([^"]*)"`)
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

// scanNumbers reads a worksheet's XML tag by tag, without parsing it: a cell <c> with no
// t attribute (or t="n") and a value is a number.
func scanNumbers(r io.Reader, cols map[int]bool) (map[int][]int, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	out := map[int][]int{}
	row, col := 0, -1
	for {
		if _, err := br.ReadSlice('<'); err != nil && err != bufio.ErrBufferFull {
			if err == io.EOF {
				return out, nil
			}
			return nil, err
		}
		tag, err := br.ReadSlice('>')
		if err == bufio.ErrBufferFull {
			continue // a tag this long is no cell's
		}
		if err != nil {
			return out, nil
		}
		switch {
		case bytes.HasPrefix(tag, []byte("row")) && (tag[3] == ' ' || tag[3] == '>'):
			row++
			if n := attr(tag, " r=\""); n != nil {
				row = atoiBytes(n)
			}
			col = -1
		case bytes.HasPrefix(tag, []byte("c")) && len(tag) > 1 && (tag[1] == ' ' || tag[1] == '>'):
			col++
			if ref := attr(tag, " r=\""); ref != nil {
				col = refColumn(ref)
			}
			t := attr(tag, " t=\"")
			if cols[col] && !bytes.HasSuffix(tag, []byte("/>")) && (t == nil || string(t) == "n") {
				out[row] = append(out[row], col)
			}
		}
	}
}

// attr is the value of the attribute whose start (` r="`) is given, nil when absent.
func attr(tag []byte, start string) []byte {
	i := bytes.Index(tag, []byte(start))
	if i < 0 {
		return nil
	}
	v := tag[i+len(start):]
	if j := bytes.IndexByte(v, '"'); j >= 0 {
		return v[:j]
	}
	return nil
}

// refColumn is the column index of a cell reference (B2 → 1).
func refColumn(ref []byte) int {
	n := 0
	for _, c := range ref {
		if c < 'A' || c > 'Z' {
			break
		}
		n = n*26 + int(c-'A'+1)
	}
	return n - 1
}

func atoiBytes(b []byte) int {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

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
		b.nums = src.numbers(raw)
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
	for _, i := range b.nums[n] {
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

// xlsxNumbers is the numbers function of a worksheet's source, from the workbook's zip.
func xlsxNumbers(open func() (*Zip, error), ws string) func(map[int]bool) map[int][]int {
	return func(cols map[int]bool) map[int][]int {
		z, err := open()
		if err != nil {
			return nil
		}
		defer z.Close()
		m, _ := numberScan(z, ws, cols)
		return m
	}
}

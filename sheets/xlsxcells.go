package sheets

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// xlsxCells turns stored cells into the text Excel shows, as excelize's row iterator
// does. Most cells need no number format: text, and numbers in unstyled cells. Those are
// done here; the others (dates, numbers in styled cells: General shows 12 digits as
// 4.2E+11) go through excelize's own formatting, on a scratch sheet of the workbook, so
// its styles and date system apply and no second copy of its number-format code exists.
type xlsxCells struct {
	f       *excelize.File
	sst     []string
	plain   map[int]bool // style index → its number format leaves text as it is
	general map[int]bool // style index → its number format is General
	scratch string       // the scratch worksheet, made when first needed
}

// values makes a row's cells as excelize's Columns gives them: a cell with an empty
// value and no formula is left out, so the row ends at its last value; gaps are "".
// numbers gets the columns of the cells stored as numbers.
func (x *xlsxCells) values(cells []rawCell, numbers *[]int) ([]string, error) {
	var out []string
	if len(cells) > 0 {
		out = make([]string, 0, cells[len(cells)-1].col+1)
	}
	*numbers = (*numbers)[:0]
	for i := range cells {
		c := &cells[i]
		v, err := x.value(c)
		if err != nil {
			return nil, fmt.Errorf("cell %s: %w", colLetters(c.col), err)
		}
		if (c.typ == "" || c.typ == "n") && c.v != "" {
			*numbers = append(*numbers, c.col)
		}
		if v == "" && !c.hasF {
			continue
		}
		if gap := c.col - len(out); gap > 0 {
			out = append(out, make([]string, gap)...)
		}
		out = append(out, v)
	}
	return out, nil
}

// value is the text of one cell (excelize's getValueFrom, not raw).
func (x *xlsxCells) value(c *rawCell) (string, error) {
	switch c.typ {
	case "s":
		if c.inline || c.v == "" {
			return x.text(c, c.v)
		}
		i, err := strconv.Atoi(strings.TrimSpace(c.v))
		if err != nil || i < 0 || i >= len(x.sst) {
			return "", fmt.Errorf("refers to shared string %q, which the workbook does not hold", c.v)
		}
		return x.text(c, x.sst[i])
	case "inlineStr":
		return x.text(c, c.v)
	case "str":
		return c.v, nil
	case "b":
		switch c.v {
		case "1":
			return "TRUE", nil
		case "0":
			return "FALSE", nil
		}
		return x.number(c, c.v)
	case "d":
		return x.number(c, excelDate(c.v))
	}
	return x.number(c, generalNumber(c.v))
}

// text is a text cell's value: as stored unless its style's number format has a text
// section (which can add to it).
func (x *xlsxCells) text(c *rawCell, v string) (string, error) {
	if c.style == 0 || x.isPlain(c.style) {
		return v, nil
	}
	return x.formatted(c.style, v, true)
}

// number is a number cell's value: as stored in an unstyled cell, else formatted. A
// number of at most 11 characters in its shortest form is shown as it is by General
// (longer ones become 4.2E+11), so a styled cell of General format (a bold or coloured
// column of numbers) needs no formatting, which cost 13 µs a cell through excelize.
func (x *xlsxCells) number(c *rawCell, v string) (string, error) {
	if c.style == 0 || len(v) <= generalWidth && shortestNumber(v) && x.isGeneral(c.style) {
		return v, nil
	}
	return x.formatted(c.style, v, false)
}

// generalWidth is the most characters General shows a number in as it is.
const generalWidth = 11

// isGeneral reports whether a style's number format is General.
func (x *xlsxCells) isGeneral(style int) bool {
	g, ok := x.general[style]
	if !ok {
		st, err := x.f.GetStyle(style)
		g = err == nil && st.CustomNumFmt == nil && st.NumFmt == 0
		if x.general == nil {
			x.general = map[int]bool{}
		}
		x.general[style] = g
	}
	return g
}

// isPlain reports whether a style's number format is General or Text (@), which show
// text as it is (not numbers: General shortens them).
func (x *xlsxCells) isPlain(style int) bool {
	p, ok := x.plain[style]
	if !ok {
		st, err := x.f.GetStyle(style)
		p = err == nil && st.CustomNumFmt == nil && (st.NumFmt == 0 || st.NumFmt == 49)
		if x.plain == nil {
			x.plain = map[int]bool{}
		}
		x.plain[style] = p
	}
	return p
}

// formatted is v with style's number format applied by excelize, through a cell of the
// scratch worksheet: a number (stored as one), or text.
func (x *xlsxCells) formatted(style int, v string, text bool) (string, error) {
	if err := x.makeScratch(); err != nil {
		return "", err
	}
	var err error
	if text {
		err = x.f.SetCellStr(x.scratch, "A1", v)
	} else {
		err = x.f.SetCellDefault(x.scratch, "A1", v)
	}
	if err != nil {
		return "", err
	}
	if x.f.SetCellStyle(x.scratch, "A1", "A1", style) != nil {
		return v, nil // a style the workbook lacks: excelize shows the value as stored
	}
	return x.f.GetCellValue(x.scratch, "A1")
}

func (x *xlsxCells) makeScratch() error {
	if x.scratch != "" {
		return nil
	}
	name := "bulkops scratch"
	for i := 2; ; i++ {
		if idx, _ := x.f.GetSheetIndex(name); idx < 0 {
			break
		}
		name = fmt.Sprintf("bulkops scratch %d", i)
	}
	if _, err := x.f.NewSheet(name); err != nil {
		return err
	}
	x.scratch = name
	return nil
}

// generalNumber is a number as excelize gives it before formatting: its shortest
// decimal form, or 15 significant digits past Excel's precision.
func generalNumber(v string) string {
	if shortestNumber(v) || strings.Contains(v, "_") {
		return v
	}
	return parsedNumber(v)
}

// parsedNumber is generalNumber the long way: v parsed and formatted again.
func parsedNumber(v string) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if len(s)-strings.Count(s, ".") > 15 && !withinPrecision(v) {
		return strconv.FormatFloat(f, 'G', 15, 64)
	}
	return s
}

// shortestNumber reports whether v is already the shortest decimal form of its number:
// at most 15 significant digits (which a float64 holds exactly, so no shorter form is
// the same number), no leading zero but a lone one before the point, no trailing zero
// after it, no exponent or sign but a minus. Most numbers a sheet stores are so, and are
// read as they are without a parse and a new string.
func shortestNumber(v string) bool {
	if len(v) > 0 && v[0] == '-' {
		v = v[1:]
	}
	if v == "" || v == "0" || len(v) > 16 {
		return false // a lone 0 is shortest, -0 is not: both go the long way
	}
	digits, point := 0, -1
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && point < 0:
			point = i
		default:
			return false
		}
	}
	switch {
	case digits > 15, v[0] == '0' && point != 1, point == 0, point == len(v)-1:
		return false
	case point > 0 && v[len(v)-1] == '0':
		return false
	}
	return true
}

// withinPrecision: an integer zero-filled past Excel's 15 significant digits.
func withinPrecision(v string) bool {
	if strings.ContainsAny(v, ".Ee") {
		return false
	}
	v = strings.TrimLeft(v, "+-0")
	return len(strings.TrimRight(v, "0")) <= 15
}

// excelDate turns a date cell's ISO 8601 value (t="d") into Excel's serial number,
// which its number format shows; a value that is no date stays as it is.
func excelDate(v string) string {
	layout := "20060102T150405.999"
	if strings.HasSuffix(v, "Z") {
		layout = "20060102T150405Z"
		if strings.Contains(v, "-") {
			layout = "2006-01-02T15:04:05Z"
		}
	} else if strings.Contains(v, "-") {
		layout = "2006-01-02 15:04:05Z"
	}
	t, err := time.Parse(layout, strings.ReplaceAll(v, ",", "."))
	if err != nil {
		return v
	}
	if t.Before(time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)) {
		return "0"
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC) // Unix seconds, not Sub: no overflow after 2262
	days := float64(t.Unix()-epoch.Unix())/86400 + float64(t.Nanosecond())/(86400*1e9)
	if !t.After(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)) {
		days-- // Excel's serials count a 29 February 1900 that never was
	}
	return strconv.FormatFloat(days, 'G', 15, 64)
}

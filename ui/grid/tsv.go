package grid

import "strings"

// FormatTSV writes cells as tab-separated lines, the way Excel puts a range on the
// clipboard: a value holding a tab, a line break or a leading quote is quoted, with
// quotes doubled. Rows end in CRLF, the last one too, except a single value which is
// copied bare so it pastes cleanly into any text field.
func FormatTSV(block [][]string) string {
	if len(block) == 1 && len(block[0]) == 1 && !needsQuotes(block[0][0]) {
		return block[0][0]
	}
	var b strings.Builder
	for _, row := range block {
		for i, v := range row {
			if i > 0 {
				b.WriteByte('\t')
			}
			if needsQuotes(v) {
				b.WriteByte('"')
				b.WriteString(strings.ReplaceAll(v, `"`, `""`))
				b.WriteByte('"')
			} else {
				b.WriteString(v)
			}
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

func needsQuotes(v string) bool {
	return strings.ContainsAny(v, "\t\r\n") || strings.HasPrefix(v, `"`)
}

// ParseTSV reads tab-separated text as Excel, LibreOffice and Google Sheets copy it:
// rows end in CRLF, LF or CR; a field that starts with a quote runs to the closing quote
// and may hold tabs and line breaks ("" is a quote). A quote that never closes is taken
// literally. The line break after the last row is not an extra empty row.
func ParseTSV(text string) [][]string {
	if text == "" {
		return nil
	}
	var rows [][]string
	var row []string
	i, n := 0, len(text)
	for {
		v, next, ok := "", i, false
		if i < n && text[i] == '"' {
			v, next, ok = quoted(text, i)
		}
		if !ok {
			next = i
			for next < n && text[next] != '\t' && text[next] != '\n' && text[next] != '\r' {
				next++
			}
			v = text[i:next]
		}
		row = append(row, v)
		i = next
		if i >= n {
			return append(rows, row)
		}
		sep := text[i]
		i++
		if sep == '\t' {
			continue
		}
		if sep == '\r' && i < n && text[i] == '\n' {
			i++
		}
		rows = append(rows, row)
		row = nil
		if i >= n {
			return rows
		}
	}
}

// quoted reads a quoted field starting at text[i] == '"'. It succeeds when the closing
// quote is followed by a separator or the end; it returns the value and where the
// separator is.
func quoted(text string, i int) (string, int, bool) {
	var b strings.Builder
	j := i + 1
	for j < len(text) {
		if text[j] != '"' {
			b.WriteByte(text[j])
			j++
			continue
		}
		if j+1 < len(text) && text[j+1] == '"' {
			b.WriteByte('"')
			j += 2
			continue
		}
		end := j + 1
		if end == len(text) || text[end] == '\t' || text[end] == '\n' || text[end] == '\r' {
			return b.String(), end, true
		}
		return "", i, false
	}
	return "", i, false
}

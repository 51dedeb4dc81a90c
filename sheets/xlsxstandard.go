package sheets

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// excelize streams a worksheet's XML and adds the notes after it (comments are not
// supported in stream mode: qax-os/excelize#1189), so the sheet names no <legacyDrawing>,
// the element through which Excel finds the notes' shapes, and it writes the <col>
// elements in descending order, where the standard (ECMA-376 §18.3.1.13) wants them
// ascending and some readers drop the column settings (exceljs#1563). standardXLSX
// rewrites each worksheet of a workbook excelize wrote to follow the standard; the other
// parts are copied as they are, still compressed.
func standardXLSX(workbook []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		return nil, err
	}
	rels := map[string]string{} // worksheet part → its relationships part's text
	for _, f := range zr.File {
		if dir, name := path.Split(f.Name); dir == "xl/worksheets/_rels/" {
			b, err := readZipFile(f)
			if err != nil {
				return nil, err
			}
			rels["xl/worksheets/"+strings.TrimSuffix(name, ".rels")] = string(b)
		}
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if !isWorksheetPart(f.Name) {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		b, err := readZipFile(f)
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(standardSheet(b, rels[f.Name])); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func isWorksheetPart(name string) bool {
	dir, file := path.Split(name)
	return dir == "xl/worksheets/" && strings.HasSuffix(file, ".xml")
}

func readZipFile(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

var (
	colsRe   = regexp.MustCompile(`(?s)<cols>(.*?)</cols>`)
	colRe    = regexp.MustCompile(`<col [^>]*?/>`)
	colMinRe = regexp.MustCompile(` min="(\d+)"`)
	vmlRelRe = regexp.MustCompile(`<Relationship [^>]*Id="([^"]+)"[^>]*Type="[^"]*/vmlDrawing"|<Relationship [^>]*Type="[^"]*/vmlDrawing"[^>]*Id="([^"]+)"`)
	// the elements that follow legacyDrawing in CT_Worksheet (§18.3.1.99), in order
	afterLegacy = []string{"<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls",
		"<webPublishItems", "<tableParts", "<extLst", "</worksheet>"}
)

// standardSheet puts a worksheet's <col> elements in ascending order and, when its
// relationships name a VML drawing (the notes' shapes) that the sheet does not point to,
// adds the <legacyDrawing> that does, where the schema places it.
func standardSheet(xml []byte, rels string) []byte {
	s := string(xml)
	if loc := colsRe.FindStringSubmatchIndex(s); loc != nil {
		cols := colRe.FindAllString(s[loc[2]:loc[3]], -1)
		slices.SortStableFunc(cols, func(a, b string) int { return colMin(a) - colMin(b) })
		s = s[:loc[2]] + strings.Join(cols, "") + s[loc[3]:]
	}
	m := vmlRelRe.FindStringSubmatch(rels)
	if m == nil || strings.Contains(s, "<legacyDrawing ") {
		return []byte(s)
	}
	id := m[1] + m[2]
	at := len(s)
	for _, tag := range afterLegacy {
		if i := strings.LastIndex(s, tag); i >= 0 && i < at && i > strings.Index(s, "</sheetData>") {
			at = i
		}
	}
	return []byte(s[:at] + `<legacyDrawing r:id="` + id + `"/>` + s[at:])
}

func colMin(col string) int {
	m := colMinRe.FindStringSubmatch(col)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

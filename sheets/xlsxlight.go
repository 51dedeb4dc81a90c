package sheets

import (
	"archive/zip"
	"bytes"

	"github.com/xuri/excelize/v2"

	"github.com/bulkops/bulkops/internal/i18n"
)

// excelize unpacks every part of a workbook when it opens it, the worksheets too (to a
// temporary file past 16 MB), though the reader takes the rows from the zip itself
// (sheetScanner). So the reader hands excelize a copy of the workbook without its large
// worksheet and shared-strings parts: the sheet list, styles and number formats are all
// it asks of excelize. The copy takes the other parts' bytes as they are compressed.

// lightPart: a part larger than this, unpacked, is left out of excelize's copy.
const lightPart = 256 << 10

// openLight opens the checked workbook z in excelize without its large parts, or whole
// when some worksheet's part cannot be told from the workbook's relationships (excelize
// then reads that sheet itself, and needs the shared strings).
func openLight(z *Zip, name string) (*excelize.File, error) {
	skip, ok := largeParts(z)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range z.Entries {
		if ok && skip[e.Name] {
			continue
		}
		if err := zw.Copy(e.f); err != nil {
			return nil, readErr(name, 0, "", i18n.M("cannot read the workbook: %s", i18n.Of(err)))
		}
	}
	if err := zw.Close(); err != nil {
		return nil, readErr(name, 0, "", i18n.M("cannot read the workbook: %s", i18n.Of(err)))
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()), xlsxOptions())
	if err != nil {
		return nil, xlsxOpenError(name, err)
	}
	return f, nil
}

// largeParts are the large worksheet and shared-strings parts of z; ok is false when
// some worksheet's part cannot be found.
func largeParts(z *Zip) (skip map[string]bool, ok bool) {
	skip = map[string]bool{}
	wb := entryText(z, "xl/workbook.xml")
	for _, tag := range sheetTagRe.FindAllString(wb, -1) {
		n := nameAttrRe.FindStringSubmatch(tag)
		if n == nil {
			return nil, false
		}
		e := zipEntryNamed(z, worksheetPart(z, xmlUnescape(n[1])))
		if e == nil {
			return nil, false
		}
		if e.Size > lightPart {
			skip[e.Name] = true
		}
	}
	if e := zipEntryNamed(z, sharedStringsPart(z)); e != nil && e.Size > lightPart {
		skip[e.Name] = true
	}
	return skip, true
}

// openLightFile is openLight for a workbook on disk, which a file that is no zip (a
// password-protected workbook is one) leaves to excelize to name.
func openLightFile(path string) (*excelize.File, error) {
	z, err := OpenZip(path)
	if err != nil {
		f, err := excelize.OpenFile(path, xlsxOptions())
		if err != nil {
			return nil, xlsxOpenError(path, err)
		}
		return f, nil
	}
	defer z.Close()
	return openLight(z, path)
}

package sheets

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/bulkops/bulkops/internal/i18n"
)

// ReadXLSX reads one worksheet of an XLSX workbook: opt.SheetName, or the first visible
// sheet. Row 1 is the header. Every cell is the text Excel shows for it (its number
// format applied), so a phone number typed as a number reads 420123456789, never
// 4.2E+11, and a text cell keeps its leading + and zeros. Rows are streamed.
func ReadXLSX(r io.Reader, name string, opt ReadOptions) (s *Sheet, err error) {
	defer recoverXLSX(name, &s, &err)
	f, data, err := openWorkbook(r, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readWorkbook(f, name, opt, func() (*Zip, error) {
		return NewZipReader(bytes.NewReader(data), int64(len(data)), name)
	})
}

// readXLSXFile opens the workbook from disk, without first reading it all into memory.
func readXLSXFile(path string, opt ReadOptions) (s *Sheet, err error) {
	defer recoverXLSX(path, &s, &err)
	z, zerr := OpenZip(path)
	if err := checkXLSXLeaving(path, z, zerr); err != nil {
		return nil, err
	}
	f, err := openLightFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readWorkbook(f, path, opt, func() (*Zip, error) { return OpenZip(path) })
}

// openWorkbook reads a workbook (at most the zip limits of it), checks it is whole
// (checkXLSX) and opens it.
func openWorkbook(r io.Reader, name string) (*excelize.File, []byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, ZipLimits.MaxTotal+1))
	if err != nil {
		return nil, nil, readErr(name, 0, "", i18n.M("cannot read the workbook: %s", i18n.Of(err)))
	}
	if int64(len(data)) > ZipLimits.MaxTotal {
		return nil, nil, readErr(name, 0, "", i18n.M("the workbook is larger than %s; refused", byteSize(ZipLimits.MaxTotal)))
	}
	z, zerr := NewZipReader(bytes.NewReader(data), int64(len(data)), name)
	if err := checkXLSXLeaving(name, z, zerr); err != nil {
		return nil, nil, err
	}
	var f *excelize.File
	if z, zerr := NewZipReader(bytes.NewReader(data), int64(len(data)), name); zerr == nil {
		f, err = openLight(z, name)
	} else if f, err = excelize.OpenReader(bytes.NewReader(data), xlsxOptions()); err != nil {
		err = xlsxOpenError(name, err)
	}
	if err != nil {
		return nil, nil, err
	}
	return f, data, nil
}

// openWorkbookFile is openWorkbook for a file on disk: the sheet list, styles and
// properties; its large parts are checked when a sheet is read (checkXLSXLeaving).
func openWorkbookFile(path string) (*excelize.File, error) {
	z, zerr := OpenZip(path)
	if err := checkXLSXLeaving(path, z, zerr); err != nil {
		return nil, err
	}
	return openLightFile(path)
}

// xlsxOptions holds the workbook's unpacked size to the zip limits: an XLSX is a zip.
func xlsxOptions() excelize.Options {
	return excelize.Options{UnzipSizeLimit: ZipLimits.MaxTotal}
}

func xlsxOpenError(name string, err error) error {
	var re *ReadError
	if errors.As(err, &re) {
		return re
	}
	msg := i18n.M("not a readable XLSX workbook: %s", i18n.Raw(err.Error()))
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, excelize.ErrWorkbookPassword):
		msg = i18n.M("the workbook is password-protected or not an XLSX file; save it again without a password")
	case strings.Contains(err.Error(), "unzip size exceeds"): // excelize has no sentinel for it
		msg = i18n.M("the workbook unpacks to more than %s; refused (a zip bomb?)", byteSize(ZipLimits.MaxTotal))
	}
	return readErr(name, 0, "", msg)
}

// recoverXLSX turns a panic inside excelize on a malformed workbook into an error: a bad
// file must not end the program.
func recoverXLSX(name string, s **Sheet, err *error) {
	if p := recover(); p != nil {
		*s, *err = nil, readErr(name, 0, "", i18n.M("not a readable XLSX workbook (%v)", p))
	}
}

// readWorkbook reads the chosen worksheet into a sheet; open opens the workbook as a zip
// again, for reading the worksheet's part.
func readWorkbook(f *excelize.File, name string, opt ReadOptions, open func() (*Zip, error)) (*Sheet, error) {
	src, err := xlsxSource(f, name, opt, open)
	if err != nil {
		return nil, err
	}
	defer src.close()
	s, err := readAll(src, opt)
	if s != nil {
		s.Origin = originOf(f) // a single-type export records its organization too
	}
	return s, err
}

// readBookSheet reads worksheet ws of an open book into a sheet.
func readBookSheet(book *bookParts, name, ws string, opt ReadOptions) (*Sheet, error) {
	src, err := book.sheetSource(name, ws)
	if err != nil {
		return nil, err
	}
	defer src.close()
	return readAll(src, opt)
}

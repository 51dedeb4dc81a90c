package sheets

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
)

// checkXLSX reads every part of a workbook through the zip checks (the unpack
// limits, each entry's size and checksum) and checks that each XML part ends by closing
// the element it opens. excelize ignores a read error and an XML part that stops short:
// a sheet whose entry is cut off would read as the rows before the cut, as if that were
// all. So a damaged workbook is refused before excelize reads it. A file that is not a
// zip at all is left to excelize, which tells a password-protected workbook from junk.
func checkXLSX(name string, z *Zip, err error) error {
	return checkXLSXParts(name, z, err, nil)
}

// checkXLSXLeaving is checkXLSX but for the parts the reader streams itself (the large
// worksheets and shared strings excelize is not given: largeParts): inflating those
// twice, once to check and once to read, was a tenth of reading a large sheet, so they
// are checked as they are read (partCheck), the sheet's before its last row is given.
// A large sheet the reader does not read is not checked: nothing of it is used.
func checkXLSXLeaving(name string, z *Zip, err error) error {
	var leave map[string]bool
	if err == nil {
		if skip, ok := largeParts(z); ok {
			leave = skip
		}
	}
	return checkXLSXParts(name, z, err, leave)
}

func checkXLSXParts(name string, z *Zip, err error, leave map[string]bool) error {
	if errors.Is(err, errNotZip) {
		return nil
	}
	if err == nil {
		defer z.Close()
		if notXLSX := otherZip(name, z); notXLSX != nil {
			return notXLSX
		}
		for _, e := range z.Entries {
			if leave[e.Name] {
				continue
			}
			if err = checkXLSXPart(e); err != nil {
				break
			}
		}
	}
	return wholeWorkbookErr(name, err)
}

// wholeWorkbookErr words the zip's limit on all its entries as a workbook's.
func wholeWorkbookErr(name string, err error) error {
	if errors.Is(err, errZipTotal) { // as excelize words it: the workbook is the zip
		return readErr(name, 0, "", i18n.M(
			"the workbook unpacks to more than %s; refused (a zip bomb?)", byteSize(ZipLimits.MaxTotal)))
	}
	return err
}

// otherZip names what a zip that is not a workbook is, where that can be told: an
// OpenDocument spreadsheet saved under an .xlsx name (excelize's word for it is "EOF").
func otherZip(name string, z *Zip) error {
	var hasWorkbook, hasContent bool
	for _, e := range z.Entries {
		switch e.Name {
		case "xl/workbook.xml":
			hasWorkbook = true
		case "content.xml", "mimetype":
			hasContent = true
		}
	}
	switch {
	case hasWorkbook:
		return nil
	case hasContent:
		return readErr(name, 0, "", i18n.M("an OpenDocument spreadsheet (.ods), not an XLSX workbook, whatever its name says; "+
			"in LibreOffice save it as Excel 2007-365 (.xlsx) or as CSV UTF-8, and open that"))
	}
	return readErr(name, 0, "", i18n.M("a zip file but not an XLSX workbook: it has no xl/workbook.xml; save the sheet as .xlsx or as CSV UTF-8 and open that"))
}

func checkXLSXPart(e *ZipEntry) error {
	rc, err := e.Open()
	if err != nil {
		return damagedPart(e, err)
	}
	defer rc.Close()
	pc := &partCheck{e: e}
	return pc.finish(pc.reader(rc))
}

// partCheck checks a part as it is read: what is read passes through it (reader), and
// finish reads the rest and judges the whole, as checkXLSX judges each part.
type partCheck struct {
	e *ZipEntry
	h headTail
}

func (p *partCheck) reader(r io.Reader) io.Reader { return io.TeeReader(r, &p.h) }

// finish reads what is left of the part from rest (the reader reader gave, or one
// reading from it) and reports whether the part was whole.
func (p *partCheck) finish(rest io.Reader) error {
	if _, err := io.Copy(io.Discard, rest); err != nil {
		return wholeWorkbookErr(p.e.z.Name, damagedPart(p.e, err))
	}
	ext := strings.ToLower(path.Ext(p.e.Name))
	if ext != ".xml" && ext != ".rels" {
		return nil
	}
	if !p.h.xmlClosed() {
		return readErr(p.e.z.Name, 0, "", i18n.M(
			"the workbook is damaged: its part %s stops before its end (the XML is not closed); nothing read. "+
				"Open it in Excel, which may offer to repair it, and save it again", p.e.Name))
	}
	return nil
}

// damagedPart words an entry that cannot be read whole for a person who knows the file
// as a workbook, not as a zip; a limit passed keeps its own message.
func damagedPart(e *ZipEntry, err error) error {
	if !errors.Is(err, errDamagedEntry) {
		return err
	}
	return readErr(e.z.Name, 0, "", i18n.M(
		"the workbook is damaged: its part %s is shorter than the workbook's directory says, or does not match its checksum; nothing read. "+
			"Open it in Excel, which may offer to repair it, and save it again", e.Name))
}

// headTail keeps the first and last bytes written through it: enough to find an XML
// part's root element and see that the part ends by closing it.
type headTail struct {
	head, tail []byte
	n          int64
}

const (
	headSize = 8 << 10 // a worksheet's root tag declares many namespaces
	tailSize = 512
)

func (h *headTail) Write(p []byte) (int, error) {
	h.n += int64(len(p))
	if room := headSize - len(h.head); room > 0 {
		h.head = append(h.head, p[:min(room, len(p))]...)
	}
	if len(p) >= tailSize { // only the end of a large write is kept: no copy of the rest
		h.tail = append(h.tail[:0], p[len(p)-tailSize:]...)
		return len(p), nil
	}
	h.tail = append(h.tail, p...)
	if len(h.tail) > 2*tailSize {
		h.tail = append(h.tail[:0], h.tail[len(h.tail)-tailSize:]...)
	}
	return len(p), nil
}

// xmlClosed reports whether the part is a whole XML document: its root element, named in
// the head, is closed at the end (only spaces after it). A part that fits in the head is
// parsed whole.
func (h *headTail) xmlClosed() bool {
	if h.n <= headSize {
		return wholeXML(h.head)
	}
	root, ok := rootName(h.head)
	if !ok {
		return false
	}
	i := bytes.LastIndex(h.tail, []byte("</"+root))
	if i < 0 {
		return false
	}
	rest := bytes.TrimLeft(h.tail[i+2+len(root):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '>' {
		return false
	}
	return onlyMisc(rest[1:])
}

// onlyMisc reports whether what follows the root element is only what XML allows there:
// spaces, comments and processing instructions.
func onlyMisc(b []byte) bool {
	for b = bytes.TrimLeft(b, " \t\r\n"); len(b) > 0; b = bytes.TrimLeft(b, " \t\r\n") {
		var end []byte
		switch {
		case bytes.HasPrefix(b, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(b, []byte("<?")):
			end = []byte("?>")
		default:
			return false
		}
		j := bytes.Index(b, end)
		if j < 0 {
			return false
		}
		b = b[j+len(end):]
	}
	return true
}

// rootName returns the raw name (prefix:local) of the document's first element.
func rootName(head []byte) (string, bool) {
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	for {
		tok, err := d.RawToken()
		if err != nil {
			return "", false
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Space != "" {
				return se.Name.Space + ":" + se.Name.Local, true
			}
			return se.Name.Local, true
		}
	}
}

// wholeXML parses a small part to its end and wants every element closed.
func wholeXML(b []byte) bool {
	if len(bytes.TrimSpace(b)) == 0 {
		return false
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, seen := 0, false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return seen && depth == 0
		}
		if err != nil {
			return false
		}
		switch tok.(type) {
		case xml.StartElement:
			depth, seen = depth+1, true
		case xml.EndElement:
			depth--
		}
	}
}

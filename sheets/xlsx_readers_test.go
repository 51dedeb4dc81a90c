package sheets

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/bulkops/bulkops/internal/i18n"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// needTool returns the path of the first of names found, or skips the test when none is
// and CI is unset: under CI (make test installs them, scripts/deps.sh test) it fails.
func needTool(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "" {
		t.Skipf("none of %v installed (scripts/deps.sh test installs it)", names)
	}
	t.Fatalf("none of %v installed; under CI the workbook readers must run (scripts/deps.sh test)", names)
	return ""
}

// readerSheets are, for every object type, the three workbooks Bulkops writes for people:
// the empty template, an export (values a spreadsheet likes to change: leading zeros, a
// +, a formula's =, accents, quotes, a line break) and an error file (Error Message,
// findings in notes).
func readerSheets(t *testing.T, dir string) map[string]*Sheet {
	values := []string{"00123", "+420225000999", "=SUM(A1)", "Zoë \"quoted\", comma", "two\nlines", "TRUE", "1e5", "0042"}
	out := map[string]*Sheet{}
	for _, o := range catalog.All() {
		if o.Format != catalog.FormatCSV {
			continue
		}
		out[filepath.Join(dir, o.Key+"_template.xlsx")] = New(o)
		exp := New(o)
		for r := range 3 {
			cells := make([]string, len(exp.Columns))
			for c := range cells {
				cells[c] = values[(r+c)%len(values)]
			}
			exp.Rows = append(exp.Rows, Row{Cells: cells})
		}
		out[filepath.Join(dir, o.Key+"_export.xlsx")] = exp
		errs := New(o)
		errs.Rows = []Row{{Cells: slices.Clone(exp.Rows[0].Cells), Message: "Similar entity is already present"}}
		out[filepath.Join(dir, o.Key+"_errors.xlsx")] = errs
	}
	for p, s := range out {
		s.File = p
		var fs []Finding
		if len(s.Rows) > 0 {
			fs = []Finding{NewFinding(p, 2, 0, s.Columns[0].Header, Error, i18n.Raw("the organization refused it"))}
		}
		if err := WriteFile(p, s, fs); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestWorkbooksFollowTheStandard: every worksheet Bulkops writes points to its notes'
// drawing (<legacyDrawing>, which Excel needs to show them) and lists its <col>s in
// ascending order.
func TestWorkbooksFollowTheStandard(t *testing.T) {
	for p := range readerSheets(t, t.TempDir()) {
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		raw, ok := f.Pkg.Load("xl/worksheets/sheet1.xml")
		f.Close()
		if !ok {
			t.Fatalf("%s: no sheet1.xml", p)
		}
		xml := string(raw.([]byte))
		if !regexp.MustCompile(`<legacyDrawing r:id="rId\d+"/></worksheet>$`).MatchString(xml) {
			t.Errorf("%s: the sheet does not point to its notes: …%s", filepath.Base(p), xml[max(0, len(xml)-120):])
		}
		var mins []int
		for _, c := range colRe.FindAllString(xml, -1) {
			mins = append(mins, colMin(c))
		}
		if len(mins) == 0 || !slices.IsSorted(mins) {
			t.Errorf("%s: <col> elements in the order %v", filepath.Base(p), mins)
		}
	}
}

// TestWorkbooksReadByOpenpyxl: openpyxl reads every workbook Bulkops writes with the
// values as written (text, never a number) and the notes on their cells.
func TestWorkbooksReadByOpenpyxl(t *testing.T) {
	py := openpyxlPython(t)
	set := readerSheets(t, t.TempDir())
	args := []string{filepath.Join("testdata", "readers", "openpyxl_dump.py")}
	for p := range set {
		args = append(args, p)
	}
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var got map[string]struct {
		Rows  [][]string
		Notes map[string]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for p, s := range set {
		g := got[p]
		want := [][]string{append(s.Headers(), messageHeader(s)...)}
		for _, r := range s.Rows {
			want = append(want, append(slices.Clone(r.Cells), messageCell(s, r)...))
		}
		if !slices.EqualFunc(g.Rows, want, slices.Equal) {
			t.Errorf("%s: openpyxl reads\n%q\nwant\n%q", filepath.Base(p), g.Rows, want)
		}
		if len(s.Rows) > 0 && !strings.Contains(g.Notes["A2"], "the organization refused it") {
			t.Errorf("%s: openpyxl finds no note with the finding on A2: %q", filepath.Base(p), g.Notes)
		}
		if !strings.Contains(g.Notes["A1"], "Required.") {
			t.Errorf("%s: the header note is missing: %q", filepath.Base(p), g.Notes["A1"])
		}
	}
}

func messageHeader(s *Sheet) []string {
	if hasMessages(s) {
		return []string{ErrorMessageHeader}
	}
	return nil
}

func messageCell(s *Sheet, r Row) []string {
	if hasMessages(s) {
		return []string{r.Message}
	}
	return nil
}

// openpyxlPython is a python3 that imports openpyxl (Debian's, when another python3
// comes first in PATH).
func openpyxlPython(t *testing.T) string {
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import openpyxl").Run() == nil {
			return py
		}
	}
	if os.Getenv("CI") == "" {
		t.Skip("openpyxl is not installed (scripts/deps.sh test installs python3-openpyxl)")
	}
	t.Fatal("openpyxl is not installed; under CI it must be (scripts/deps.sh test)")
	return ""
}

// TestWorkbooksSurviveLibreOffice: every type's template, export and error file, opened
// and saved again by LibreOffice (headless), reads back in Bulkops as it was written:
// every value, the Error Messages, the object type.
func TestWorkbooksSurviveLibreOffice(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice")
	dir := t.TempDir()
	set := readerSheets(t, dir)
	outDir := filepath.Join(dir, "saved")
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir}
	for p := range set {
		args = append(args, p)
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	for p, s := range set {
		back, err := ReadFile(filepath.Join(outDir, filepath.Base(p)), ReadOptions{})
		if err != nil {
			t.Errorf("%s saved by LibreOffice: %v", filepath.Base(p), err)
			continue
		}
		if back.Object != s.Object || !slices.Equal(back.Headers(), s.Headers()) ||
			!slices.EqualFunc(back.Rows, s.Rows, func(a, b Row) bool { return slices.Equal(a.Cells, b.Cells) && a.Message == b.Message }) {
			t.Errorf("%s changed in LibreOffice:\n%v\nwant\n%v", filepath.Base(p), back.Rows, s.Rows)
		}
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodSites = "Name,Multimedia Profile\r\nPrague,Voice Only\r\nLondon,Voice Only\r\n"

func TestValidateExitCodes(t *testing.T) {
	good := writeFile(t, "sites.csv", goodSites)
	bad := writeFile(t, "teams.csv", "Name,Site,Type,Multimedia Profile,Skill Profile,DN,Capacity,Desktop Layout\nSales,Prague,AGNET,,,,,\n")
	tests := []struct {
		name  string
		args  []string
		code  int
		match string
	}{
		{"clean file", []string{"validate", good}, 0, ""},
		{"bad enum", []string{"validate", bad}, 1, bad + ":2:Type: error: "},
		{"did you mean", []string{"validate", bad}, 1, "did you mean AGENT?"},
		{"unreadable", []string{"validate", filepath.Join(t.TempDir(), "missing.csv")}, 2, ""},
		{"unknown object", []string{"validate", "--object", "nope", good}, 2, ""},
		{"flag after file", []string{"validate", good, "--object", "site"}, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out, errs)
			}
			if tc.match != "" && !strings.Contains(out, tc.match) {
				t.Errorf("stdout %q does not contain %q", out, tc.match)
			}
		})
	}
}

func TestTemplateWritesCatalogHeader(t *testing.T) {
	out := filepath.Join(t.TempDir(), "team.csv")
	if code, _, errs := runCLI(t, "template", "--object", "team", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, _ := os.ReadFile(out)
	if got := strings.TrimSpace(string(b)); got != "Name,Site,Type,Multimedia Profile,Skill Profile,DN,Capacity,Desktop Layout" {
		t.Errorf("template header = %q", got)
	}
	x := filepath.Join(t.TempDir(), "team.xlsx")
	if code, _, errs := runCLI(t, "template", "--object", "team", "-o", x); code != 0 {
		t.Fatalf("xlsx: exit %d: %s", code, errs)
	}
	s, err := sheets.ReadFile(x, sheets.ReadOptions{})
	if err != nil || s.Object.Key != "team" || len(s.Rows) != 0 {
		t.Fatalf("xlsx template reads back as %v, %v", s, err)
	}
}

func TestPackRefusesErrorsAndWritesPackage(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, "sites.csv", "Name,Multimedia Profile\nPrague,\n")
	code, out, _ := runCLI(t, "pack", "-o", filepath.Join(dir, "out.csv"), bad)
	if code != 1 || !strings.Contains(out, "Multimedia Profile") {
		t.Fatalf("pack of a bad sheet: exit %d, stdout %q", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.csv")); !os.IsNotExist(err) {
		t.Errorf("a refused pack left a file behind: %v", err)
	}
	// Two files of one object type are merged into one package.
	a := writeFile(t, "a.csv", goodSites)
	b := writeFile(t, "b.csv", "Name,Multimedia Profile\nAustin,Voice Only\n")
	code, out, errs := runCLI(t, "pack", "-o", filepath.Join(dir, "sites.csv"), a, b)
	if code != 0 || !strings.Contains(out, "3 records in 1 file") {
		t.Fatalf("pack: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	s, err := sheets.ReadFile(filepath.Join(dir, "sites.csv"), sheets.ReadOptions{})
	if err != nil || len(s.Rows) != 3 || s.Rows[2].Cells[0] != "Austin" {
		t.Fatalf("package reads back as %+v, %v", s, err)
	}
}

func TestObjectsListsEveryType(t *testing.T) {
	code, out, _ := runCLI(t, "objects")
	for _, key := range []string{"site", "team", "user", "queue", "desktop_profile", "audio_file", "entry_point_mapping"} {
		if !strings.Contains(out, key) {
			t.Errorf("objects output lacks %s", key)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}

// TestValidateEncoding: a 1252 file whose code page rests on one letter is read as 1250
// with a warning naming both; --encoding windows-1252 reads it right, with none, and packs
// it as UTF-8.
func TestValidateEncoding(t *testing.T) {
	f := writeFile(t, "codes.csv", "Name,Description,Default,Work Type\r\nBreak,Bj\xf8rn,ON,Idle\r\n")
	code, out, _ := runCLI(t, "validate", f)
	want := f + `:2:Description: warning: Description "Bjřrn" was read as windows-1250, a guess from too few letters; in windows-1252 it reads "Bjørn". If that is right, open the file again choosing windows-1252`
	if code != 0 || !strings.Contains(out, want) {
		t.Fatalf("exit %d, stdout %q\nwant %q", code, out, want)
	}
	code, out, errs := runCLI(t, "validate", "--encoding", "windows-1252", f)
	if code != 0 || out != "" {
		t.Fatalf("with --encoding: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	pkg := filepath.Join(t.TempDir(), "out.csv")
	if code, _, errs := runCLI(t, "pack", f, "--encoding", "windows-1252", "-o", pkg); code != 0 {
		t.Fatalf("pack: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(pkg); !strings.Contains(string(b), "Break,Bjørn,ON,Idle") {
		t.Errorf("packed %q", b)
	}
	code, _, errs = runCLI(t, "validate", "--encoding", "klingon", f)
	if code != 2 || !strings.Contains(errs, `unknown encoding "klingon"`) {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestValidateMisencodedAsWhole: validate checks files as a stream; for a file that mixes
// a Windows-1252 line into UTF-8 it prints exactly the findings the whole-sheet check
// (the window's) gives, the one on the line decoded by a guess among them.
func TestValidateMisencodedAsWhole(t *testing.T) {
	f := writeFile(t, "codes.csv", "Name,Description,Default,Work Type\r\nBreak,Caf\xc3\xa9,ON,Idle\r\nLunch,Caf\xe9 Brno,ON,Idle\r\n=Tea,x\x1by,ON,Idle\r\n")
	_, out, _ := runCLI(t, "validate", f)
	s, err := sheets.ReadFile(f, readOptions(nil, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	printFindings(&want, sheets.Validate([]*sheets.Sheet{s}, nil))
	if out != want.String() {
		t.Fatalf("validate printed\n%s\nthe whole-sheet check gives\n%s", out, want.String())
	}
	for _, w := range []string{
		f + `:3:Description: warning: Description "Café Brno" was not UTF-8 like the rest of the file: it was read as windows-1252, a guess`,
		f + `:4:Description: error: Description holds the control character ESC (U+001B)`,
	} {
		if !strings.Contains(out, w) {
			t.Errorf("validate printed\n%s\nwithout %q", out, w)
		}
	}
}

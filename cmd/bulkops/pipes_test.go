package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runPiped runs bulkops with stdin as its standard input.
func runPiped(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = runWith(&deps{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

const badTeams = "Name,Site,Type,Multimedia Profile,Skill Profile,DN,Capacity,Desktop Layout\nSales,Prague,AGNET,,,,,\n"

// cat teams.csv | bulkops validate -: standard input is checked, and its findings name it.
func TestValidateReadsStdin(t *testing.T) {
	code, out, errs := runPiped(t, badTeams, "validate", "-")
	if code != 1 || !strings.Contains(out, "stdin.csv:2:Type: error: ") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and a finding in stdin.csv", code, out, errs)
	}
	if code, _, errs := runPiped(t, goodSites, "validate", "-", "-"); code != 2 || !strings.Contains(errs, "only once") {
		t.Errorf("two -: exit %d, stderr %q", code, errs)
	}
}

// cat sites.csv | bulkops pack -o - -: the package is the only thing on stdout; what was
// written is said on stderr.
func TestPackStdinToStdout(t *testing.T) {
	code, out, errs := runPiped(t, goodSites, "pack", "-o", "-", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.ReplaceAll(out, "\r\n", "\n") != strings.ReplaceAll(goodSites, "\r\n", "\n") {
		t.Errorf("stdout %q, want the package %q", out, goodSites)
	}
	if !strings.Contains(errs, "wrote stdout.csv: 2 records in 1 file") || strings.Contains(errs, os.TempDir()) {
		t.Errorf("stderr %q", errs)
	}
	if entries, _ := filepath.Glob(filepath.Join(os.TempDir(), "bulkops-std*")); len(entries) > 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestTemplateToStdout(t *testing.T) {
	code, out, errs := runCLI(t, "template", "--object", "site", "-o", "-")
	if code != 0 || strings.TrimSpace(out) != "Name,Multimedia Profile" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// -o on a symbolic link is refused, and the link and its target stay; pack's output
// without an extension is checked before one is added to it.
func TestWriteRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := writeFile(t, "real.csv", "kept")
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	sites := writeFile(t, "sites.csv", goodSites)
	noExt := filepath.Join(dir, "out")
	os.Symlink(target, noExt)
	for _, args := range [][]string{{"template", "--object", "site", "-o", link}, {"pack", "-o", noExt, sites}} {
		code, _, errs := runCLI(t, args...)
		if code == 0 || !strings.Contains(errs, "is a symbolic link") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if b, _ := os.ReadFile(target); string(b) != "kept" {
		t.Errorf("the target became %q", b)
	}
	if _, err := os.Stat(noExt + ".csv"); err == nil {
		t.Error("pack wrote out.csv beside a link named out")
	}
}

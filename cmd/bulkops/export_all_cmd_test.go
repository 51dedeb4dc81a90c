package main

import (
	"archive/zip"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// bulkops export --all -o org.xlsx against the embedded sandbox: one workbook, a
// worksheet per exportable type in dependency order (Site before Team before User),
// progress and the left-out audio files on stderr, a line per type on stdout; --object
// with several types makes a zip of numbered CSV files.
func TestExportAllCommand(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	dir := t.TempDir()
	out := filepath.Join(dir, "org.xlsx")
	code, stdout, stderr := runCLI(t, "export", "--all", "-o", out)
	if code != 0 {
		t.Fatalf("export --all: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"left out: Audio File are files, not records", "exporting from Sandbox"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stdout, "wrote "+out+": ") || !strings.Contains(stdout, " of 23 types from Sandbox") {
		t.Errorf("stdout:\n%s", stdout)
	}
	site, team, user := strings.Index(stdout, "Site: "), strings.Index(stdout, "Team: "), strings.Index(stdout, "User: ")
	if site < 0 || !(site < team && team < user) {
		t.Errorf("not in dependency order:\n%s", stdout)
	}
	users, err := sheets.ReadFile(out, sheets.ReadOptions{Object: mustLookup(t, "user"), SheetName: "User"})
	if err != nil || len(users.Rows) == 0 {
		t.Fatalf("the User sheet: %v", err)
	}

	zipOut := filepath.Join(dir, "some.zip")
	code, stdout, stderr = runCLI(t, "export", "--object", "user,site", "-o", zipOut, "--quiet")
	if code != 0 || stderr != "" {
		t.Fatalf("export --object user,site: exit %d\n%s%s", code, stdout, stderr)
	}
	z, err := zip.OpenReader(zipOut)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, ","); got != "01_site.csv,02_user.csv" || !strings.Contains(stdout, "(01_site.csv)") {
		t.Errorf("zip holds %s; stdout:\n%s", got, stdout)
	}

	if code, _, stderr = runCLI(t, "export", "-o", out); code != 2 || !strings.Contains(stderr, "--all") {
		t.Errorf("export without types: exit %d %s", code, stderr)
	}
	if code, _, stderr = runCLI(t, "export", "--object", "site,audio_file", "-o", out); code != 1 || !strings.Contains(stderr, "files, not records") {
		t.Errorf("export of audio files in a workbook: exit %d %s", code, stderr)
	}
}

func mustLookup(t *testing.T, key string) *catalog.Object {
	t.Helper()
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatal(key)
	}
	return o
}

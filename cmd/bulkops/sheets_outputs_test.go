package main

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The odd outputs of issue 10 point 10, as the user sees them: what pack prints, what it
// writes, and what it leaves alone.

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func zipNames(t *testing.T, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	defer zr.Close()
	var out []string
	for _, f := range zr.File {
		out = append(out, f.Name)
	}
	return out
}

// TestPackRefusesOutputThatIsInput: pack -o IN IN, or -o OUT where OUT.csv is the input,
// says so and leaves the input as it was.
func TestPackRefusesOutputThatIsInput(t *testing.T) {
	in := writeFile(t, "sites.csv", goodSites)
	for _, out := range []string{in, strings.TrimSuffix(in, ".csv")} {
		code, stdout, stderr := runCLI(t, "pack", "-o", out, in)
		want := "bulkops: pack: the output " + in + " is the input " + in + "; write the package to another file\n"
		if code != 1 || stdout != "" || stderr != want {
			t.Errorf("pack -o %s: exit %d, stdout %q, stderr %q; want %q", out, code, stdout, stderr, want)
		}
		if b, _ := os.ReadFile(in); string(b) != goodSites {
			t.Fatalf("the input now holds %q", b)
		}
	}
}

// TestPackHonoursTheExtension: -o X.zip of one small file writes X.zip, a zip of one CSV
// (not X.csv); -o X.csv of more records than one file takes writes nothing and names the
// zip to write instead; -o X without an extension is what the records need.
func TestPackHonoursTheExtension(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, "sites.csv", goodSites)
	code, stdout, stderr := runCLI(t, "pack", "-o", filepath.Join(dir, "one.zip"), in)
	if code != 0 || stdout != "wrote "+filepath.Join(dir, "one.zip")+": 2 records in 1 file, "+fileSize(t, filepath.Join(dir, "one.zip"))+" bytes\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if got := zipNames(t, filepath.Join(dir, "one.zip")); !slices.Equal(got, []string{"one_001.csv"}) {
		t.Errorf("one.zip holds %q", got)
	}

	var big strings.Builder
	big.WriteString("Name,Multimedia Profile\r\n")
	for i := 0; i < 5001; i++ {
		fmt.Fprintf(&big, "Site %05d,Voice Only\r\n", i)
	}
	many := writeFile(t, "many.csv", big.String())
	code, stdout, stderr = runCLI(t, "pack", "-o", filepath.Join(dir, "many.csv"), many)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "Control Hub takes several files as a zip: write the package to "+filepath.Join(dir, "many.zip")) {
		t.Errorf("5001 records into a .csv: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"one.zip"}) {
		t.Errorf("the folder holds %q after the refusal", got)
	}
	code, stdout, _ = runCLI(t, "pack", "-o", filepath.Join(dir, "auto"), many)
	if code != 0 || !strings.HasPrefix(stdout, "wrote "+filepath.Join(dir, "auto.zip")+": 5001 records in 2 files") {
		t.Errorf("no extension: exit %d, stdout %q", code, stdout)
	}
	code, stdout, _ = runCLI(t, "pack", "-o", filepath.Join(dir, "small"), in)
	if code != 0 || !strings.HasPrefix(stdout, "wrote "+filepath.Join(dir, "small.csv")+": 2 records in 1 file") {
		t.Errorf("no extension, one file: exit %d, stdout %q", code, stdout)
	}
}

func fileSize(t *testing.T, p string) string {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(fi.Size())
}

// TestValidateAndPackAgreeOnHeaderOnly: a file of just its header row is an error for
// validate and for pack alike, in the same words, and pack writes nothing.
func TestValidateAndPackAgreeOnHeaderOnly(t *testing.T) {
	in := writeFile(t, "sites.csv", "Name,Multimedia Profile\r\n")
	finding := in + ":0:: error: the file has no records, only the header row: there is nothing to upload\n"
	code, stdout, stderr := runCLI(t, "validate", in)
	if code != 1 || stdout != finding || stderr != "1 error, 0 warnings in 1 file\n" {
		t.Errorf("validate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	dir := t.TempDir()
	code, stdout, stderr = runCLI(t, "pack", "-o", filepath.Join(dir, "out.zip"), in)
	if code != 1 || stdout != finding || stderr != "bulkops: not packed: fix the errors above first\n" {
		t.Errorf("pack: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Errorf("pack left %q", got)
	}
}

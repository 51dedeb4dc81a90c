package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// czechCLI runs the command line with BULKOPS_LANG=cs.
func czechCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Setenv("BULKOPS_LANG", "cs")
	return runCLI(t, args...)
}

// In Czech, validate says in Czech why a file cannot be read: a workbook that is not
// one, and a zip whose entry climbs out of it (the zip reader's own check, wrapped in
// the error naming the entry).
func TestValidateUnreadableInCzech(t *testing.T) {
	junk := writeFile(t, "junk.xlsx", "not a zip")
	code, _, errs := czechCLI(t, "validate", junk)
	if want := junk + ": není čitelný sešit XLSX: zip: not a valid zip file\n"; code != 2 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr %q, want %q", code, errs, want)
	}
	slip := filepath.Join(t.TempDir(), "sites.zip")
	f, err := os.Create(slip)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("../sites.csv")
	w.Write([]byte(goodSites))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, _, errs = czechCLI(t, "validate", slip)
	if want := slip + "!../sites.csv: cesta položky vede pomocí \"..\" ven ze zipu; odmítnuto\n"; code != 2 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr %q, want %q", code, errs, want)
	}
	if want := "nešlo přečíst: 1 soubor z 1"; !strings.Contains(errs, want) {
		t.Errorf("stderr %q lacks %q", errs, want)
	}
}

// A file mixing encodings gets its decoding note in Czech, the reference to a site
// missing from the sheets is Czech through and through, and so is the cap line.
func TestValidateFindingsInCzech(t *testing.T) {
	codes := writeFile(t, "codes.csv", "Name,Description,Default,Work Type\r\nBreak,Caf\xc3\xa9,ON,Idle\r\nLunch,Caf\xe9 Brno,ON,Idle\r\n")
	_, out, _ := czechCLI(t, "validate", codes)
	if want := codes + `:3:Description: varování: Description "Café Brno" nebylo v UTF-8 jako zbytek souboru: bylo přečteno jako windows-1252, odhadem; ` +
		"zkontrolujte to (soubor míchá kódování: uložte ho znovu jako CSV UTF-8)\n"; out != want {
		t.Errorf("validate printed\n%q\nwant\n%q", out, want)
	}
	sites := writeFile(t, "sites.csv", "Name,Multimedia Profile\nPrague,Voice Only\n")
	teams := writeFile(t, "teams.csv", "Name,Site,Type,Multimedia Profile,Skill Profile,DN,Capacity,Desktop Layout\nSales,Praha,AGENT,Voice Only,,,,\n")
	code, out, _ := czechCLI(t, "validate", sites, teams)
	if want := teams + `:2:Site: chyba: Site "Praha" není pracoviště v těchto listech; neměli jste na mysli "Prague"?` + "\n"; code != 1 || out != want {
		t.Errorf("exit %d, validate printed\n%q\nwant\n%q", code, out, want)
	}
	var b strings.Builder
	b.WriteString("Name,Multimedia Profile\n")
	for i := range findingCap + 3 {
		b.WriteString("x" + strconv.Itoa(i) + ",\n")
	}
	many := writeFile(t, "many.csv", b.String())
	_, out, _ = czechCLI(t, "validate", many)
	if want := many + ": … a dalších 3 ve sloupci Multimedia Profile\n"; !strings.HasSuffix(out, want) {
		t.Errorf("validate printed %q…, without the cap line %q", out[max(0, len(out)-300):], want)
	}
}

// pack refuses a sheet with errors in Czech, and an output that is its input; the
// template and objects commands speak Czech too, type titles from the catalog's words.
func TestPackAndTemplateInCzech(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, "sites.csv", "Name,Multimedia Profile\nPrague,\n")
	code, out, errs := czechCLI(t, "pack", "-o", filepath.Join(dir, "out.csv"), bad)
	if want := bad + ":2:Multimedia Profile: chyba: Multimedia Profile je povinný údaj\n"; code != 1 || out != want {
		t.Errorf("exit %d, stdout %q, want %q", code, out, want)
	}
	if want := "bulkops: nezabaleno: nejdřív opravte chyby výše\n"; errs != want {
		t.Errorf("stderr %q, want %q", errs, want)
	}
	good := writeFile(t, "good.csv", goodSites)
	_, _, errs = czechCLI(t, "pack", "-o", good, good)
	if want := "bulkops: balení: výstup " + good + " je vstup " + good + "; zapište balíček do jiného souboru\n"; errs != want {
		t.Errorf("stderr %q, want %q", errs, want)
	}
	_, out, _ = czechCLI(t, "template", "--object", "site", "-o", filepath.Join(dir, "t.xlsx"))
	if want := "zapsáno " + filepath.Join(dir, "t.xlsx") + " (Pracoviště, sloupců: 2)\n"; out != want {
		t.Errorf("template printed %q, want %q", out, want)
	}
	_, out, _ = czechCLI(t, "objects")
	for _, want := range []string{"KLÍČ ", "\nsite                       Pracoviště   "} {
		if !strings.Contains(out, want) {
			t.Errorf("objects printed\n%s\nwithout %q", out, want)
		}
	}
}

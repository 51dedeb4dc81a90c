package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// twoSheetTeams writes a workbook with two teams on each of two sheets.
func twoSheetTeams(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Teams"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("More teams"); err != nil {
		t.Fatal(err)
	}
	for ws, names := range map[string][]string{"Teams": {"T1", "T2"}, "More teams": {"T3", "T4"}} {
		f.SetSheetRow(ws, "A1", &[]any{"Name", "Site", "Type", "Multimedia Profile"})
		for i, n := range names {
			f.SetSheetRow(ws, "A"+string(rune('2'+i)), &[]any{n, "Prague", "AGENT", "Voice Only"})
		}
	}
	p := filepath.Join(t.TempDir(), "teams.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestTwoSheetWorkbookNamesSheets: validate and pack of a workbook with teams on two
// sheets no longer pass on the first sheet alone; --sheet reads the one chosen.
func TestTwoSheetWorkbookNamesSheets(t *testing.T) {
	p := twoSheetTeams(t)
	code, _, errs := runCLI(t, "validate", p)
	if code != 2 || !strings.Contains(errs, `"Teams", "More teams"`) || !strings.Contains(errs, "could not be read") {
		t.Errorf("validate: exit %d, stderr %q; want 2 naming both sheets", code, errs)
	}
	if strings.Contains(errs, "0 errors, 0 warnings in 1 file") {
		t.Errorf("validate of an unread workbook reports it clean: %q", errs)
	}
	out := filepath.Join(t.TempDir(), "out.csv")
	if code, _, errs := runCLI(t, "pack", "-o", out, p); code == 0 {
		t.Errorf("pack of the two-sheet workbook succeeded: %q", errs)
	}
	code, _, errs = runCLI(t, "pack", "--sheet", "More teams", "-o", out, p)
	if code != 0 {
		t.Fatalf("pack --sheet: exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, "T3") || !strings.Contains(s, "T4") || strings.Contains(s, "T1") {
		t.Errorf("packed %q, want the teams of More teams", s)
	}
}

// TestValidateUnreadableSaysSo: a file that cannot be read is not summed up as clean.
func TestValidateUnreadableSaysSo(t *testing.T) {
	p := writeFile(t, "teams.xlsx", "not a workbook")
	code, _, errs := runCLI(t, "validate", p)
	if code != 2 || strings.Contains(errs, "0 errors, 0 warnings in 1 file") || !strings.Contains(errs, "1 file of 1 could not be read") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

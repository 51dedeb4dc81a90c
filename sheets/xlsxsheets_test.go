package sheets

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// twoTeamSheets is a workbook as a user keeps one: teams on two sheets, two on each,
// and a sheet of notes.
func twoTeamSheets(t *testing.T) []byte {
	header := []any{"Name", "Site", "Type"}
	return workbook(t,
		ws{"Teams", [][]any{header, {"T1", "S", "AGENT"}, {"T2", "S", "AGENT"}}},
		ws{"More teams", [][]any{header, {"T3", "S", "AGENT"}, {"T4", "S", "AGENT"}}},
		ws{"Notes", [][]any{{"Read me"}, {"These are our teams"}}})
}

// TestSeveralRecordSheetsNamed: a workbook with records on two sheets is not read as its
// first sheet alone (2 of its 4 records, without a word): reading it is an error naming
// both sheets, the sheets are there for a caller to ask, and choosing one reads it.
func TestSeveralRecordSheetsNamed(t *testing.T) {
	b := twoTeamSheets(t)
	_, err := ReadXLSX(bytes.NewReader(b), "teams.xlsx", ReadOptions{})
	wantErr(t, err, "teams.xlsx", `2 sheets ("Teams", "More teams")`, "--sheet")
	if !errors.Is(err, ErrSeveralSheets) {
		t.Errorf("err %v is not ErrSeveralSheets", err)
	}
	if got := RecordSheets(err); !slices.Equal(got, []string{"Teams", "More teams"}) {
		t.Errorf("RecordSheets = %q", got)
	}
	p := filepath.Join(t.TempDir(), "teams.xlsx")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenRows(p, ReadOptions{}); !errors.Is(err, ErrSeveralSheets) {
		t.Errorf("OpenRows: %v, want the several-sheets error", err)
	}
	s := mustRead(t)(ReadFile(p, ReadOptions{SheetName: "more teams"}))
	if got := s.Value(1, "Name"); len(s.Rows) != 2 || got != "T4" {
		t.Errorf("sheet More teams: %d rows, row 2 Name %q", len(s.Rows), got)
	}
}

// TestRecordsOnALaterSheet: the one sheet that holds records is read even when a sheet
// of notes comes first.
func TestRecordsOnALaterSheet(t *testing.T) {
	b := workbook(t,
		ws{"Read me", [][]any{{"How to fill this in"}, {"One team a row"}}},
		ws{"Teams", [][]any{{"Name", "Site", "Type"}, {"T1", "S", "AGENT"}}})
	s := mustRead(t)(ReadXLSX(bytes.NewReader(b), "teams.xlsx", ReadOptions{}))
	if s.Object == nil || s.Object.Key != "team" || len(s.Rows) != 1 {
		t.Fatalf("read %v with %d rows, want the Teams sheet", s.Object, len(s.Rows))
	}
}

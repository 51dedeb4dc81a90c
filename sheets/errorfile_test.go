package sheets

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// TestReadErrorFile: Control Hub's error file reads as the input sheet, each row with
// its message; the Error Message column is not one of the sheet's columns.
func TestReadErrorFile(t *testing.T) {
	s := mustRead(t)(ReadFile(fixture("controlhub-errors.csv"), ReadOptions{}))
	wantTable(t, s, [][]string{
		{"Name", "Site", "Type", "Multimedia Profile", "Skill Profile", "DN", "Capacity", "Desktop Layout"},
		{"Praha Žižkov", "Praha", "AGENT", "", "", "+420123456789", "", ""},
		{"Brno", "Brno", "CAPACITY", "", "", "", "abc", ""},
		{"Ostrava", "Ostrava", "AGENT", "", "", "", "", ""},
	})
	want := []string{"Site with name Praha does not exist", "Invalid capacity: abc. Expected a number, e.g. 10", ""}
	if got := messages(s); !reflect.DeepEqual(got, want) {
		t.Errorf("messages %q, want %q", got, want)
	}
	if s.Index(ErrorMessageHeader) >= 0 {
		t.Error("Error Message is still a column")
	}
}

// TestErrorMessageColumnAnywhere: matched like any header, in any position.
func TestErrorMessageColumnAnywhere(t *testing.T) {
	in := "ERROR_MESSAGE;Name;Code\r\nNo such code;A;9\r\n;B;1\r\n"
	s := mustRead(t)(readString(in))
	wantTable(t, s, [][]string{{"Name", "Code"}, {"A", "9"}, {"B", "1"}})
	if got := messages(s); !reflect.DeepEqual(got, []string{"No such code", ""}) {
		t.Errorf("messages %q", got)
	}
}

// TestTrailingRowWithMessageKept: a row with only a message is a row Control Hub refused.
func TestTrailingRowWithMessageKept(t *testing.T) {
	s := mustRead(t)(readString("Name,Error Message\nA,\n,Name is required\n"))
	if len(s.Rows) != 2 || s.Rows[1].Message != "Name is required" {
		t.Errorf("rows %+v", s.Rows)
	}
}

func TestWriteErrorCSV(t *testing.T) {
	s := mustRead(t)(ReadFile(fixture("controlhub-errors.csv"), ReadOptions{}))
	var b bytes.Buffer
	if err := WriteErrorCSV(&b, s); err != nil {
		t.Fatal(err)
	}
	want := "Name,Site,Type,Multimedia Profile,Skill Profile,DN,Capacity,Desktop Layout,Error Message\r\n" +
		"Praha Žižkov,Praha,AGENT,,,+420123456789,,,Site with name Praha does not exist\r\n" +
		"Brno,Brno,CAPACITY,,,,abc,,\"Invalid capacity: abc. Expected a number, e.g. 10\"\r\n" +
		"Ostrava,Ostrava,AGENT,,,,,,\r\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	back := mustRead(t)(ReadCSV(strings.NewReader(b.String()), "back.csv", ReadOptions{}))
	if !reflect.DeepEqual(table(back), table(s)) || !reflect.DeepEqual(messages(back), messages(s)) {
		t.Errorf("round trip changed the sheet")
	}
}

func TestErrorMessageAlone(t *testing.T) {
	_, err := readString("Error Message\r\nbad\r\n")
	wantErr(t, err, "in.csv:1: the header row has no column but Error Message")
}

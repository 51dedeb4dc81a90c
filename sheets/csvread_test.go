package sheets

import (
	"bytes"
	"strings"
	"testing"
)

func readString(s string) (*Sheet, error) {
	return ReadCSV(strings.NewReader(s), "in.csv", ReadOptions{Object: ioObject})
}

func TestReadCSVShapes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][]string
	}{
		{"comma", "Name,Code\r\nA,001\r\n", [][]string{{"Name", "Code"}, {"A", "001"}}},
		{"semicolon", "Name;Code\nA;001\n", [][]string{{"Name", "Code"}, {"A", "001"}}},
		{"tab", "Name\tCode\nA\t001\n", [][]string{{"Name", "Code"}, {"A", "001"}}},
		{"separator only outside quotes", "\"Name;x\",Code\nA,1\n", [][]string{{"Name;x", "Code"}, {"A", "1"}}},
		{"one column, rows tell", "Name\nA;B\n", [][]string{{"Name"}, {"A"}}[:1]},
		{"no final line break", "Name,Code\nA,1", [][]string{{"Name", "Code"}, {"A", "1"}}},
		{"short rows padded", "Name,Code,Phone\nA\nB,2\n", [][]string{{"Name", "Code", "Phone"}, {"A", "", ""}, {"B", "2", ""}}},
		{"empty cells right of header dropped", "Name,Code\nA,1,,\n", [][]string{{"Name", "Code"}, {"A", "1"}}},
		{"trailing empty rows dropped", "Name,Code\nA,1\n,\n,\n", [][]string{{"Name", "Code"}, {"A", "1"}}},
		{"inner empty row kept", "Name,Code\nA,1\n,\nB,2\n", [][]string{{"Name", "Code"}, {"A", "1"}, {"", ""}, {"B", "2"}}},
		{"nameless empty columns dropped", "Name,Code,,\nA,1,,\n", [][]string{{"Name", "Code"}, {"A", "1"}}},
		{"nameless column with data kept", "Name,,\nA,x,\n", [][]string{{"Name", ""}, {"A", "x"}}},
		{"everything is text", "Name,Phone,Code\n0042,+420 123 456 789,=1+1\n", [][]string{{"Name", "Phone", "Code"}, {"0042", "+420 123 456 789", "=1+1"}}},
		{"spaces kept", "Name,Code\n  A  , 1\n", [][]string{{"Name", "Code"}, {"  A  ", " 1"}}},
		{"header bom inside text", "\ufeff\ufeffName,Code\nA,1\n", [][]string{{"Name", "Code"}, {"A", "1"}}},
		{"header only", "Name,Code\r\n", [][]string{{"Name", "Code"}}},
		{"header case and spacing kept", "channel_type,PHONE NUMBER, name \nCHAT,1, x\n", [][]string{{"channel_type", "PHONE NUMBER", " name "}, {"CHAT", "1", " x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "one column, rows tell" {
				// With no separator in the header, the rows choose: ; here, and the
				// second cell has no header, so the file is refused, not misread.
				_, err := readString(tt.in)
				wantErr(t, err, "in.csv:2: 2 cells, but the header has 1")
				return
			}
			wantTable(t, mustRead(t)(readString(tt.in)), tt.want)
		})
	}
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{"in.csv: the file is empty"}},
		{"blank header", ",,\nA,B,C\n", []string{"in.csv:1: the first row is empty"}},
		{"bare quote", "Name,Code\nA,1\nB \"x\",2\n", []string{"in.csv:3: ", `a " inside a value that is not in quotes (line 3`, "double quotes"}},
		{"unclosed quote", "Name,Code\nA,\"1\nB,2\n", []string{"in.csv:2: ", "starts on line 2 is not closed"}},
		{"text after quote", "Name,Code\nA,\"1\"x\n", []string{"in.csv:2: ", "not closed properly (line 2"}},
		{"row longer than header", "Name;Code\nPraha; 1; extra\n", []string{"in.csv:2: 3 cells, but the header has 2 (column C has no header)", "unquoted separator"}},
		{"bad sep line", "sep=\nName\n", []string{"in.csv:1: ", "does not name a usable separator"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readString(tt.in)
			wantErr(t, err, tt.want...)
		})
	}
}

// TestReadCSVLongRowsListed: every over-long row is named, up to a limit, in one error.
func TestReadCSVLongRowsListed(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Name,Code\n")
	for i := 0; i < 15; i++ {
		b.WriteString("A,1,x,y\n")
	}
	_, err := ReadCSV(&b, "in.csv", ReadOptions{Object: ioObject})
	wantErr(t, err, "in.csv:2: 4 cells", "columns C to D have no header", "in.csv:11: 4 cells", "in.csv: and 5 more rows")
	if strings.Contains(err.Error(), "in.csv:12:") {
		t.Errorf("lists more than %d rows: %v", maxLongRows, err)
	}
}

func TestSeparator(t *testing.T) {
	tests := []struct {
		in   string
		want rune
		skip int
	}{
		{"a,b,c\n", ',', 0},
		{"a;b;c\n", ';', 0},
		{"a\tb\tc\n", '\t', 0},
		{"a;b,c;d\n", ';', 0},
		{"a;b,c\n", ',', 0}, // a tie: the comma
		{"\"a,b\";c\n", ';', 0},
		{"sep=;\r\na,b\n", ';', 7},
		{"SEP=|\na|b\n", '|', 6},
		{"name\na;b\n", ';', 0},
		{"", ',', 0},
	}
	for _, tt := range tests {
		c, skip, err := separator([]byte(tt.in))
		if err != nil || c != tt.want || skip != tt.skip {
			t.Errorf("%q: %q skip %d (%v), want %q skip %d", tt.in, c, skip, err, tt.want, tt.skip)
		}
	}
}

func TestReadCSVForcedEncoding(t *testing.T) {
	// Alone, Norwegian ø reads as Czech ř (the byte is the same); the user can say.
	in := enc1252("Name;Code\r\nBjørn;1\r\n")
	s := mustRead(t)(ReadCSV(bytes.NewReader(in), "in.csv", ReadOptions{Object: ioObject}))
	wantTable(t, s, [][]string{{"Name", "Code"}, {"Bjřrn", "1"}})
	s = mustRead(t)(ReadCSV(bytes.NewReader(in), "in.csv", ReadOptions{Object: ioObject, Encoding: Windows1252}))
	wantTable(t, s, [][]string{{"Name", "Code"}, {"Bjørn", "1"}})
}

package grid

import (
	"reflect"
	"testing"
)

func TestParseTSV(t *testing.T) {
	tests := []struct {
		name, in string
		want     [][]string
	}{
		{"empty", "", nil},
		{"one value", "Prague", [][]string{{"Prague"}}},
		{"excel block with trailing CRLF", "a\tb\r\nc\td\r\n", [][]string{{"a", "b"}, {"c", "d"}}},
		{"LF lines", "a\tb\nc\td", [][]string{{"a", "b"}, {"c", "d"}}},
		{"old Mac CR", "a\rb\r", [][]string{{"a"}, {"b"}}},
		{"empty cells kept", "\tb\t\r\n\t\t", [][]string{{"", "b", ""}, {"", "", ""}}},
		{"empty line inside", "a\n\nb", [][]string{{"a"}, {""}, {"b"}}},
		{"quoted with tab and newline", "\"x\ty\nz\"\tw", [][]string{{"x\ty\nz", "w"}}},
		{"doubled quotes", "\"say \"\"hi\"\"\"\t1", [][]string{{`say "hi"`, "1"}}},
		{"quote inside value is literal", `5" screen` + "\tb", [][]string{{`5" screen`, "b"}}},
		{"unclosed quote is literal", "\"abc\tdef", [][]string{{`"abc`, "def"}}},
		{"quote not followed by separator", "\"ab\"c\td", [][]string{{`"ab"c`, "d"}}},
		{"leading plus and zeros kept", "+420123\t007", [][]string{{"+420123", "007"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseTSV(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseTSV(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFormatTSV(t *testing.T) {
	tests := []struct {
		name string
		in   [][]string
		want string
	}{
		{"single value bare", [][]string{{"Prague"}}, "Prague"},
		{"block with CRLF rows", [][]string{{"a", "b"}, {"", "d"}}, "a\tb\r\n\td\r\n"},
		{"special values quoted", [][]string{{"x\ty", `"q`, "line\nbreak"}}, "\"x\ty\"\t\"\"\"q\"\t\"line\nbreak\"\r\n"},
		{"single special value quoted", [][]string{{"a\nb"}}, "\"a\nb\"\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FormatTSV(tt.in)
			if got != tt.want {
				t.Errorf("FormatTSV = %q, want %q", got, tt.want)
			}
			if back := ParseTSV(got); !reflect.DeepEqual(back, tt.in) {
				t.Errorf("round trip = %q, want %q", back, tt.in)
			}
		})
	}
}

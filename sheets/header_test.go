package sheets

import (
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

func TestMatchColumns(t *testing.T) {
	header := []string{"NAME", " channel type ", "Phone Number", "phone-number", "Favourite Colour", "Max_Time"}
	cols := matchColumns(ioObject, header)
	want := []string{"Name", "Channel Type", "Phone", "Phone", "", "Max Time"}
	for i, c := range cols {
		if c.Header != header[i] {
			t.Errorf("column %d header %q, want it as written %q", i, c.Header, header[i])
		}
		got := ""
		if c.Spec != nil {
			got = c.Spec.Header
		}
		if got != want[i] {
			t.Errorf("%q matched %q, want %q", header[i], got, want[i])
		}
	}
}

// TestUnknownColumnsKept: a column the catalog does not know is read, kept and written.
func TestUnknownColumnsKept(t *testing.T) {
	s := mustRead(t)(readString("Name,Favourite Colour,Code\nA,blue,1\n"))
	wantTable(t, s, [][]string{{"Name", "Favourite Colour", "Code"}, {"A", "blue", "1"}})
	if u := s.Unknown(); len(u) != 1 || u[0] != "Favourite Colour" {
		t.Errorf("unknown %q", u)
	}
}

// TestDetectEveryObject: the header of each CSV object type of the catalog, as the
// template writes it, reads back as that type (or one whose columns are the same).
func TestDetectEveryObject(t *testing.T) {
	for _, o := range catalog.All() {
		if o.Format != catalog.FormatCSV {
			continue
		}
		in := strings.Join(o.Headers(), ",") + "\r\n"
		s, err := ReadCSV(strings.NewReader(in), o.Key+".csv", ReadOptions{})
		if err != nil {
			t.Errorf("%s: %v", o.Key, err)
			continue
		}
		if s.Object != o && strings.Join(s.Object.Headers(), ",") != strings.Join(o.Headers(), ",") {
			t.Errorf("%s: detected %s", o.Key, s.Object.Key)
		}
	}
}

func TestDetectUser(t *testing.T) {
	user, _ := catalog.Lookup("user")
	s := mustRead(t)(readWith("\ufeffemail;contact center enabled;User Profile\r\na@example.com;ON;Agent\r\n", ReadOptions{}))
	if s.Object != user {
		t.Fatalf("detected %v, want user", s.Object)
	}
	for _, c := range s.Columns {
		if c.Spec == nil {
			t.Errorf("%q not matched", c.Header)
		}
	}
}

func readWith(in string, opt ReadOptions) (*Sheet, error) {
	return ReadCSV(strings.NewReader(in), "in.csv", opt)
}

func TestColLetters(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := colLetters(i); got != want {
			t.Errorf("%d: %q, want %q", i, got, want)
		}
	}
}

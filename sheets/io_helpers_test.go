package sheets

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// ioObject is the object type of the reading and writing tests: built here, so the
// tests do not move when the catalog's data does.
var ioObject = &catalog.Object{
	Key: "io_site", Title: "IO Site", Format: catalog.FormatCSV, Rows: catalog.Flat,
	KeyColumns: []string{"Name"},
	Columns: []catalog.Column{
		{Header: "Name", Type: catalog.Text, Required: true, Description: "The site's name, unique in the organization.", Source: "P"},
		{Header: "Description", Type: catalog.Text, Description: "Free text.", Source: "P"},
		{Header: "Phone", Aliases: []string{"Phone Number"}, Type: catalog.Phone, Description: "A dialable number.", Source: "S"},
		{Header: "Code", Type: catalog.Text, Description: "An internal code; leading zeros count.", Source: "S"},
		{Header: "Channel Type", Type: catalog.Enum, Values: []string{"TELEPHONY", "CHAT", "EMAIL", "SOCIAL CHANNEL"}, Required: true, Description: "The kind of contacts.", Source: "P"},
		{Header: "Enabled", Type: catalog.OnOff, Description: "Whether it takes contacts.", Source: "S",
			RequiredWhen: []catalog.Condition{{Column: "Channel Type", In: []string{"TELEPHONY"}}}},
		{Header: "Max Time", Type: catalog.Integer, Description: "Seconds.", Source: "A"},
		{Header: "Music", Type: catalog.Enum, Values: longValues(40), Description: "Music in queue.", Source: "A"},
		{Header: "Teams", Type: catalog.Enum, List: true, Values: []string{"A", "B"}, Description: "Teams.", Source: "S"},
	},
}

// longValues returns n values too long to join into Excel's 255-character inline list.
func longValues(n int) []string {
	v := make([]string, n)
	for i := range v {
		v[i] = fmt.Sprintf("Music on hold number %02d", i+1)
	}
	return v
}

func fixture(name string) string { return filepath.Join("testdata", "io", name) }

// table renders a sheet as its header and cells, for comparisons that show the diff.
func table(s *Sheet) [][]string {
	out := [][]string{s.Headers()}
	for _, r := range s.Rows {
		out = append(out, r.Cells)
	}
	return out
}

func messages(s *Sheet) []string {
	var m []string
	for _, r := range s.Rows {
		m = append(m, r.Message)
	}
	return m
}

func wantTable(t *testing.T, s *Sheet, want [][]string) {
	t.Helper()
	if got := table(s); !reflect.DeepEqual(got, want) {
		t.Errorf("cells:\n got %s\nwant %s", show(got), show(want))
	}
}

func show(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "\n  %q", r)
	}
	return b.String()
}

// wantErr fails unless err is an error whose text holds every part.
func wantErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want one saying %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not say %q", err, p)
		}
	}
}

// mustRead stops the test on a read error: mustRead(t)(ReadFile(...)).
func mustRead(t *testing.T) func(*Sheet, error) *Sheet {
	return func(s *Sheet, err error) *Sheet {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
}

// fixtureOptions reads a fixture as the io object; sites.xlsx holds records on two
// sheets, and the fixtures' tables are of its "Sites".
func fixtureOptions(file string) ReadOptions {
	opt := ReadOptions{Object: ioObject}
	if file == "sites.xlsx" {
		opt.SheetName = "Sites"
	}
	return opt
}

package catalog

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	cases := []struct {
		name   string
		header []string
		want   string // "" for no match
	}{
		{"team by its core columns", []string{"name", "site", "type", "DN", "capacity"}, "team"},
		{"user by email", []string{"Email", "User Profile", "Contact Center Enabled", "Teams"}, "user"},
		{"user, email only", []string{"EMAIL"}, "user"},
		{"user with unknown extras", []string{"Email", "Site", "Favourite Colour"}, "user"},
		{"byte-order mark and odd spacing", []string{"\ufeffname", " Multimedia  Profile "}, "site"},
		{"work type, not skill or multimedia", []string{"Name", "Description", "Type"}, "work_type"},
		{"multimedia profile", []string{"Name", "Type", "Voice", "Chat", "Email", "Social"}, "multimedia_profile"},
		{"mapping by dialed number", []string{"Dialed Number", "Entry Point"}, "entry_point_mapping"},
		{"team deletes: its key and Action", []string{"Name", "Site", "Action"}, "team"},
		{"user by email and Action", []string{"Email", "Action"}, "user"},
		{"audio file deletes", []string{"File Name", "Action"}, "audio_file"},
		{"audio files without Action: a zip of WAV files, not a sheet", []string{"File Name"}, ""},
		{"no key column", []string{"Description", "Channel Type"}, ""},
		{"empty header", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := keyOf(Detect(c.header)); got != c.want {
				t.Errorf("Detect(%q) = %q, want %q", c.header, got, c.want)
			}
		})
	}
}

// A team is known by Name and Site: without the site, or with the name written twice in
// its place, the header must not pass for a team sheet.
func TestDetectNeedsEveryKeyColumn(t *testing.T) {
	for _, h := range [][]string{
		{"Name", "Type", "DN", "Capacity", "Desktop Layout"},
		{"Name", "Name", "Type", "DN", "Capacity", "Desktop Layout"},
	} {
		if got := keyOf(Detect(h)); got == "team" {
			t.Errorf("Detect(%q) = team without a Site column", h)
		}
	}
}

// The header rows of csv-spec §3, stored as Control Hub-style CSV files, detect as
// their own type and spell exactly the catalog's headers (but those only the API knows).
func TestDetectFixtures(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.csv")
	if err != nil || len(paths) < 13 {
		t.Fatalf("want the 13 header rows of csv-spec §3, found %d (%v)", len(paths), err)
	}
	for _, p := range paths {
		key := strings.TrimSuffix(filepath.Base(p), ".csv")
		t.Run(key, func(t *testing.T) {
			header := readHeader(t, p)
			o := Detect(header)
			if keyOf(o) != key {
				t.Fatalf("%s: detected %q, want %s", p, keyOf(o), key)
			}
			// Columns only the API knows (source A) come after Control Hub's.
			var hs []string
			for _, c := range o.Columns {
				if c.Source != FromAPI {
					hs = append(hs, c.Header)
				}
			}
			if got, want := strings.Join(hs, ","), strings.Join(header, ","); got != want {
				t.Errorf("%s: catalog headers\n%s\nwant\n%s", key, got, want)
			}
		})
	}
}

// A template the catalog writes must be recognized when it is opened again.
func TestDetectOwnHeaders(t *testing.T) {
	for _, o := range All() {
		if o.Format != FormatCSV {
			continue
		}
		if got := Detect(o.Headers()); got != o {
			t.Errorf("%s: its own header row detects as %q", o.Key, keyOf(got))
		}
	}
}

func keyOf(o *Object) string {
	if o == nil {
		return ""
	}
	return o.Key
}

func readHeader(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h, err := csv.NewReader(f).Read()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return h
}

package bulk

import (
	"strconv"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

func TestCheckImport(t *testing.T) {
	known := sheets.Known{
		"site":               {"Prague"},
		"multimedia_profile": {"Voice Only", "Digital Only"},
		"user":               {"ada@example.com"},
		"user_profile":       {"Agent"},
	}
	cases := []struct {
		name             string
		key, csv         string
		known            sheets.Known
		records          int
		creates, updates int
		counted          bool
		own, org         []string // "ROW COLUMN" of each finding
		blocked          bool
	}{
		{name: "creates and updates", key: "site", known: known,
			csv:     "Name,Multimedia Profile\nBrno,Voice Only\nprague,Digital Only\n",
			records: 2, creates: 1, updates: 1, counted: true},
		{name: "a reference the org lacks fails there", key: "site", known: known,
			csv:     "Name,Multimedia Profile\nBrno,Voice Onyl\n",
			records: 1, creates: 1, counted: true, org: []string{"2 Multimedia Profile"}},
		{name: "an error of its own blocks", key: "site", known: known,
			csv:     "Name,Multimedia Profile\n,Voice Only\nBrno,Voice Only\n",
			records: 2, creates: 1, counted: true, own: []string{"2 Name"}, blocked: true},
		{name: "offline: no counts, references unchecked", key: "site", known: nil,
			csv:     "Name,Multimedia Profile\nBrno,Voice Onyl\n",
			records: 1},
		{name: "a user the org does not have cannot be created", key: "user", known: known,
			csv:     "Email,User Profile,Contact Center Enabled\nada@example.com,Agent,ON\nbob@example.com,Agent,ON\n",
			records: 2, updates: 1, counted: true, org: []string{"3 Email"}},
		{name: "no records", key: "site", known: known, csv: "Name,Multimedia Profile\n",
			counted: true, blocked: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := checkImport(sheetOf(t, c.key, c.csv), c.known)
			if got.records != c.records || got.creates != c.creates || got.updates != c.updates || got.known != c.counted {
				t.Errorf("records %d, creates %d, updates %d, counted %v; want %d, %d, %d, %v",
					got.records, got.creates, got.updates, got.known, c.records, c.creates, c.updates, c.counted)
			}
			if s := where(got.own); s != strings.Join(c.own, ";") {
				t.Errorf("own errors at %q, want %q (%v)", s, strings.Join(c.own, ";"), got.own)
			}
			if s := where(got.org); s != strings.Join(c.org, ";") {
				t.Errorf("org failures at %q, want %q (%v)", s, strings.Join(c.org, ";"), got.org)
			}
			if got.blocked() != c.blocked {
				t.Errorf("blocked %v, want %v", got.blocked(), c.blocked)
			}
		})
	}
}

func where(fs []sheets.Finding) string {
	var s []string
	for _, f := range fs {
		s = append(s, strings.TrimSpace(strings.Join([]string{strconv.Itoa(f.Row), f.Column}, " ")))
	}
	return strings.Join(s, ";")
}

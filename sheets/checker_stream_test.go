package sheets

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCheckFilesMatchesValidate: the streaming check of files finds exactly what Validate
// finds in the sheets ReadFile reads from the same files — over the random edits of the
// checker's property test (duplicates, groups split and merged, references made and
// broken), with and without the organization's names.
func TestCheckFilesMatchesValidate(t *testing.T) {
	for seed := uint64(1); seed <= 8; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { streamMatchesValidate(t, seed) })
	}
}

// streamMatchesValidate is one seed of TestCheckFilesMatchesValidate.
func streamMatchesValidate(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	set := vSet(t)
	if seed%2 == 0 {
		set = []*Sheet{vFixture(t, "queues.csv"), vFixture(t, "teams.csv")}
	}
	voc := vVocabulary(set)
	var known Known
	if seed%3 == 0 {
		known = Known{"site": {"Prague", "Olomouc"}, "multimedia_profile": {"Blended MM"}}
	}
	for step := 0; step < 25; step++ {
		for n := 1 + rng.IntN(4); n > 0; n-- {
			s := set[rng.IntN(len(set))]
			if len(s.Rows) == 0 {
				continue
			}
			if rng.IntN(6) == 0 {
				structural(rng, s)
				continue
			}
			r, col := rng.IntN(len(s.Rows)), rng.IntN(len(s.Columns))
			vals := voc[s][min(col, len(voc[s])-1)]
			for len(s.Rows[r].Cells) <= col {
				s.Rows[r].Cells = append(s.Rows[r].Cells, "")
			}
			s.Rows[r].Cells[col] = vals[rng.IntN(len(vals))]
		}
		compareStreamCheck(t, fmt.Sprint("step ", step), set, known)
	}
}

// compareStreamCheck writes the set as CSV files and checks them both ways.
func compareStreamCheck(t *testing.T, step string, set []*Sheet, known Known) {
	t.Helper()
	dir := t.TempDir()
	var srcs []Source
	var read []*Sheet
	for i, s := range set {
		p := filepath.Join(dir, fmt.Sprintf("%d-%s", i, baseName(s.File)))
		if err := WriteFile(p, s, nil); err != nil {
			t.Fatal(err)
		}
		r, err := ReadFile(p, ReadOptions{Object: s.Object})
		if err != nil {
			t.Fatal(err)
		}
		read = append(read, r)
		srcs = append(srcs, FileSource(p, ReadOptions{Object: s.Object}))
	}
	want := Validate(read, known)
	rep, err := CheckFiles(srcs, CheckOptions{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	got := slices.DeleteFunc(rep.Findings, func(f Finding) bool { return strings.HasPrefix(f.Message, "the file has no records") })
	if !slices.Equal(findingKeys(got), findingKeys(want)) {
		vDiff(t, vLines(got), vLines(want))
		t.Fatalf("%s: the streaming check differs from Validate", step)
	}
	if rep.Errors+rep.Warnings != len(rep.Findings) || len(rep.More) != 0 {
		t.Fatalf("%s: counts %d+%d for %d findings, more %v", step, rep.Errors, rep.Warnings, len(rep.Findings), rep.More)
	}
}

// TestCheckFilesCap: with a cap the report keeps that many findings per column and
// counts the rest, as the user reads them.
func TestCheckFilesCap(t *testing.T) {
	p := filepath.Join(t.TempDir(), "work types.csv")
	var b strings.Builder
	b.WriteString("Name,Description,Type\r\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "Bad name #%d!,,\r\n", i)
	}
	b.WriteString("Dup,,IDLE_CODE\r\nDup,,IDLE_CODE\r\n")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := CheckFiles([]Source{FileSource(p, ReadOptions{})}, CheckOptions{Cap: 50})
	if err != nil {
		t.Fatal(err)
	}
	s, err := ReadFile(p, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	all := Validate([]*Sheet{s}, nil)
	if rep.Errors != len(all) || rep.Warnings != 0 || rep.Records[0] != 1002 {
		t.Fatalf("counted %d errors, %d warnings, %v records; Validate finds %d", rep.Errors, rep.Warnings, rep.Records, len(all))
	}
	var more []string
	for _, m := range rep.More {
		more = append(more, m.String())
	}
	// 1000 bad names and both rows of the duplicate (each names the other): 1002, 50 kept
	wantMore := []string{p + ": … and 952 more in column Name", p + ": … and 950 more in column Type"}
	if !slices.Equal(more, wantMore) {
		t.Fatalf("more = %q, want %q", more, wantMore)
	}
	if len(rep.Findings) != 100 || !slices.IsSortedFunc(rep.Findings, compareFindings) {
		t.Fatalf("%d findings kept, want 100 sorted", len(rep.Findings))
	}
}

// TestCheckFilesHeaderOnly: a file of just a header is an error, as pack refuses it.
func TestCheckFilesHeaderOnly(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sites.csv")
	if err := os.WriteFile(p, []byte("Name,Multimedia Profile\r\n\r\n,\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := CheckFiles([]Source{FileSource(p, ReadOptions{})}, CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := vLines(rep.Findings); !slices.Equal(got, []string{"sites.csv:0:: error: the file has no records, only the header row: there is nothing to upload"}) {
		t.Fatalf("findings %q", got)
	}
}

// findingKeys are findings as comparable text: the cell, and the message in English and
// in Czech (a Finding holds its message's template, which == cannot compare).
func findingKeys(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%d|%s|%s", f.Col, f.String(), f.StringIn("cs"))
	}
	return out
}

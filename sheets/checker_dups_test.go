package sheets

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/namekey"
)

// spillAt sets how many key hashes the duplicate index holds before it spills to disk,
// for one test.
func spillAt(t *testing.T, n int) {
	old := dupSpillAt
	dupSpillAt = n
	t.Cleanup(func() { dupSpillAt = old })
}

// TestDupIndexSpills: past its bound the index writes sorted runs to a temporary file
// and merges them at the end; it finds exactly the keys that repeat, whether the two
// records are in one run, in two runs far apart, or one in a run and one still in
// memory, and leaves no file behind.
// Runs of 2,500 are read back in several blocks (runBlock); 600 runs of 600 in blocks of
// the 32 hashes a run that runsBudget leaves each.
func TestDupIndexSpills(t *testing.T) {
	for _, c := range []struct{ run, runs int }{{100, 10}, {2500, 10}, {600, 600}} {
		t.Run(fmt.Sprint(c.run, "x", c.runs), func(t *testing.T) { testDupIndexSpills(t, c.run, c.runs) })
	}
}

func testDupIndexSpills(t *testing.T, run, runs int) {
	spillAt(t, run)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	d := newDupIndex(false)
	repeated := map[string]bool{}
	n := run*runs + run/2
	for i := range n {
		d.add(fmt.Sprintf("key %d", i))
		switch {
		case i%97 == 5: // again at once: the same run
			d.add(fmt.Sprintf("key %d", i))
			repeated[fmt.Sprintf("key %d", i)] = true
		case i == n-1: // the last key repeats the first, which went to disk long ago
			d.add("key 0")
			repeated["key 0"] = true
		}
	}
	if d.sp == nil {
		t.Fatal("nothing spilled")
	}
	d.sp.stop() // the runs are written on the spiller's goroutine
	if len(d.sp.runs) < 5 || len(d.sp.kept) != 0 {
		t.Fatalf("%d runs written, %d kept in memory for %d keys at %d a run", len(d.sp.runs), len(d.sp.kept), n, run)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "bulkops-keys-*")); len(left) != 1 {
		t.Fatalf("temporary files while adding: %v", left)
	}
	found, err := d.seal()
	if err != nil || !found {
		t.Fatalf("seal: %v, %v", found, err)
	}
	for i := range n {
		k := fmt.Sprintf("key %d", i)
		if d.has(k) != repeated[k] {
			t.Errorf("%s: repeated %v, want %v", k, d.has(k), repeated[k])
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestCheckFilesMatchesValidateSpilling is the property test of the streaming check with
// the duplicate index spilling every few keys.
func TestCheckFilesMatchesValidateSpilling(t *testing.T) {
	spillAt(t, 2)
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { streamMatchesValidate(t, seed) })
	}
}

// TestDupIndexWithoutDisk: where no temporary file can be made the index keeps its runs
// in memory and finds the same repeats.
func TestDupIndexWithoutDisk(t *testing.T) {
	spillAt(t, 10)
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	d := newDupIndex(false)
	for i := range 100 {
		d.add(fmt.Sprint("key ", i%60)) // keys 0–39 twice, 40 runs apart
	}
	d.sp.stop()
	if d.sp.file != nil || len(d.sp.kept) == 0 {
		t.Fatalf("file %v, %d runs kept", d.sp.file, len(d.sp.kept))
	}
	if found, err := d.seal(); err != nil || !found {
		t.Fatalf("seal: %v, %v", found, err)
	}
	for i := range 60 {
		if k := fmt.Sprint("key ", i); d.has(k) != (i < 40) {
			t.Errorf("%s: repeated %v", k, d.has(k))
		}
	}
}

// TestCheckEndedEarlyLeavesNoKeys: a check that stops at an unreadable record removes
// the keys it spilled.
func TestCheckEndedEarlyLeavesNoKeys(t *testing.T) {
	spillAt(t, 10)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	p := filepath.Join(t.TempDir(), "work types.csv")
	var b strings.Builder
	b.WriteString("Name,Description,Type\r\n")
	for i := range 200 {
		fmt.Fprintf(&b, "Break %d,,IDLE_CODE\r\n", i)
	}
	b.WriteString("\"unterminated,,IDLE_CODE\r\n")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	CheckFiles([]Source{FileSource(p, ReadOptions{})}, CheckOptions{})
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// addName hashes a key as add(namekey.Key(key)) does, ASCII or not: two spellings of one
// name are a duplicate, two names are not, and a blank key is no key.
func TestDupIndexAddNameIsKey(t *testing.T) {
	d := newDupIndex(false)
	for _, k := range []string{" Team A", "TEAM a ", "Zoë Team", "Zoe\u0308 TEAM", "Team B", " \t", ""} {
		d.addName(k)
	}
	if dups, err := d.seal(); err != nil || !dups {
		t.Fatalf("seal: %v %v", dups, err)
	}
	for k, want := range map[string]bool{"team a": true, "Team A": true, "zoë team": true, "Team B": false, "": false} {
		if got := d.has(namekey.Key(k)); got != want {
			t.Errorf("has(%q) = %v, want %v", k, got, want)
		}
	}
	if len(d.dups) != 2 {
		t.Errorf("%d hashes seen twice, want 2 (team a, zoë team)", len(d.dups))
	}
}

// TestHashSetTellsRepeats: the merge's set says a hash was there exactly when it was,
// the hash 0 included, as it grows past the room it was reset with.
func TestHashSetTellsRepeats(t *testing.T) {
	var s hashSet
	s.reset(16)
	seen := map[uint64]bool{}
	for i := range uint64(5000) {
		h := (i * 0x9E3779B97F4A7C15) % 3001 // every value some times over, 0 among them
		if got := s.add(h); got != seen[h] {
			t.Fatalf("add(%d) = %v after %d adds, want %v", h, got, i, seen[h])
		}
		seen[h] = true
	}
	if s.n+1 != len(seen) || !s.zero {
		t.Errorf("%d hashes besides 0 (zero %v), want %d", s.n, s.zero, len(seen)-1)
	}
}

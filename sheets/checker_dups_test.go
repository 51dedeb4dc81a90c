package sheets

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
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
func TestDupIndexSpills(t *testing.T) {
	spillAt(t, 100)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	d := newDupIndex(false)
	repeated := map[string]bool{}
	const n = 1050
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
	if len(d.runs) < 5 {
		t.Fatalf("%d runs written for %d keys at 100 a run", len(d.runs), n)
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

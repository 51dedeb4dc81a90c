package sheets

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackWritesOverSlabsSafely packs 6,000 queue groups (18,000 records, each group's
// rows read as one) while the scanner writes over slabs it has lent, filling each with
// junk first (poisonSlabs): a cell read after its release would show the junk. The
// package is byte for byte the one Pack writes from the whole sheet read once, and the
// findings kept (a warning quoting each spaced Description, one on the file's size) read
// as Validate's, in
// English and in Czech. The slabs must really have been written over, or the test proves
// nothing.
func TestPackWritesOverSlabsSafely(t *testing.T) {
	poisonSlabs = true
	defer func() { poisonSlabs = false }()
	before := slabsReused.Load()
	dir := t.TempDir()
	in := filepath.Join(dir, "queues.csv")
	var b strings.Builder
	b.WriteString("Name,Description,Channel Type,Max Time In Queue,Service Level Threshold,Timezone,Permit Monitoring,Permit Recording," +
		"Record All Calls,Pause or Resume Enabled,Recording Pause Duration,Default Music in Queue,Routing Type,Skill-Based Agent Selection," +
		"Distribution Group,Distribution Group Seq,Group Fallback Time,Group Teams\r\n")
	for i := range 6000 {
		desc := fmt.Sprintf("Sales %d, inbound", i)
		if i%50 == 0 {
			desc = " " + desc + " " // a warning whose message quotes the cell
		}
		fmt.Fprintf(&b, "Q %05d,\"%s\",TELEPHONY,600,30,Europe/Prague,ON,ON,OFF,ON,10,hold.wav,LONGEST_AVAILABLE_AGENT,,,,,\r\n", i, desc)
		fmt.Fprintf(&b, "Q %05d,,,,,,,,,,,,,,First,1,,Sales\r\n", i)
		fmt.Fprintf(&b, "Q %05d,,,,,,,,,,,,,,Second,2,30,Sales: Prague|Support %d\r\n", i, i)
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := ReadFile(in, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lim := DefaultLimits
	want, err := Pack(s, filepath.Join(dir, "mem.zip"), lim)
	if err != nil {
		t.Fatal(err)
	}
	got, rep, err := PackFiles([]string{in}, filepath.Join(dir, "stream.zip"), PackOptions{Limits: lim, Cap: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if n := slabsReused.Load() - before; n < 100 {
		t.Fatalf("the pack wrote over %d slabs: too few to test anything", n)
	}
	gn, gd := vZip(t, got.Path)
	wn, wd := vZip(t, want.Path)
	if got.Records != 18000 || len(gn) != len(wn) {
		t.Fatalf("stream: %d records in %d files; memory: %d in %d", got.Records, len(gn), want.Records, len(wn))
	}
	for i := range gn {
		if !bytes.Equal(gd[gn[i]], wd[wn[i]]) {
			t.Errorf("file %d differs from Pack's", i+1)
		}
	}
	vs := Validate([]*Sheet{s}, nil)
	if len(rep.Findings) != 121 || len(vs) != len(rep.Findings) {
		t.Fatalf("%d findings kept, Validate found %d; want 121", len(rep.Findings), len(vs))
	}
	for i, f := range rep.Findings {
		for _, code := range []string{"en", "cs"} {
			if g, w := f.MessageIn(code), vs[i].MessageIn(code); g != w {
				t.Errorf("finding %d in %s: %q, Validate says %q", i, code, g, w)
			}
		}
	}
}

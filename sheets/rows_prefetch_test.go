package sheets

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// openAhead opens a CSV file as a stream read ahead on a goroutine of its own, as a
// workbook is (rowSource.ahead): the reading goroutine's hand-overs, with records quick
// to make.
func openAhead(t *testing.T, p string) RowStream {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	src, err := csvSource(f, p, ReadOptions{Object: ioObject})
	if src, err = closing(src, err, f); err != nil {
		t.Fatal(err)
	}
	src.ahead = true
	rs, err := newRows(src, ReadOptions{Object: ioObject})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestStreamClosedEarly: a stream closed after its first record (a check that stops at
// an unreadable second file) leaves no reading goroutine behind, and reading it on says
// it is closed rather than blocking.
func TestStreamClosedEarly(t *testing.T) {
	var b strings.Builder
	b.WriteString("Name,Channel Type\r\n")
	for i := 0; i < 10*prefetchBatch; i++ {
		fmt.Fprintf(&b, "Site %d,CHAT\r\n", i)
	}
	p := filepath.Join(t.TempDir(), "sites.csv")
	os.WriteFile(p, []byte(b.String()), 0o600)
	before := runtime.NumGoroutine()
	for i := 0; i < 20; i++ {
		rs := openAhead(t, p)
		if !rs.Next() || rs.Row().Cells[0] != "Site 0" {
			t.Fatalf("first record %v, %v", rs.Row(), rs.Err())
		}
		if err := rs.Close(); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Fatalf("%d goroutines left behind", n-before)
	}
}

// TestStreamGivesEveryRecord: the records come in order and whole across the batches the
// reading goroutine hands on, the last batch short.
func TestStreamGivesEveryRecord(t *testing.T) {
	const n = 3*prefetchBatch + 7
	var b strings.Builder
	b.WriteString("Name,Channel Type\r\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Site %d,CHAT\r\n", i)
	}
	p := filepath.Join(t.TempDir(), "sites.csv")
	os.WriteFile(p, []byte(b.String()), 0o600)
	rs := openAhead(t, p)
	defer rs.Close()
	i := 0
	for ; rs.Next(); i++ {
		if got := rs.Row().Cells[0]; got != fmt.Sprintf("Site %d", i) {
			t.Fatalf("record %d is %q", i, got)
		}
	}
	if rs.Err() != nil || i != n {
		t.Fatalf("%d records, %v", i, rs.Err())
	}
}

// TestPackUnwritableOutput: a package that cannot be created (its folder is missing) is
// an error naming it, and the packing stops instead of waiting for a writer forever.
func TestPackUnwritableOutput(t *testing.T) {
	var b strings.Builder
	b.WriteString("Name,Description,Channel Type\r\n")
	for i := 0; i < 12000; i++ {
		fmt.Fprintf(&b, "Site %d,,CHAT\r\n", i)
	}
	p := filepath.Join(t.TempDir(), "sites.csv")
	os.WriteFile(p, []byte(b.String()), 0o600)
	out := filepath.Join(t.TempDir(), "missing", "out.zip")
	done := make(chan error, 1)
	go func() {
		_, _, err := PackFiles([]string{p}, out, PackOptions{Read: ReadOptions{Object: ioObject}})
		done <- err
	}()
	select {
	case err := <-done:
		wantErr(t, err, "missing")
	case <-time.After(20 * time.Second):
		t.Fatal("pack into a missing folder does not return")
	}
}

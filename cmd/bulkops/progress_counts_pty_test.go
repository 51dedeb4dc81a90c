//go:build linux

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	prog "github.com/bulkops/bulkops/internal/progress"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
)

// tickingClock makes each reading of progress's clock a second later than the last.
func tickingClock(p *progress) {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p.now = func() time.Time { t = t.Add(time.Second); return t }
}

// screenOf is what the terminal end has shown once the program's end is closed.
func screenOf(t *testing.T, term, screen *os.File) string {
	t.Helper()
	term.Close()
	screen.SetReadDeadline(time.Now().Add(2 * time.Second))
	b, _ := io.ReadAll(screen) // ends with EIO once the terminal end is closed and read
	return string(b)
}

// bulkops export on a terminal: the export of the sandbox's users shows a bar with the
// users read of the total the list's meta gives, ending at that total.
func TestExportCountsOnTerminal(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	term, screen := openPTY(t)
	defer screen.Close()
	ctx := context.Background()
	conn, code := openConn(ctx, "", io.Discard)
	if code != 0 {
		t.Fatal("no sandbox connection")
	}
	defer conn.Close()
	users, err := conn.API.List(ctx, "user", nil)
	if err != nil || len(users) == 0 {
		t.Fatalf("the sandbox's users: %d, %v", len(users), err)
	}
	p := newProgress(term)
	tickingClock(p)
	counted, last := exportCounts(p, "exporting User from Sandbox")
	if _, err := jobs.Export(prog.With(ctx, counted), conn.API, mustLookup(t, "user")); err != nil {
		t.Fatal(err)
	}
	last()
	got := screenOf(t, term, screen)
	want := fmt.Sprintf("exporting User from Sandbox [########################] 100%% %d/%d\r\n", len(users), len(users))
	if !strings.Contains(got, want) {
		t.Errorf("the terminal shows %q, without %q", got, want)
	}
}

// bulkops pack on a terminal: the records read with the share of the file read and an
// estimate, then the bar full at the number of records packed.
func TestPackCountsOnTerminal(t *testing.T) {
	in := filepath.Join(t.TempDir(), "work types.csv")
	var b strings.Builder
	b.WriteString("Name,Description,Type\r\n")
	for i := range 30000 {
		fmt.Fprintf(&b, "Break %05d,Reason %d,IDLE_CODE\r\n", i, i)
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	term, screen := openPTY(t)
	defer screen.Close()
	p := newProgress(term)
	tickingClock(p)
	pkg, _, err := sheets.PackFiles([]string{in}, filepath.Join(t.TempDir(), "out.zip"),
		sheets.PackOptions{Progress: packCounts(p, "packing 1 file")})
	if err != nil {
		t.Fatal(err)
	}
	got := screenOf(t, term, screen)
	for _, want := range []string{
		"\r\x1b[Kpacking 1 file [", "%, 1000 records read, about ", "%, 15000 records read, about ",
		fmt.Sprintf("packing 1 file [########################] 100%% %d/%d\r\n", pkg.Records, pkg.Records),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the terminal shows %q, without %q", got, want)
		}
	}
}

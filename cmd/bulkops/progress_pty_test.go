//go:build linux

package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal: the terminal end a program writes to, and the other
// end that reads what it shows.
func openPTY(t *testing.T) (term, screen *os.File) {
	t.Helper()
	screen, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skip("no pseudo-terminals:", err)
	}
	fd := int(screen.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skip(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skip(err)
	}
	term, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skip(err)
	}
	return term, screen
}

// On a terminal, progress is one line redrawn in place: a bar with the counts and an
// estimate of the time left, ended by a newline when the work ends.
func TestProgressBarOnTerminal(t *testing.T) {
	term, screen := openPTY(t)
	defer screen.Close()
	p := newProgress(term)
	if !p.terminal {
		t.Fatal("a pseudo-terminal is not taken for a terminal")
	}
	now := fakeClock(p)
	p.update("BO-1: In Progress", "", 0, 200, false)
	*now = now.Add(2 * time.Second)
	p.update("BO-1: In Progress", "", 50, 200, false)
	*now = now.Add(6 * time.Second)
	p.update("BO-1: Completed", "", 200, 200, true)
	term.Close()
	screen.SetReadDeadline(time.Now().Add(2 * time.Second))
	var shown strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := screen.Read(buf)
		shown.Write(buf[:n])
		if err != nil || strings.HasSuffix(shown.String(), "\n") {
			break
		}
	}
	got := shown.String()
	for _, want := range []string{
		"\r\x1b[KBO-1: In Progress [......................",
		"\r\x1b[KBO-1: In Progress [######..................]  25% 50/200, about 6s left",
		"\r\x1b[KBO-1: Completed [########################] 100% 200/200",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the terminal shows %q, without %q", got, want)
		}
	}
	if !strings.HasSuffix(got, "\r\n") && !strings.HasSuffix(got, "\n") {
		t.Errorf("the bar is not ended by a newline: %q", got)
	}
}

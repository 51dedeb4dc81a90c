package main

import (
	"bytes"
	"testing"
	"time"
)

// fakeClock makes progress's time move only when the test says.
func fakeClock(p *progress) *time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return t }
	return &t
}

// Elsewhere than a terminal, progress is plain lines, at most one every p.every, and
// the final one; --quiet shows none.
func TestProgressPlainLines(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf)
	now := fakeClock(p)
	p.update("BO-1: In Progress", "0 succeeded, 0 failed", 0, 100, false)
	*now = now.Add(time.Second)
	p.update("BO-1: In Progress", "40 succeeded, 0 failed", 40, 100, false) // too soon
	*now = now.Add(2 * time.Second)
	p.update("BO-1: In Progress", "50 succeeded, 0 failed", 50, 100, false)
	p.update("BO-1: Completed", "100 succeeded, 0 failed", 100, 100, true)
	want := "BO-1: In Progress: 0 of 100 (0%), 0 succeeded, 0 failed, 0s\n" +
		"BO-1: In Progress: 50 of 100 (50%), 50 succeeded, 0 failed, 3s\n" +
		"BO-1: Completed: 100 of 100 (100%), 100 succeeded, 0 failed, 3s\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	var quiet bytes.Buffer
	q := newProgress(noProgress{&quiet})
	q.update("x", "", 1, 2, true)
	q.activity("y")()
	if quiet.Len() != 0 {
		t.Errorf("--quiet printed %q", quiet.String())
	}
}

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenAsksForAGuessedEncoding: a Windows-1252 file whose code page rests on one
// letter opens with a question; choosing windows-1252 reads it right, with no finding
// about the encoding left.
func TestOpenAsksForAGuessedEncoding(t *testing.T) {
	path := filepath.Join(t.TempDir(), "codes.csv")
	if err := os.WriteFile(path, []byte("Name,Description,Default,Work Type\r\nBreak,Bj\xf8rn,ON,Idle\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, Options{})
	s.openPaths([]string{path})
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(overlayText(top), "In which encoding is codes.csv?") ||
		!strings.Contains(overlayText(top), "Bulkops guessed that codes.csv is in windows-1250, but cannot be sure") {
		t.Fatal("no question about the encoding")
	}
	pick := findSelect(t, top)
	if pick.Selected != "windows-1250" {
		t.Errorf("the guess offered is %q", pick.Selected)
	}
	pick.SetSelected("windows-1252")
	tapButton(t, s, "Open")
	o := s.ed.Get("auxiliary_code")
	if o == nil || o.Sheet().Cell(0, 1) != "Bjørn" {
		t.Fatalf("codes.csv did not open in windows-1252")
	}
	noGuessLeft(t, s)
}

// TestOpenKeepsTheGuess: keeping the guessed encoding opens the file as read, the choice
// made: its cells hold the 1250 reading and no warning about a guess.
func TestOpenKeepsTheGuess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "codes.csv")
	if err := os.WriteFile(path, []byte("Name,Description,Default,Work Type\r\nBreak,Dvo\xf8\xe1k,ON,Idle\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := newTestShell(t, Options{})
	s.openPaths([]string{path})
	tapButton(t, s, "Open")
	o := s.ed.Get("auxiliary_code")
	if o == nil || o.Sheet().Cell(0, 1) != "Dvořák" {
		t.Fatalf("codes.csv did not open as guessed")
	}
	noGuessLeft(t, s)
}

func noGuessLeft(t *testing.T, s *Shell) {
	t.Helper()
	for _, f := range s.ed.Listed() {
		if strings.Contains(f.Message, "a guess") {
			t.Errorf("finding left: %s", f.Message)
		}
	}
}

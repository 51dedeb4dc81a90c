//go:build !nogui

package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestCheckView(t *testing.T) {
	for _, c := range []struct {
		view string
		ok   bool
	}{
		{"", true}, {"sheets", true}, {"jobs", true}, {"job:last", true},
		{"job:BO-20260101-AB12", true}, {"connections", true},
		{"job:", false}, {"dashboard", false}, {"JOBS", false},
	} {
		if err := checkView(c.view); (err == nil) != c.ok {
			t.Errorf("checkView(%q) = %v, want ok %v", c.view, err, c.ok)
		}
	}
}

// --view goes to the window, which refuses a view it does not have before opening.
func TestRunViewGoesToTheWindow(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"--view", "dashboard"}, &out, &errs); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(errs.String(), `unknown view "dashboard"`) {
		t.Errorf("stderr: %q", errs.String())
	}
	errs.Reset()
	if code := run([]string{"--view=job:"}, &out, &errs); code != 2 || !strings.Contains(errs.String(), "unknown view") {
		t.Errorf("--view=job: exit %d, stderr %q", code, errs.String())
	}
}

// Without a display the window build says so and exits 2, as the CLI build does, instead
// of GLFW's panic.
func TestNoDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	if noDisplay() == nil {
		t.Skip("this system always has a display")
	}
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 2 || !strings.Contains(errs.String(), "no display to open the window on") {
		t.Errorf("exit %d, stderr %q", code, errs.String())
	}
}

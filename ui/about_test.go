package ui

import (
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/version"
)

// Help > About Bulkops shows the version the binary was built as and its platform.
func TestAboutShowsTheVersion(t *testing.T) {
	defer func(v string) { version.Version = v }(version.Version)
	version.Version = "v1.2.0-3-gabcdef0"
	s := newTestShell(t, Options{})
	menus := s.win.MainMenu().Items
	help := menus[len(menus)-1]
	var about func()
	for _, it := range help.Items {
		if it.Label == "About Bulkops" {
			about = it.Action
		}
	}
	if about == nil {
		t.Fatalf("the %s menu has no About Bulkops", help.Label)
	}
	about()
	text := overlayText(s.win.Canvas().Overlays().Top())
	want := "Version v1.2.0-3-gabcdef0 (" + version.Platform() + ")"
	if !strings.Contains(text, want) || !strings.Contains(text, "Bulkops") {
		t.Errorf("the About dialog shows %q, want %q in it", text, want)
	}
}

package sheetview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The test shell shows tips as the shell does: the last one shown, until the mouse leaves.
var tipShown = map[*testShell]string{}

func (s *testShell) HoverIn(_ fyne.CanvasObject, text string) { tipShown[s] = text }
func (s *testShell) HoverOut(fyne.CanvasObject)               { delete(tipShown, s) }

// A column header shows its name whole and what the column holds while the mouse rests
// on it; the column's description above the grid, cut to one line, shows whole too
// (issue 23, point 4).
func TestHeaderAndDescriptionTips(t *testing.T) {
	s := newTestShell(t, Options{})
	v := openTestSheet(t, s, "site", []string{"Praha", "Voice Only"})
	t.Cleanup(func() { delete(tipShown, s) })

	var head *headerCell
	for id, h := range v.headers() {
		if id.Row < 0 && id.Col == 1 {
			head = h
		}
	}
	if head == nil {
		t.Fatal("the second column's header is not on screen")
	}
	head.MouseIn(&desktop.MouseEvent{})
	tip := tipShown[s]
	if !strings.HasPrefix(tip, "Multimedia Profile (required): ") || len(tip) < 60 {
		t.Errorf("the header's tip is %q", tip)
	}
	head.MouseOut()
	if _, ok := tipShown[s]; ok {
		t.Error("the tip stays after the mouse left the header")
	}

	var area *tipArea
	walk(s.ed.Content(), func(o fyne.CanvasObject) {
		if a, ok := o.(*tipArea); ok && a.label == s.ed.colInfo {
			area = a
		}
	})
	if area == nil {
		t.Fatal("the column's description has no tip")
	}
	area.MouseIn(&desktop.MouseEvent{})
	if got := tipShown[s]; got == "" || got != s.ed.colInfo.Text {
		t.Errorf("the description's tip is %q; it says %q", got, s.ed.colInfo.Text)
	}
	area.MouseOut()
}

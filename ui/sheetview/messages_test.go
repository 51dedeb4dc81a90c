package sheetview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
)

// A finding's whole message, "did you mean" included, shows wrapped in the findings list
// and, for the cell under the cursor, under the cell bar.
func TestFindingsShowTheirWholeMessage(t *testing.T) {
	s := newTestShell(t, Options{Connection: StaticConnection{Name: "Acme", Names: sheets.Known{"site": {"Prague"}}}})
	v := openTestSheet(t, s, "team", []string{"Brno Support", "Praha", "AGENT"})
	want := `did you mean "Prague"?`
	if s.ed.message.content.Visible() {
		t.Errorf("a message shows for A2, which is fine: %q", s.ed.message.text.Text)
	}
	clickCell(t, v, 0, 1, 0) // the Site cell
	if c := v.doc().Cursor(); c != at(0, 1) {
		t.Fatalf("the click put the cursor on %v", c)
	}
	if !s.ed.message.content.Visible() || !strings.HasSuffix(s.ed.message.text.Text, want) {
		t.Errorf("under the cell bar: shown %v, %q", s.ed.message.content.Visible(), s.ed.message.text.Text)
	}
	if w, mw := s.ed.message.text.Size().Width, s.ed.message.text.MinSize().Height; w <= 0 || s.ed.message.text.Size().Height < mw {
		t.Errorf("the cell's message is cut: %v tall, needs %v", s.ed.message.text.Size().Height, mw)
	}

	if got := s.status.message.Text; !strings.HasSuffix(got, want) {
		t.Errorf("the status line says %q", got)
	}

	var msg *widget.Label
	walk(s.findings.list, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasSuffix(l.Text, want) {
			msg = l
		}
	})
	if msg == nil {
		t.Fatal("the findings list does not show the message")
	}
	line := widget.NewLabel("M").MinSize().Height
	if h := msg.Size().Height; h < msg.MinSize().Height || h < 1.5*line {
		t.Errorf("the finding shows %v tall (one line is %v, it needs %v): it is cut, not wrapped", h, line, msg.MinSize().Height)
	}
	if msg.Truncation != fyne.TextTruncateOff {
		t.Error("the finding's message is truncated")
	}
}

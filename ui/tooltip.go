package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.8 has no tooltips: tips shows one of its own, a small pop-up under what the
// mouse rests on, after a moment, until the mouse leaves.
type tips struct {
	win   func() fyne.Window
	delay time.Duration // how long the mouse rests before the tip shows; 0 at once (tests)
	pop   *widget.PopUp
	text  *widget.Label
	said  string            // the text shown, before wrapText
	owner fyne.CanvasObject // what the tip shown or pending is for
	timer *time.Timer
}

func newTips(win func() fyne.Window, delay time.Duration) *tips {
	return &tips{win: win, delay: delay}
}

// hoverIn schedules the tip of o.
func (t *tips) hoverIn(o fyne.CanvasObject, text string) {
	t.hide()
	if text == "" {
		return
	}
	t.owner = o
	if t.delay <= 0 {
		t.show(o, text)
		return
	}
	t.timer = time.AfterFunc(t.delay, func() {
		fyne.Do(func() {
			if t.owner == o {
				t.show(o, text)
			}
		})
	})
}

// hoverOut hides the tip of o.
func (t *tips) hoverOut(o fyne.CanvasObject) {
	if t.owner == o {
		t.hide()
	}
}

func (t *tips) hide() {
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	t.owner = nil
	if t.pop != nil {
		t.pop.Hide()
	}
}

// show puts the tip under o, kept inside the window.
func (t *tips) show(o fyne.CanvasObject, text string) {
	c := t.win().Canvas()
	if t.pop == nil {
		t.text = widget.NewLabel("")
		t.pop = widget.NewPopUp(container.NewPadded(t.text), c)
	}
	t.said = text
	t.text.SetText(wrapText(text, maxTipWidth-4*theme.InnerPadding()))
	size := t.pop.MinSize()
	t.pop.Resize(size) // as small as its text, also when the last tip was larger
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).AddXY(0, o.Size().Height+theme.Padding())
	if room := c.Size(); pos.X+size.Width > room.Width {
		pos.X = max(room.Width-size.Width, 0)
	}
	if room := c.Size(); pos.Y+size.Height > room.Height { // no room below: above
		pos.Y = max(pos.Y-o.Size().Height-size.Height-2*theme.Padding(), 0)
	}
	t.pop.ShowAtPosition(pos)
}

// shown returns the text of the tip on screen (as given, not as wrapped), or "".
func (t *tips) shown() string {
	if t.pop == nil || !t.pop.Visible() {
		return ""
	}
	return t.said
}

// tipButton is an icon button with a tip: the toolbar's buttons.
type tipButton struct {
	widget.Button
	tip  string
	tips *tips
}

var _ desktop.Hoverable = (*tipButton)(nil)

func newTipButton(icon fyne.Resource, tip string, t *tips, run func()) *tipButton {
	b := &tipButton{tip: tip, tips: t}
	b.Icon, b.OnTapped, b.Importance = icon, run, widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn shows the tip after a moment.
func (b *tipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.tips.hoverIn(b, b.tip)
}

// MouseOut hides the tip.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	b.tips.hoverOut(b)
}

// Tapped hides the tip and runs the button.
func (b *tipButton) Tapped(e *fyne.PointEvent) {
	b.tips.hide()
	b.Button.Tapped(e)
}

// tipAction is a toolbar item: a tipButton.
type tipAction struct{ b *tipButton }

// ToolbarObject returns the button.
func (a tipAction) ToolbarObject() fyne.CanvasObject { return a.b }

// tipLabel is a label with a tip (the status bar's organization, its id in the tip).
type tipLabel struct {
	widget.Label
	tip  string
	tips *tips
}

var _ desktop.Hoverable = (*tipLabel)(nil)

func newTipLabel(t *tips) *tipLabel {
	l := &tipLabel{tips: t}
	l.ExtendBaseWidget(l)
	return l
}

// say shows text, whole in the tip too, for when the label cuts it.
func (l *tipLabel) say(text string) {
	l.tip = text
	l.SetText(text)
}

// MouseIn shows the tip after a moment.
func (l *tipLabel) MouseIn(*desktop.MouseEvent) { l.tips.hoverIn(l, l.tip) }

// MouseMoved does nothing: the tip stays while the mouse is on the label.
func (l *tipLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tip.
func (l *tipLabel) MouseOut() { l.tips.hoverOut(l) }

// maxTipWidth is the widest a tip gets; a longer text wraps.
const maxTipWidth = 420

// wrapText breaks a text's lines between words so that none is wider than width (a
// column's description in a tip). The label is not left to wrap: a wrapping label
// reports no width of its own, and the tip would take the whole window.
func wrapText(text string, width float32) string {
	size, style := theme.TextSize(), fyne.TextStyle{}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			try := strings.TrimSpace(line + " " + w)
			if line != "" && fyne.MeasureText(try, size, style).Width > width {
				out = append(out, line)
				try = w
			}
			line = try
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// tipDelay is how long the mouse rests on something before its tip shows.
var tipDelay = 600 * time.Millisecond

// Package uitest helps tests of the window look at what it shows: the texts of a dialog,
// its buttons, everything a widget renders.
package uitest

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Walk calls f for o and everything it shows, widgets' rendered parts included; hidden
// objects and what they hold are left out, as the user does not see them.
func Walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, ch := range c.Objects {
			Walk(ch, f)
		}
	} else if w, ok := o.(fyne.Widget); ok {
		for _, ch := range test.WidgetRenderer(w).Objects() {
			Walk(ch, f)
		}
	}
}

// Text collects the text shown in o, a line per label, button ([text]) or text.
func Text(o fyne.CanvasObject) string {
	var b strings.Builder
	Walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case wrapped:
			b.WriteString("[" + w.Unwrap().Text + "]\n")
		case *widget.Hyperlink:
			b.WriteString("<" + w.Text + ">\n")
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
		}
	})
	return b.String()
}

// wrapped is a button that extends widget.Button (a dialog's, armed for Esc and Enter).
type wrapped interface{ Unwrap() *widget.Button }

// Button returns the button showing text in o, or nil.
func Button(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	Walk(o, func(o fyne.CanvasObject) {
		b, ok := o.(*widget.Button)
		if w, is := o.(wrapped); is {
			b, ok = w.Unwrap(), true
		}
		if ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

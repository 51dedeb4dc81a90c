package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"reflect"
)

// Esc and Enter while a dialog's button has the keyboard (issue 23, point 2).
//
// A focused widget.Button takes Space and nothing else: Esc and Enter go to it and are
// lost, so after Tab onto a button neither closes the dialog. Fyne's dialogs make their
// buttons themselves, so before the keyboard reaches a dialog (its first key, which
// comes to the canvas since nothing in a new dialog has the focus) the window puts a
// keyButton in place of each of its buttons: the same button that also takes Esc (the
// dialog's cancel button) and Enter (itself). Dialogs with fields are left as they are:
// their code may enable, disable or relabel its buttons later (a form's validation),
// which a copy would not show.

// keyButton is a dialog's button that takes Esc and Enter as well as Space.
type keyButton struct {
	widget.Button
	orig  *widget.Button // the dialog's own: what it runs, and whether it may
	shell *Shell
}

// newKeyButton copies how b looks; a tap runs b's action, unless b was disabled since.
func newKeyButton(s *Shell, b *widget.Button) *keyButton {
	k := &keyButton{orig: b, shell: s}
	k.Text, k.Icon, k.Importance = b.Text, b.Icon, b.Importance
	k.Alignment, k.IconPlacement = b.Alignment, b.IconPlacement
	k.OnTapped = func() {
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
	k.ExtendBaseWidget(k)
	if b.Disabled() {
		k.Disable()
	}
	return k
}

// TypedKey: Esc presses the dialog's cancel button, Enter this one.
func (k *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if b := dialogButton(k.shell.win.Canvas(), isCancel); b != nil {
			b.OnTapped()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		k.OnTapped()
	default:
		k.Button.TypedKey(ev)
	}
}

// Unwrap is the button as Fyne's widget, for tests that look for a dialog's buttons.
func (k *keyButton) Unwrap() *widget.Button { return &k.Button }

// button is the widget.Button a key presses for this focusable, nil when it is none.
func button(f fyne.Focusable) *widget.Button {
	switch b := f.(type) {
	case *widget.Button:
		return b
	case *keyButton:
		return &b.Button
	}
	return nil
}

// armDialog puts keyButtons in place of the buttons of the dialog on top, once; it
// leaves a dialog with fields alone.
func (s *Shell) armDialog() {
	c := s.win.Canvas()
	pop, ok := overlayContent(c.Overlays().Top()).(*widget.PopUp)
	if !ok || pop == nil || !pop.Visible() || c.Focused() != nil {
		return
	}
	for _, f := range overlayFocusables(c) {
		if _, ok := f.(*widget.Button); !ok {
			return // a field, or armed already
		}
	}
	if root, ok := pop.Content.(*fyne.Container); ok {
		s.swapButtons(root)
	}
}

// swapButtons replaces the buttons in c and the containers within it (the dialog's own
// row of buttons, or one its content holds), not inside other widgets.
func (s *Shell) swapButtons(c *fyne.Container) {
	changed := false
	for i, o := range c.Objects {
		switch o := o.(type) {
		case *widget.Button:
			k := newKeyButton(s, o)
			k.Resize(o.Size())
			k.Move(o.Position())
			k.Hidden = o.Hidden
			c.Objects[i] = k
			changed = true
		case *fyne.Container:
			s.swapButtons(o)
		}
	}
	if changed {
		c.Refresh()
	}
}

// overlayContent is what an overlay shows: Fyne 2.8 puts a pop-up on the canvas inside
// an OverlayContainer of its internal package, whose Content field is the pop-up and
// which offers no method to reach it; the field is exported, so reflection reads it.
// Anything else is returned as it is.
func overlayContent(o fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(o)
	if o == nil || v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return o
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return o
	}
	if c, ok := f.Interface().(fyne.CanvasObject); ok && c != nil {
		return c
	}
	return o
}

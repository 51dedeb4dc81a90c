package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The window's keys outside the grid: Esc and Enter on a dialog, F10 for the menus.
//
// Fyne's dialogs take no keys of their own. While one is open and none of its fields has
// the keyboard, keys come to the canvas: Esc presses its cancel button (the one with the
// cancel icon, or its only button), Enter its default one (the one button of high
// importance, or its only button).

// keyDown sees a key go down while nothing has the keyboard (the driver tells the canvas
// then): the first key in a new dialog arms its buttons for Esc and Enter before Tab
// puts the keyboard on one of them.
func (s *Shell) keyDown(*fyne.KeyEvent) { s.armDialog() }

// canvasKey handles a key that nothing focused took.
func (s *Shell) canvasKey(ev *fyne.KeyEvent) {
	c := s.win.Canvas()
	top := c.Overlays().Top()
	switch ev.Name {
	case fyne.KeyEscape:
		if b := dialogButton(c, isCancel); b != nil {
			b.OnTapped()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if b := dialogButton(c, isDefault); b != nil {
			b.OnTapped()
		}
	case fyne.KeyF10:
		if top == nil {
			s.openMenu(0)
		}
	}
}

func isCancel(b *widget.Button) bool {
	return b.Icon != nil && b.Icon.Name() == theme.CancelIcon().Name()
}

func isDefault(b *widget.Button) bool { return b.Importance == widget.HighImportance }

// dialogButton finds the button of the top overlay that a key presses: the one that
// is, else the only one. nil when there is no overlay, or no one button that fits.
func dialogButton(c fyne.Canvas, is func(*widget.Button) bool) *widget.Button {
	if top := c.Overlays().Top(); top == nil || !top.Visible() {
		return nil
	}
	var all, fit []*widget.Button
	for _, f := range overlayFocusables(c) {
		if b := button(f); b != nil && b.OnTapped != nil {
			all = append(all, b)
			if is(b) {
				fit = append(fit, b)
			}
		}
	}
	switch {
	case len(fit) == 1:
		return fit[0]
	case len(fit) == 0 && len(all) == 1:
		return all[0]
	}
	return nil
}

// overlayFocusables lists what can take the keyboard in the top overlay (its enabled,
// visible buttons and fields), in focus order, by going round its focus chain once; what
// had the focus has it again after. (Fyne offers no other way to look into a widget's
// parts outside tests.)
func overlayFocusables(c fyne.Canvas) []fyne.Focusable {
	before := c.Focused()
	var seen []fyne.Focusable
	for range 100 {
		c.FocusNext()
		f := c.Focused()
		if f == nil || slices.Contains(seen, f) {
			break
		}
		seen = append(seen, f)
	}
	if before != nil {
		c.Focus(before)
	} else {
		c.Unfocus()
	}
	return seen
}

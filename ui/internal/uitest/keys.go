package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// The keyboard and the dialogs of a window, driven as the desktop driver does.

// Focused returns what has the keyboard in w.
func Focused(w fyne.Window) fyne.Focusable { return w.Canvas().Focused() }

// Type types characters into whatever has the keyboard.
func Type(w fyne.Window, text string) {
	for _, r := range text {
		Focused(w).TypedRune(r)
	}
}

// Press sends keys to whatever has the keyboard.
func Press(w fyne.Window, keys ...fyne.KeyName) {
	for _, k := range keys {
		Focused(w).TypedKey(&fyne.KeyEvent{Name: k})
	}
}

// ShiftPress sends keys with Shift held.
func ShiftPress(w fyne.Window, keys ...fyne.KeyName) {
	k := Focused(w).(desktop.Keyable)
	k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	Press(w, keys...)
	k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// Shortcut types a shortcut: a main menu item bound to it runs first; otherwise it goes
// to whatever has the keyboard.
func Shortcut(w fyne.Window, sc fyne.Shortcut) {
	var find func(items []*fyne.MenuItem) *fyne.MenuItem
	find = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
				return it
			}
			if it.ChildMenu != nil {
				if f := find(it.ChildMenu.Items); f != nil {
					return f
				}
			}
		}
		return nil
	}
	if m := w.MainMenu(); m != nil {
		for _, m := range m.Items {
			if it := find(m.Items); it != nil {
				it.Action()
				return
			}
		}
	}
	Focused(w).(fyne.Shortcutable).TypedShortcut(sc)
}

// TapButton taps the button with the given text in the top overlay of w (a dialog).
func TapButton(t testing.TB, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	found := Button(top, text)
	if found == nil {
		t.Fatalf("no button %q in the dialog:\n%s", text, Text(top))
	}
	test.Tap(found)
}

// keyDown holds what a window's canvas is told of a key going down while nothing has the
// keyboard: the desktop canvas's OnKeyDown, which Fyne's test canvas lacks.
var keyDown = map[fyne.Canvas]func(*fyne.KeyEvent){}

// SetOnKeyDown gives c what the desktop driver's canvas.SetOnKeyDown would (see Key).
func SetOnKeyDown(c fyne.Canvas, f func(*fyne.KeyEvent)) { keyDown[c] = f }

// Key presses one key as the desktop driver delivers it, each part to whatever has the
// keyboard at that moment: KeyDown and TypedKey (to the canvas when nothing has the
// focus: see SetOnKeyDown), then the character it makes, if any (0: none), then KeyUp.
// A key that closes a dialog thus sends its character to what had the focus before it.
func Key(w fyne.Window, name fyne.KeyName, char rune) {
	c := w.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if k, ok := c.Focused().(desktop.Keyable); ok {
		k.KeyDown(ev)
	} else if c.Focused() == nil && keyDown[c] != nil {
		keyDown[c](ev)
	}
	if t, ok := c.Focused().(fyne.Tabbable); name == fyne.KeyTab && (!ok || !t.AcceptsTab()) {
		c.FocusNext() // the driver moves the focus on Tab, unless the focused takes it
	} else if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
	if char != 0 {
		if f := c.Focused(); f != nil {
			f.TypedRune(char)
		} else if h := c.OnTypedRune(); h != nil {
			h(char)
		}
	}
	if k, ok := c.Focused().(desktop.Keyable); ok {
		k.KeyUp(ev)
	}
}

// Keys types text key by key as Key does (letters, digits, space).
func Keys(w fyne.Window, text string) {
	for _, r := range text {
		name := fyne.KeyName(strings.ToUpper(string(r)))
		if r == ' ' {
			name = fyne.KeySpace
		}
		Key(w, name, r)
	}
}

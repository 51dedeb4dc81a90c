package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// keyGate tells a character typed in the grid from one whose key was pressed elsewhere.
//
// The desktop driver delivers a key press in two parts: the key (KeyDown, then TypedKey)
// and, a moment later, the character it makes (TypedRune), each to whatever has the
// focus at that moment. Space on a dialog's button presses the button, the dialog closes
// and the grid has the focus again by the time the space arrives: without the gate it
// would start editing the cell with a space, and the next Enter would blank the cell.
// So a character is taken only after its own key came to the grid as a TypedKey.
//
// Fyne's test driver sends characters alone; the gate is shut only once a printable
// key has gone down in the grid, which the real driver always does first.
type keyGate struct {
	seen  bool // a printable key went down here: the driver reports keys
	armed bool // a printable key came here and its character has not yet
}

// printable reports whether a key makes a character (letters, digits, space, keys
// the driver cannot name).
func printable(name fyne.KeyName) bool { return len(name) <= 1 || name == fyne.KeySpace }

// keyDown only notes that the driver reports keys: a key that goes down may be part of
// a shortcut (the W of Ctrl+W), which the menu runs and no character follows.
func (g *keyGate) keyDown(name fyne.KeyName) {
	if printable(name) {
		g.seen = true
	}
}

// key is a TypedKey, which the driver sends for a key that is no shortcut, before its
// character (and again for each repeat of a held key).
func (g *keyGate) key(name fyne.KeyName) {
	if printable(name) {
		g.armed = true
	}
}

// shortcut is a TypedShortcut: on Windows AltGr comes as Ctrl+Alt, and its character
// (@ on a Czech keyboard) follows with no TypedKey.
func (g *keyGate) shortcut(s fyne.Shortcut) {
	g.armed = false
	if cs, ok := s.(*desktop.CustomShortcut); ok {
		const altGr = fyne.KeyModifierControl | fyne.KeyModifierAlt
		g.armed = cs.Modifier&altGr == altGr
	}
}

// take reports whether a character is the grid's to type, and uses up the key it came with.
func (g *keyGate) take() bool {
	ok := !g.seen || g.armed
	g.armed = false
	return ok
}

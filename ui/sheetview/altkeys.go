package sheetview

import "fyne.io/fyne/v2"

// Second shortcuts of commands whose first one needs AltGr on some keyboards (issue 23,
// point 7): Ctrl+[ and Ctrl+] are AltGr+F and AltGr+G on a Czech keyboard. Sorting also
// answers Ctrl+, (A to Z) and Ctrl+. (Z to A): the keys beside M, unshifted on Czech,
// Slovak, German, French and US keyboards, in the same left-right order.
var altKeys = map[Command]fyne.Shortcut{
	SortAscending:  Ctrl(fyne.KeyComma),
	SortDescending: Ctrl(fyne.KeyPeriod),
}

// AltKey is a command's second shortcut, nil when it has none (for the shortcuts list).
func AltKey(c Command) fyne.Shortcut { return altKeys[c] }

// runAltKey runs the command whose second shortcut sc is; it reports whether there is one.
func (e *Editor) runAltKey(sc fyne.Shortcut) bool {
	for c, k := range altKeys {
		if k.ShortcutName() == sc.ShortcutName() {
			if a := e.acts[c]; a != nil {
				a.Run()
				return true
			}
		}
	}
	return false
}

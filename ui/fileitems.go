package ui

import "fyne.io/fyne/v2"

// viewFileItems are the File menu's items the views add (View.FileItems), each bringing
// its view to the front before it runs, as the start page's tasks do.
func (s *Shell) viewFileItems() []*fyne.MenuItem {
	var out []*fyne.MenuItem
	for _, v := range s.views {
		for _, t := range v.FileItems {
			it := fyne.NewMenuItem(t.Label, func() {
				s.ShowView(v.Title)
				t.Run()
			})
			it.Icon = t.Icon
			it.Shortcut = t.Key
			out = append(out, it)
		}
	}
	return out
}

// viewShortcut runs the File menu item of a view whose shortcut sc is (the grid hands
// on the shortcuts it does not take); it reports whether there was one.
func (s *Shell) viewShortcut(sc fyne.Shortcut) bool {
	for _, v := range s.views {
		for _, t := range v.FileItems {
			if t.Key != nil && t.Key.ShortcutName() == sc.ShortcutName() {
				s.ShowView(v.Title)
				t.Run()
				return true
			}
		}
	}
	return false
}

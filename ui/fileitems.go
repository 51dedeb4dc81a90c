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
			out = append(out, it)
		}
	}
	return out
}

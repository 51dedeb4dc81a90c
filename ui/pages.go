package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/bulkops/bulkops/ui/words"
)

// The pages of the window (Sheets, then the views beside it) are reached from the
// keyboard as well as by their tabs: Ctrl+1, Ctrl+2… and Ctrl+Tab, Ctrl+Shift+Tab, all in
// the View menu; the page brought to the front has the keyboard (the grid, on Sheets).
// The menus open with F10 (the first) and Alt with a menu's first letter.

// pageItems are the View menu's items that bring a page to the front.
func (s *Shell) pageItems() []*fyne.MenuItem {
	titles := []string{words.T("Sheets")}
	for _, v := range s.views {
		titles = append(titles, v.Title)
	}
	var out []*fyne.MenuItem
	for i, t := range titles {
		it := fyne.NewMenuItem(t, func() { s.showPage(i) })
		if i < 9 {
			it.Shortcut = ctrl(fyne.KeyName(rune('1' + i)))
		}
		out = append(out, it)
	}
	next := fyne.NewMenuItem(words.T("Next page"), func() { s.stepPage(1) })
	next.Shortcut = ctrl(fyne.KeyTab)
	prev := fyne.NewMenuItem(words.T("Previous page"), func() { s.stepPage(-1) })
	prev.Shortcut = ctrlShift(fyne.KeyTab)
	return append(out, next, prev)
}

// showPage brings page i to the front and gives it the keyboard.
func (s *Shell) showPage(i int) {
	if i < 0 || i >= len(s.tabs.Items) {
		return
	}
	if s.tabs.SelectedIndex() == i {
		s.focusPage(s.tabs.Items[i]) // AppTabs says nothing when the page is in front already
		return
	}
	s.tabs.SelectIndex(i) // tabShown follows
}

// stepPage brings the next (by > 0) or previous page to the front, round the end.
func (s *Shell) stepPage(by int) {
	n := len(s.tabs.Items)
	s.showPage(((s.tabs.SelectedIndex()+by)%n + n) % n)
}

// focusPage gives the keyboard to a page brought to the front: the grid on Sheets,
// else the page's first field or button, so Tab goes on from there. A page chosen with
// the mouse thus has the keyboard too.
func (s *Shell) focusPage(it *container.TabItem) {
	c := s.win.Canvas()
	if it == s.tabs.Items[0] {
		if s.ed.Current() != nil && s.center != nil && len(s.center.Objects) > 0 && s.center.Objects[0] == s.ed.Content() {
			s.ed.FocusGrid()
			return
		}
	}
	c.Unfocus()
	for _, v := range s.views {
		if v.Title == it.Text && v.Focus != nil {
			v.Focus()
			return
		}
	}
	c.Focus(s.tabs.bar)
	c.FocusNext() // the page's first field or button: the row of pages comes before it
}

// menuKey is the letter that opens a menu with Alt: the first letter of its title,
// without accents (Alt+U opens "Úpravy").
func menuKey(title string) fyne.KeyName {
	for _, r := range title {
		r = unicode.ToUpper(fold(r))
		if r >= 'A' && r <= 'Z' {
			return fyne.KeyName(string(r))
		}
	}
	return ""
}

// fold takes the accent off a Czech letter.
func fold(r rune) rune {
	const from, to = "ÁČĎÉĚÍŇÓŘŠŤÚŮÝŽáčďéěíňóřšťúůýž", "ACDEEINORSTUUYZacdeeinorstuuyz"
	if i := strings.IndexRune(from, r); i >= 0 {
		return []rune(to)[len([]rune(from[:i]))]
	}
	return r
}

// menuShortcuts binds Alt+letter to each menu of the main menu (the first menu that has
// a letter takes it).
func (s *Shell) menuShortcuts(m *fyne.MainMenu) {
	c := s.win.Canvas()
	for name := range s.menuKeys {
		c.RemoveShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyName(name), Modifier: fyne.KeyModifierAlt})
	}
	s.menuKeys = map[string]int{}
	for i, menu := range m.Items {
		k := menuKey(menu.Label)
		if _, taken := s.menuKeys[string(k)]; k == "" || taken {
			continue
		}
		s.menuKeys[string(k)] = i
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) { s.openMenu(i) })
	}
}

// menuShortcut opens the menu of an Alt+letter shortcut (or F10) that the grid handed
// on; it reports whether sc was one.
func (s *Shell) menuShortcut(sc fyne.Shortcut) bool {
	cs, ok := sc.(*desktop.CustomShortcut)
	if ok && cs.KeyName == fyne.KeyF10 && cs.Modifier == 0 { // F10, which the grid hands on
		s.openMenu(0)
		return true
	}
	if !ok || cs.Modifier != fyne.KeyModifierAlt {
		return false
	}
	i, ok := s.menuKeys[string(cs.KeyName)]
	if ok {
		s.openMenu(i)
	}
	return ok
}

// menuToggler is the desktop driver's canvas where it draws the main menu in the window
// (Linux, Windows): ToggleMenu opens the first menu with the keyboard in it, as Alt does.
type menuToggler interface{ ToggleMenu() }

// openMenu opens the i-th menu of the main menu, with the keyboard in it.
func (s *Shell) openMenu(i int) {
	if s.menuOpener != nil {
		s.menuOpener(i)
		return
	}
	c := s.win.Canvas()
	t, ok := c.(menuToggler)
	if !ok {
		return // a native menu (macOS) opens its own way
	}
	t.ToggleMenu()
	for range i {
		c.FocusNext() // the open menu bar's items take the keyboard in turn
	}
}

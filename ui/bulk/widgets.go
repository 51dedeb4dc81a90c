package bulk

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// enable enables ws when on, else disables them.
func enable(on bool, ws ...fyne.Disableable) {
	for _, w := range ws {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// relayout lays a page out again after parts were shown, hidden or changed length: a
// scroll container does not follow its content's minimum size by itself.
func relayout(s *container.Scroll) {
	if s != nil {
		s.Content.Refresh()
		s.Refresh()
	}
}

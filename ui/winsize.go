package ui

import "fyne.io/fyne/v2"

// The window's size (issue 23, point 6): it opens at the size it last closed at (else
// 1280×800), made to fit the screen's usable area, so on a 1024×700 screen its edges
// and its status bar are not off the screen.

const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	// screenMargin is left for the window's title bar and frame, which the window
	// manager draws outside the size asked for.
	screenMargin = 40
)

var defaultWindowSize = fyne.NewSize(1280, 800)

// initialSize is the size the window opens at.
func (s *Shell) initialSize() fyne.Size {
	p := s.app.Preferences()
	want := defaultWindowSize
	if w, h := p.Float(prefWindowWidth), p.Float(prefWindowHeight); w > 0 && h > 0 {
		want = fyne.NewSize(float32(w), float32(h))
	}
	if s.opts.Screen != nil {
		if screen, ok := s.opts.Screen(); ok {
			want = fitScreen(want, screen)
		}
	}
	return want
}

// fitScreen shrinks a window size to a screen's usable area, less the frame's margin.
func fitScreen(want, screen fyne.Size) fyne.Size {
	if screen.Width <= 0 || screen.Height <= 0 {
		return want
	}
	return fyne.NewSize(min(want.Width, screen.Width-screenMargin), min(want.Height, screen.Height-screenMargin))
}

// rememberSize keeps the window's size for the next start.
func (s *Shell) rememberSize() {
	size := s.win.Canvas().Size()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	p := s.app.Preferences()
	p.SetFloat(prefWindowWidth, float64(size.Width))
	p.SetFloat(prefWindowHeight, float64(size.Height))
}

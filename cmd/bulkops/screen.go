//go:build !nogui

package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// screenSize is the usable area of the primary screen (less panels and task bars) in
// Fyne's units, for the window to open within it (ui.Options.Screen). Fyne 2.8 does not
// say how large the screen is; GLFW, which its driver has started by the time the window
// is made (on the main thread, where ui.New runs), does.
func screenSize(a fyne.App) func() (fyne.Size, bool) {
	return func() (size fyne.Size, ok bool) {
		defer func() {
			if recover() != nil { // GLFW not started: the size is unknown
				size, ok = fyne.Size{}, false
			}
		}()
		m := glfw.GetPrimaryMonitor()
		if m == nil {
			return fyne.Size{}, false
		}
		_, _, w, h := m.GetWorkarea()
		sx, _ := m.GetContentScale()
		user := a.Settings().Scale() // 0: none set (FYNE_SCALE), as 1
		if user <= 0 {
			user = 1
		}
		scale := sx * user
		if w <= 0 || h <= 0 || scale < 0.5 {
			return fyne.Size{}, false
		}
		return fyne.NewSize(float32(w)/scale, float32(h)/scale), true
	}
}

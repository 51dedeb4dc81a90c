// Package assets holds what the window bundles: the application icon. The words the
// user sees, the window's and the command line's, are in assets/messages.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon (512×512 PNG, rendered from icon/icon.svg).
var Icon fyne.Resource = fyne.NewStaticResource("bulkops.png", iconPNG)

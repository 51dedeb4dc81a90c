// Package assets holds what the window bundles: the application icon and the
// translations of every string the user sees, in English and Czech.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon (512×512 PNG, rendered from icon/icon.svg).
var Icon fyne.Resource = fyne.NewStaticResource("bulkops.png", iconPNG)

// Translations holds translations/<language>.json, in the format Fyne's lang package
// reads: lang.AddTranslationsFS(assets.Translations, "translations").
//
//go:embed translations
var Translations embed.FS

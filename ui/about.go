package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/assets"
	"github.com/bulkops/bulkops/internal/version"
	"github.com/bulkops/bulkops/ui/words"
)

// website is the project's home, as in FyneApp.toml.
const website = "https://github.com/bulkops/bulkops"

// aboutItem is the Help menu's "About Bulkops".
func (s *Shell) aboutItem() *fyne.MenuItem {
	it := fyne.NewMenuItem(words.T("About Bulkops"), s.showAbout)
	it.Icon = assets.Icon
	return it
}

// showAbout names the build: the version the Makefile linked in (git describe) and the
// platform, the same words `bulkops --version` prints and the API calls' User-Agent
// carries, so that a support request can quote them.
func (s *Shell) showAbout() {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(96))
	name := widget.NewLabelWithStyle("Bulkops", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	ver := widget.NewLabelWithStyle(words.T("Version %s (%s)", version.String(), version.Platform()),
		fyne.TextAlignCenter, fyne.TextStyle{})
	ver.Selectable = true
	what := widget.NewLabelWithStyle(words.T("Bulk configuration of Webex Contact Center: edit, check, submit, fix."),
		fyne.TextAlignCenter, fyne.TextStyle{})
	what.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(container.NewCenter(icon), name, ver, what)
	if u, err := url.Parse(website); err == nil {
		content.Add(container.NewCenter(widget.NewHyperlink(website, u)))
	}
	d := dialog.NewCustom(words.T("About Bulkops"), words.T("Close"), content, s.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}

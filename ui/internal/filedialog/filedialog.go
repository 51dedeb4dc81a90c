// Package filedialog asks, with Fyne's file dialogs, which file to open or where to save
// one, and hands on the path chosen: the shell's Open and Save as, the bulk operations'
// exports and imports. A failure is shown over the window; nothing follows a cancel.
package filedialog

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// Open asks which file to open, among files with the extensions exts (all, when none),
// starting in the folder dir ("" for the dialog's default); then gets the path.
func Open(win fyne.Window, exts []string, dir string, then func(path string)) {
	show(dialog.NewFileOpen(chosen[fyne.URIReadCloser](win, then), win), exts, dir)
}

// Save asks where to save a file, proposing name; then gets the path. The dialog has
// created the file empty: the caller writes it whole (or removes it).
func Save(win fyne.Window, name string, exts []string, dir string, then func(path string)) {
	d := dialog.NewFileSave(chosen[fyne.URIWriteCloser](win, then), win)
	d.SetFileName(name)
	show(d, exts, dir)
}

// chosen is a file dialog's callback: an error is shown, a cancel (no file) ends there,
// and a file chosen is closed (the caller reads or writes it by its path, whole) and its
// path handed on.
func chosen[F interface {
	URI() fyne.URI
	Close() error
}](win fyne.Window, then func(path string)) func(F, error) {
	return func(f F, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if any(f) == nil {
			return
		}
		path := f.URI().Path()
		_ = f.Close()
		then(path)
	}
}

func show(d *dialog.FileDialog, exts []string, dir string) {
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}

package bulk

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileAsker asks the user where to save a file or which file to open; then is called on
// the UI goroutine with the path chosen, and not at all when the user cancels.
type fileAsker interface {
	save(name string, exts []string, then func(path string))
	open(exts []string, then func(path string))
}

// dialogFiles asks with Fyne's file dialogs.
type dialogFiles struct{ win fyne.Window }

func (f dialogFiles) save(name string, exts []string, then func(string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, f.win)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close() // the caller writes the file whole, through a temporary file
		then(path)
	}, f.win)
	d.SetFileName(name)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	d.Show()
}

func (f dialogFiles) open(exts []string, then func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, f.win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		then(path)
	}, f.win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	d.Show()
}

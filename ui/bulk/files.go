package bulk

import (
	"fyne.io/fyne/v2"

	"github.com/bulkops/bulkops/ui/internal/filedialog"
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
	filedialog.Save(f.win, name, exts, "", then)
}

func (f dialogFiles) open(exts []string, then func(string)) {
	filedialog.Open(f.win, exts, "", then)
}

package filedialog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// A file chosen hands on its path; a cancel hands on nothing; a failure is shown over
// the window.
func TestChosen(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("t")
	win.Resize(fyne.NewSize(600, 400))
	var got []string
	then := func(p string) { got = append(got, p) }

	path := filepath.Join(t.TempDir(), "sites.csv")
	if err := os.WriteFile(path, []byte("Name\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := storage.Reader(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	chosen[fyne.URIReadCloser](win, then)(r, nil)
	chosen[fyne.URIReadCloser](win, then)(nil, nil) // cancelled
	if len(got) != 1 || got[0] != path {
		t.Fatalf("paths handed on %q, want only %q", got, path)
	}

	chosen[fyne.URIWriteCloser](win, then)(nil, errors.New("the folder is gone"))
	top := win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(strings.ToLower(uitest.Text(top)), "the folder is gone") {
		t.Errorf("the failure is not shown: %v", top)
	}
	if len(got) != 1 {
		t.Errorf("a failure handed on %q", got[1:])
	}
}

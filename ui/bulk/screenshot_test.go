package bulk

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// With BULKOPS_SCREENSHOTS set to a folder, the undo plan of a job that created two teams
// and updated one is saved there as undo-plan.png, drawn by Fyne's software painter in
// the default theme: the picture the closing note shows.
func TestScreenshotOfAnUndoPlan(t *testing.T) {
	dir := os.Getenv("BULKOPS_SCREENSHOTS")
	if dir == "" {
		t.Skip("BULKOPS_SCREENSHOTS not set")
	}
	e := newEnv(t)
	e.b.SetConnection(e.target)
	const head = "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout"
	j := e.runSheet("team", head+"\nUndo One,Prague,AGENT,,Czech Support,Global Layout\nUndo Two,Prague,AGENT,,Czech Support,Global Layout\n"+
		"Czech Support,Prague,AGENT,Blended Digital,,\n")
	e.b.showJob(j.ID)
	e.win.Resize(fyne.NewSize(1024, 700))
	test.Tap(e.b.detail.undo)
	f, err := os.Create(filepath.Join(dir, "undo-plan.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, e.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

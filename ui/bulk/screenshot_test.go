package bulk

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The undo plan of a job that created two teams and updated one, drawn by Fyne's
// software painter in the default theme: the plan names each change, and the picture
// holds it (not a blank window). With BULKOPS_SCREENSHOTS set to a folder the picture
// is kept there as undo-plan.png, the one the closing note shows.
func TestScreenshotOfAnUndoPlan(t *testing.T) {
	dir := os.Getenv("BULKOPS_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	e := newEnv(t)
	e.b.SetConnection(e.target)
	const head = "Name,Site,Type,Multimedia Profile,Skill Profile,Desktop Layout"
	j := e.runSheet("team", head+"\nUndo One,Prague,AGENT,,Czech Support,Global Layout\nUndo Two,Prague,AGENT,,Czech Support,Global Layout\n"+
		"Czech Support,Prague,AGENT,Blended Digital,,\n")
	e.b.showJob(j.ID)
	e.win.Resize(fyne.NewSize(1024, 700))
	test.Tap(e.b.detail.undo)
	all := strings.Join(texts(e.win), "\n")
	for _, want := range []string{"− delete Undo One / Prague", "− delete Undo Two / Prague", "Czech Support / Prague"} {
		if !strings.Contains(all, want) {
			t.Errorf("the undo plan does not show %q: %q", want, all)
		}
	}
	img := e.win.Canvas().Capture()
	if n := colours(img); n < 16 {
		t.Errorf("the picture of the undo plan has %d colours: blank", n)
	}
	f, err := os.Create(filepath.Join(dir, "undo-plan.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// colours counts the distinct colours of img (a blank capture has one or two).
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}

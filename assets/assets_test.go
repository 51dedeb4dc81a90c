package assets

import (
	"bytes"
	"image/png"
	"testing"
)

func TestIconIsASquarePNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon.Content()))
	if err != nil {
		t.Fatalf("icon: %v", err)
	}
	if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < 128 {
		t.Errorf("icon is %dx%d, want a square of at least 128", b.Dx(), b.Dy())
	}
}

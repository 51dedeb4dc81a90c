package sheetview

import (
	"fyne.io/fyne/v2"
)

// fitter shortens texts to a width with an ellipsis, remembering its answers. Grid cells
// show canvas.Text rather than a truncating Label: a Label shapes its text again on every
// repaint, which made scrolling a large sheet crawl, while measuring through Fyne is
// cached and most values fit anyway.
type fitter struct {
	memo map[fitKey]string
}

type fitKey struct {
	text  string
	width float32
	bold  bool
}

const fitMemo = 20_000 // answers kept; the memo starts over beyond this

// fit returns text, or its longest beginning that fits width followed by "…".
func (f *fitter) fit(text string, width, size float32, style fyne.TextStyle) string {
	if text == "" || fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	k := fitKey{text, width, style.Bold}
	if v, ok := f.memo[k]; ok {
		return v
	}
	r := []rune(text)
	lo, hi := 0, len(r) // the longest fitting prefix has lo runes
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	v := string(r[:lo]) + "…"
	if f.memo == nil || len(f.memo) >= fitMemo {
		f.memo = map[fitKey]string{}
	}
	f.memo[k] = v
	return v
}

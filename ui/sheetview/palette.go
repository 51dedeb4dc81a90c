package sheetview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// palette holds the colours cells are painted with, taken from the current theme so
// light and dark variants (which follow the OS) both work. It is rebuilt when the theme
// or its variant changes.
type palette struct {
	err, warn, sel, selErr, selWarn, cursor, none color.Color
	headErr, headWarn                             color.Color
	changed, selChanged                           color.Color // a cell a check found the job changes
	fg, fgLow                                     color.Color // text, and text that matters less
}

func newPalette() palette {
	s := fyne.CurrentApp().Settings()
	th, v := s.Theme(), s.ThemeVariant()
	errC := th.Color(theme.ColorNameError, v)
	warnC := th.Color(theme.ColorNameWarning, v)
	selC := th.Color(theme.ColorNameSelection, v)
	changedC := withAlpha(th.Color(theme.ColorNameSuccess, v), 0x48)
	return palette{
		changed:    changedC,
		selChanged: blend(changedC, selC),
		err:        withAlpha(errC, 0x48),
		warn:       withAlpha(warnC, 0x48),
		sel:        selC,
		selErr:     blend(withAlpha(errC, 0x48), selC),
		selWarn:    blend(withAlpha(warnC, 0x48), selC),
		cursor:     th.Color(theme.ColorNamePrimary, v),
		none:       color.Transparent,
		headErr:    withAlpha(errC, 0x70),
		headWarn:   withAlpha(warnC, 0x70),
		fg:         th.Color(theme.ColorNameForeground, v),
		fgLow:      th.Color(theme.ColorNamePlaceHolder, v),
	}
}

// cell returns the background of a cell by its worst finding and whether it is selected.
func (p palette) cell(sev severity, selected bool) color.Color {
	switch {
	case sev == sevError && selected:
		return p.selErr
	case sev == sevError:
		return p.err
	case sev == sevWarning && selected:
		return p.selWarn
	case sev == sevWarning:
		return p.warn
	case selected:
		return p.sel
	}
	return p.none
}

// changedCell is the background of a cell a check found the job changes.
func (p palette) changedCell(selected bool) color.Color {
	if selected {
		return p.selChanged
	}
	return p.changed
}

// header returns the background of a row header by the row's worst finding.
func (p palette) header(sev severity) color.Color {
	switch sev {
	case sevError:
		return p.headErr
	case sevWarning:
		return p.headWarn
	}
	return p.none
}

func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// blend lays a translucent colour over another, so a selected invalid cell still shows
// that it is invalid.
func blend(top, under color.Color) color.Color {
	t := color.NRGBAModel.Convert(top).(color.NRGBA)
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	mix := func(a, b uint8) uint8 { return uint8((int(a)*int(t.A) + int(b)*(255-int(t.A))) / 255) }
	return color.NRGBA{R: mix(t.R, u.R), G: mix(t.G, u.G), B: mix(t.B, u.B), A: max(u.A, t.A)}
}

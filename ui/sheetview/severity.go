package sheetview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/bulkops/bulkops/sheets"
)

// severity of what is shown on a cell: none, a warning or an error (the worst wins).
type severity int

const (
	sevNone severity = iota
	sevWarning
	sevError
)

func worst(fs []sheets.Finding) severity {
	s := sevNone
	for _, f := range fs {
		if f.Severity == sheets.Error {
			return sevError
		}
		s = sevWarning
	}
	return s
}

// FindingsIcon is the icon of the worst of some findings, as the cell bar and the
// findings list show it; nil when there are none.
func FindingsIcon(fs []sheets.Finding) fyne.Resource {
	switch worst(fs) {
	case sevError:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case sevWarning:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return nil
}

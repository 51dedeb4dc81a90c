package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/sheetview"
	"github.com/bulkops/bulkops/ui/words"
)

// bookLine is a line of the workbook's check: a sheet's heading with its counts, or one
// of its findings.
type bookLine struct {
	key     string
	heading bool
	text    string
	finding sheets.Finding
}

// bookLines lists every sheet of the workbook with its findings under it, in the
// workbook's order; a sheet with none says so. They are the editor's own findings, so
// a reference to a name another sheet of the workbook defines is no error here either.
func (s *Shell) bookLines() (lines []bookLine, errs, warns int) {
	for _, k := range s.book.keys {
		o := s.ed.Get(k)
		fs := s.ed.Findings(o)
		e, w := 0, 0
		for _, f := range fs {
			if f.Severity == sheets.Error {
				e++
			} else {
				w++
			}
		}
		errs, warns = errs+e, warns+w
		lines = append(lines, bookLine{key: k, heading: true, text: words.T("%s · records: %d · errors: %d · warnings: %d", objectTitle(o.Sheet().Object), len(o.Sheet().Rows), e, w)})
		for _, f := range fs {
			lines = append(lines, bookLine{key: k, text: sheetview.Where(f) + ": " + words.Message(f), finding: f})
		}
	}
	return lines, errs, warns
}

// checkBook is the check of a workbook opened as a whole: the findings of all its
// sheets in one list, grouped by sheet; choosing one shows its cell. "Submit the
// workbook" hands its sheets as edited to the view that submits workbooks (submitBook);
// the sheet shown can still be checked and submitted on its own, as any sheet is.
func (s *Shell) checkBook() {
	s.ed.Commit()
	lines, errs, warns := s.bookLines()
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(lines) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, l)
	}, func(id widget.ListItemID, o fyne.CanvasObject) { showBookLine(lines[id], o.(*fyne.Container)) })
	list.OnSelected = func(id widget.ListItemID) {
		d.Hide()
		s.goToBookLine(lines[id])
	}
	summary := widget.NewLabel(words.T("%s: sheets: %d · errors: %d · warnings: %d", s.book.name(), len(s.book.keys), errs, warns))
	summary.TextStyle.Bold = true
	why := widget.NewLabel(words.T("Submit the workbook plans all its sheets as one job, as they are now (unsaved edits included), each type after those it refers to; you confirm before anything is sent."))
	why.Wrapping = fyne.TextWrapWord
	book := widget.NewButtonWithIcon(words.T("Submit the workbook"), theme.UploadIcon(), func() {
		d.Hide()
		s.submitBook()
	})
	if s.bookView() == nil {
		why.SetText(words.T("Submitting a whole workbook as one job is not in the window yet. Submit it sheet by sheet, in the order of the tree (each type after those it refers to): choose a sheet, then Check and submit."))
		book.Disable()
	}
	key := s.selected
	one := widget.NewButton(words.T("Check and submit %s…", objectTitle(s.ed.Get(key).Sheet().Object)), func() {
		d.Hide()
		s.checkOne(key)
	})
	one.Importance = widget.HighImportance
	closeBtn := widget.NewButtonWithIcon(words.T("Close"), theme.CancelIcon(), func() { d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), closeBtn, book, one)
	content := container.NewBorder(container.NewVBox(summary, why), buttons, nil, nil, list)
	d = dialog.NewCustomWithoutButtons(words.T("Check %s", filepath.Base(s.book.path)), content, s.win)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
}

// showBookLine fills a line of the check's list: a heading in bold, or a finding with
// its icon.
func showBookLine(l bookLine, box *fyne.Container) {
	label, icon := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Icon)
	switch {
	case l.heading:
		icon.SetResource(theme.GridIcon())
	case l.finding.Severity == sheets.Error:
		icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	default:
		icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	}
	if label.TextStyle.Bold != l.heading {
		label.TextStyle.Bold = l.heading
		label.Refresh()
	}
	setText(label, l.text)
}

// goToBookLine shows a line's sheet, with the cursor on its finding's cell.
func (s *Shell) goToBookLine(l bookLine) {
	s.selectObject(l.key)
	s.nav.tree.Select(bookLeafID(l.key))
	if !l.heading {
		s.ed.GoTo(l.finding.Row-2, max(l.finding.Col, 0))
	}
}

// bookView is the view that submits a workbook as one job (View.SubmitBook); nil when
// there is none.
func (s *Shell) bookView() *View {
	for i := range s.views {
		if s.views[i].SubmitBook != nil {
			return &s.views[i]
		}
	}
	return nil
}

// submitBook hands the workbook's sheets, as edited, to the view that submits it: the
// cell being typed is committed first, and the sheets go in the workbook's order.
func (s *Shell) submitBook() {
	v := s.bookView()
	if v == nil || s.book == nil {
		return
	}
	s.ed.Commit()
	var ss []*sheets.Sheet
	for _, k := range s.book.keys {
		if o := s.ed.Get(k); o != nil {
			ss = append(ss, o.Sheet())
		}
	}
	s.ShowView(v.Title)
	v.SubmitBook(s.book.name(), ss)
}

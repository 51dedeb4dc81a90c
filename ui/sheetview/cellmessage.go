package sheetview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/words"
)

// cellMessage shows, under the cell bar, everything the cursor's cell has to say: each of
// its findings in full, wrapped ("did you mean …" included), where the status bar has room
// for one line only. It is hidden while the cell is fine.
type cellMessage struct {
	icon    *widget.Icon
	text    *widget.Label
	content *fyne.Container
	around  func() fyne.CanvasObject // the container to lay out again when the height changes
}

func newCellMessage(around func() fyne.CanvasObject) *cellMessage {
	m := &cellMessage{icon: widget.NewIcon(nil), text: widget.NewLabel(""), around: around}
	m.text.Wrapping = fyne.TextWrapWord
	m.content = container.NewBorder(nil, nil, container.NewVBox(m.icon), nil, m.text)
	m.content.Hide()
	return m
}

// show shows the findings of the cursor's cell, one a line.
func (m *cellMessage) show(fs []sheets.Finding) { m.showWith(fs, "") }

// showWith shows the findings and, after them, what a check found the job changes in
// the cell ("was: Sales Agent"), which alone shows as information.
func (m *cellMessage) showWith(fs []sheets.Finding, change string) {
	if len(fs) == 0 && change != "" {
		m.icon.SetResource(theme.InfoIcon())
		m.text.Importance = widget.MediumImportance
		m.set(change)
		return
	}
	if len(fs) == 0 {
		if m.content.Visible() {
			m.text.SetText("")
			m.content.Hide()
			m.around().Refresh()
		}
		return
	}
	var lines []string
	for _, f := range fs {
		lines = append(lines, words.Message(f))
	}
	if change != "" {
		lines = append(lines, change)
	}
	text := strings.Join(lines, "\n")
	if worst(fs) == sevError {
		m.icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		m.text.Importance = widget.DangerImportance
	} else {
		m.icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
		m.text.Importance = widget.WarningImportance
	}
	m.set(text)
}

// set shows text, laying the editor out again when it appears or changes.
func (m *cellMessage) set(text string) {
	if m.text.Text != text || !m.content.Visible() {
		m.text.SetText(text)
		m.content.Show()
		m.around().Refresh()
	}
}

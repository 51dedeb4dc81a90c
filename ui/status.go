package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/ui/sheetview"
	"github.com/bulkops/bulkops/ui/words"
)

// statusBar shows the connection, what the cursor's cell has to say (its findings, or the
// column's description), and the counts of the sheet shown.
type statusBar struct {
	s       *Shell
	connIcn *widget.Icon
	conn    *tipLabel // the organization; who is signed in, and its id, in the tip
	icon    *widget.Icon
	message *tipLabel // one line; the whole text in its tip (and under the cell bar)
	counts  *widget.Label
	noted   string // a passing note ("Pasted 3 × 2 cells"), shown until the cursor moves
	content fyne.CanvasObject
}

func newStatusBar(s *Shell) *statusBar {
	b := &statusBar{s: s}
	b.connIcn = widget.NewIcon(theme.ComputerIcon())
	b.conn = newTipLabel(s.tips)
	b.showConnection(s.conn)
	b.icon = widget.NewIcon(nil)
	b.message = newTipLabel(s.tips)
	b.message.Truncation = fyne.TextTruncateEllipsis
	b.counts = widget.NewLabel("")
	left := container.NewHBox(b.connIcn, b.conn, widget.NewSeparator())
	right := container.NewHBox(widget.NewSeparator(), b.counts)
	b.content = container.NewBorder(widget.NewSeparator(), nil, left, right,
		container.NewBorder(nil, nil, b.icon, nil, b.message))
	return b
}

// note shows a passing message until the cursor next moves.
func (b *statusBar) note(msg string) {
	b.noted = msg
	b.icon.SetResource(theme.InfoIcon())
	b.message.say(msg)
}

// refresh shows the cursor cell's findings and the sheet's counts.
func (b *statusBar) refresh() {
	b.noted = ""
	o := b.s.ed.Current()
	if o == nil {
		b.s.ed.ShowCursorFindings()
		b.icon.SetResource(nil)
		b.message.say("")
		b.counts.SetText("")
		b.content.Refresh()
		return
	}
	sh := o.Sheet()
	errs, warns := b.s.ed.Counts(o)
	counts := words.T("Records: %d · Errors: %d · Warnings: %d", len(sh.Rows), errs, warns)
	if b.counts.Text != counts {
		b.counts.SetText(counts)
		b.content.Refresh() // relayout: the text's width changed
	}
	fs := b.s.ed.ShowCursorFindings()
	b.icon.SetResource(sheetview.FindingsIcon(fs))
	var msgs []string
	for _, f := range fs {
		msgs = append(msgs, words.Message(f))
	}
	b.message.say(strings.Join(msgs, " · "))
}

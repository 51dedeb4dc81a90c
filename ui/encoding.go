package ui

import (
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/ui/words"
)

// textEncodings are offered when a file's encoding was a guess: those Excel writes, then
// the common ones of other scripts. Any other a reader knows may be given on the CLI.
var textEncodings = []string{sheets.UTF8, sheets.Windows1250, sheets.Windows1252, sheets.UTF16LE, sheets.UTF16BE,
	"iso-8859-2", "windows-1251", "shift_jis", "euc-jp", "gbk", "big5", "euc-kr"}

// guessedEncoding returns how the file's text was decoded when that was a guess worth a
// question — too few letters to tell, text that fits no language, or lines in another
// encoding than the rest — and the user has not chosen one. A sure guess asks nothing.
func guessedEncoding(r readResult) *sheets.Decoding {
	if r.encoding != "" {
		return nil
	}
	for _, sh := range r.sheets {
		d := sh.Decoded
		if d != nil && ((d.Guessed && (d.Other != "" || d.Garbled)) || len(d.Repaired) > 0) {
			return d
		}
	}
	return nil
}

// askEncoding asks, before a file is opened, in which encoding it is, offering the one
// guessed (or the one its bytes fit, for text that read as garbage). Keeping the guess
// makes it a choice; another reads the file again in that encoding.
func (s *Shell) askEncoding(r readResult, d *sheets.Decoding) {
	choices := textEncodings
	if !slices.Contains(choices, d.Encoding) {
		choices = append([]string{d.Encoding}, choices...)
	}
	pick := widget.NewSelect(choices, nil)
	pick.SetSelected(d.Encoding)
	if d.Garbled && len(d.Suggest) > 0 && slices.Contains(choices, d.Suggest[0]) {
		pick.SetSelected(d.Suggest[0])
	}
	file := filepath.Base(r.path)
	why := words.T("Bulkops guessed that %s is in %s, but cannot be sure; the cells the guess touched are marked. Choose the file's encoding.", file, d.Encoding)
	items := []*widget.FormItem{
		widget.NewFormItem("", widget.NewLabelWithStyle(why, fyne.TextAlignLeading, fyne.TextStyle{})),
		widget.NewFormItem(words.T("Encoding"), pick),
	}
	items[0].Widget.(*widget.Label).Wrapping = fyne.TextWrapWord
	dlg := dialog.NewForm(words.T("In which encoding is %s?", file),
		words.T("Open"), words.T("Cancel"), items, func(ok bool) {
			switch {
			case !ok:
			case pick.Selected == d.Encoding && len(d.Repaired) > 0:
				// UTF-8 with foreign lines: what was read is the choice, the repaired
				// lines keep their warnings (read as UTF-8 alone, they would not read).
				r.encoding = d.Encoding
				s.opened(r)
			default: // read again as chosen: no longer a guess
				s.reopen(r.path, pick.Selected)
			}
		}, s.win)
	dlg.Resize(fyne.NewSize(520, 0))
	dlg.Show()
}

// reopen reads a file again in the encoding the user chose, off the UI goroutine.
func (s *Shell) reopen(path, encoding string) {
	s.status.note(words.T("Opening %s…", filepath.Base(path)))
	s.async(func() {
		r := readPath(path, encoding, "")
		fyne.Do(func() { s.opened(r) })
	})
}

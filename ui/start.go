package ui

import (
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/words"
)

const (
	prefRecent = "recentFiles" // the files opened or saved last, newest first
	maxRecent  = 8
)

// startPage is what the window shows when no object type is chosen, on a first start
// among others: the ways to begin (open a file, start from a template, export from the
// organization) and the files opened last.
type startPage struct {
	s        *Shell
	template *widget.Select // the object type to start a template of
	keys     []string       // object type keys, in the select's order
	tasks    *fyne.Container
	recent   *fyne.Container
	content  fyne.CanvasObject
}

func newStartPage(s *Shell) *startPage {
	p := &startPage{s: s}
	var titles []string
	for _, o := range catalog.All() {
		if o.Format == catalog.FormatCSV {
			p.keys = append(p.keys, o.Key)
			titles = append(titles, objectTitle(o))
		}
	}
	p.template = widget.NewSelect(titles, nil)
	p.template.PlaceHolder = words.T("Choose an object type")
	title := widget.NewLabel(words.T("What would you like to do?"))
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	open := widget.NewButtonWithIcon(words.T("Open a file…"), theme.FolderOpenIcon(), s.openDialog)
	open.Importance = widget.HighImportance
	fromTemplate := widget.NewButtonWithIcon(words.T("Start from a template"), theme.DocumentCreateIcon(), p.startTemplate)
	p.tasks = container.NewVBox(
		task(open, words.T("A CSV or XLSX sheet, a zip of them, or a Control Hub error file. You can also drop files on the window.")),
		task(container.NewHBox(fromTemplate, p.template), words.T("An empty sheet with the columns Control Hub expects for the object type.")))
	recentTitle := widget.NewLabel(words.T("Recent files"))
	recentTitle.TextStyle.Bold = true
	p.recent = container.NewVBox()
	body := container.NewVBox(title, p.tasks, widget.NewSeparator(), recentTitle, p.recent)
	p.content = container.NewVScroll(container.NewPadded(body))
	return p
}

// task is a way to begin: its button and a line saying what it does.
func task(button fyne.CanvasObject, note string) fyne.CanvasObject {
	l := widget.NewLabel(note)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return container.NewVBox(container.NewHBox(button), l)
}

// addTask offers a view's way to begin; running it shows the view first.
func (p *startPage) addTask(v View, t Task) {
	b := widget.NewButtonWithIcon(t.Label, t.Icon, func() {
		p.s.ShowView(v.Title)
		t.Run()
	})
	p.tasks.Add(task(b, t.Note))
}

// startTemplate starts an empty sheet of the object type chosen.
func (p *startPage) startTemplate() {
	i := p.template.SelectedIndex()
	if i < 0 {
		p.s.status.note(words.T("Choose the object type of the sheet first"))
		p.s.win.Canvas().Focus(p.template)
		return
	}
	p.s.selectObject(p.keys[i])
	p.s.nav.tree.Select(leafID(p.keys[i]))
	p.s.newSheet()
}

// refresh lists the recent files, those still there.
func (p *startPage) refresh() {
	p.recent.RemoveAll()
	for _, path := range p.s.recentFiles() {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		path := path
		b := widget.NewButtonWithIcon(filepath.Base(path), theme.FileIcon(), func() { p.s.openPaths([]string{path}) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		dir := widget.NewLabel(filepath.Dir(path))
		dir.Importance = widget.LowImportance
		dir.Truncation = fyne.TextTruncateEllipsis
		p.recent.Add(container.NewBorder(nil, nil, b, nil, dir))
	}
	if len(p.recent.Objects) == 0 {
		none := widget.NewLabel(words.T("None yet: the files you open or save are listed here."))
		none.Importance = widget.LowImportance
		p.recent.Add(none)
	}
	p.recent.Refresh()
}

// recentFiles returns the files opened or saved last, newest first.
func (s *Shell) recentFiles() []string { return s.app.Preferences().StringList(prefRecent) }

// remember puts a file at the top of the recent files.
func (s *Shell) remember(path string) {
	if path == "" {
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(s.recentFiles(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	s.app.Preferences().SetStringList(prefRecent, list)
}

// showStart shows the start page: no object type is chosen.
func (s *Shell) showStart() {
	s.ed.Show("")
	s.selected = ""
	s.nav.tree.UnselectAll()
	s.start.refresh()
	s.center.Objects = []fyne.CanvasObject{s.start.content}
	s.center.Refresh()
	s.status.refresh()
	s.updateTitle()
}

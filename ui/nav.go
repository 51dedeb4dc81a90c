package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/words"
)

// groupOrder is the order of the navigation's groups; a group the catalog adds later
// comes after these.
var groupOrder = []string{"Routing", "People & teams", "Desktop", "Media", "Schedules"}

// navigator lists every object type of the catalog by group, each with the number of
// records of its open sheet and, marked ✕, the number of its errors. Choosing one shows
// its sheet.
type navigator struct {
	s       *Shell
	tree    *widget.Tree
	groups  []string
	byGroup map[string][]string // object keys, in catalog order
	content fyne.CanvasObject
}

const (
	groupPrefix = "g:"
	leafPrefix  = "o:"
	// The workbook opened as a whole is a group of its own, first, its sheets' types
	// in dependency order under it (and in their groups too).
	bookID         = "b:"
	bookLeafPrefix = "w:"
)

func leafID(key string) string { return leafPrefix + key }

func bookLeafID(key string) string { return bookLeafPrefix + key }

// leafKey is the object type key of a leaf, of a group or of the workbook.
func leafKey(id widget.TreeNodeID) (string, bool) {
	if key, ok := strings.CutPrefix(id, leafPrefix); ok {
		return key, true
	}
	return strings.CutPrefix(id, bookLeafPrefix)
}

func newNavigator(s *Shell) *navigator {
	n := &navigator{s: s, byGroup: map[string][]string{}}
	var others []string
	for _, o := range catalog.All() {
		if _, ok := n.byGroup[o.Group]; !ok && !contains(groupOrder, o.Group) {
			others = append(others, o.Group)
		}
		n.byGroup[o.Group] = append(n.byGroup[o.Group], o.Key)
	}
	for _, g := range slices.Concat(groupOrder, others) {
		if len(n.byGroup[g]) > 0 {
			n.groups = append(n.groups, g)
		}
	}
	n.tree = widget.NewTree(n.children, n.isBranch, n.create, n.update)
	n.tree.OnSelected = func(id widget.TreeNodeID) {
		if key, ok := leafKey(id); ok && key != s.selected {
			s.selectObject(key)
		}
	}
	n.tree.OpenAllBranches()
	title := widget.NewLabel(words.T("Object types"))
	title.TextStyle.Bold = true
	n.content = container.New(atLeast{n.width()}, container.NewBorder(title, nil, nil, nil, n.tree))
	return n
}

// width is what the list needs to show every object type's name whole, with its counts:
// the split keeps at least this much, so a small window shortens the sheet, not the names.
func (n *navigator) width() float32 {
	size := theme.TextSize()
	w := float32(0)
	for _, o := range catalog.All() {
		w = max(w, fyne.MeasureText(objectTitle(o), size, fyne.TextStyle{}).Width)
	}
	counts := fyne.MeasureText("00000✕ 000", size, fyne.TextStyle{Bold: true}).Width
	// The tree indents a leaf by an icon and paddings; each label pads both sides.
	return w + counts + theme.IconInlineSize() + 10*theme.InnerPadding()
}

// atLeast lays its objects over each other, as a stack, and asks for at least a width.
type atLeast struct{ width float32 }

func (l atLeast) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

func (l atLeast) MinSize(objs []fyne.CanvasObject) fyne.Size {
	min := fyne.NewSize(l.width, 0)
	for _, o := range objs {
		min = min.Max(o.MinSize())
	}
	return min
}

func (n *navigator) children(id widget.TreeNodeID) []widget.TreeNodeID {
	if id == "" {
		var out []string
		if n.s.book != nil {
			out = append(out, bookID)
		}
		for _, g := range n.groups {
			out = append(out, groupPrefix+g)
		}
		return out
	}
	if id == bookID {
		var out []string
		if n.s.book != nil {
			for _, k := range n.s.book.keys {
				out = append(out, bookLeafID(k))
			}
		}
		return out
	}
	g, ok := strings.CutPrefix(id, groupPrefix)
	if !ok {
		return nil
	}
	var out []string
	for _, k := range n.byGroup[g] {
		out = append(out, leafID(k))
	}
	return out
}

func (n *navigator) isBranch(id widget.TreeNodeID) bool {
	return id == "" || id == bookID || strings.HasPrefix(id, groupPrefix)
}

func (n *navigator) create(branch bool) fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	if branch {
		name.TextStyle.Bold = true
		return name
	}
	records := widget.NewLabel("")
	records.Importance = widget.LowImportance
	errs := widget.NewLabel("")
	errs.Importance = widget.DangerImportance
	errs.TextStyle.Bold = true
	return container.NewBorder(nil, nil, nil, container.NewHBox(records, errs), name)
}

func (n *navigator) update(id widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
	if branch {
		if id == bookID {
			if n.s.book != nil {
				setText(o.(*widget.Label), n.s.book.name())
			}
			return
		}
		g, _ := strings.CutPrefix(id, groupPrefix)
		setText(o.(*widget.Label), words.Text(g))
		return
	}
	key, _ := leafKey(id)
	obj, _ := catalog.Lookup(key)
	box := o.(*fyne.Container)
	setText(box.Objects[0].(*widget.Label), objectTitle(obj))
	counts := box.Objects[1].(*fyne.Container)
	records, errs := counts.Objects[0].(*widget.Label), counts.Objects[1].(*widget.Label)
	rec, bad := "", ""
	if open := n.s.ed.Get(key); open != nil {
		sh := open.Sheet()
		rec = strconv.Itoa(len(sh.Rows))
		if e, _ := n.s.ed.Counts(open); e > 0 {
			bad = "✕ " + strconv.Itoa(e)
		}
	}
	if records.Text != rec || errs.Text != bad {
		records.SetText(rec)
		errs.SetText(bad)
		box.Refresh() // relayout: the numbers' width changed
	}
}

// refreshCounts repaints the counts of every object type.
func (n *navigator) refreshCounts() { n.tree.Refresh() }

// refreshCount repaints the counts of one object type, after an edit of its sheet.
func (n *navigator) refreshCount(key string) {
	n.tree.RefreshItem(leafID(key))
	if n.s.book.has(key) {
		n.tree.RefreshItem(bookLeafID(key))
	}
}

// showBook shows the workbook's group as it is now (opened, a sheet gone, saved under
// another name), open; or no group once there is no workbook.
func (n *navigator) showBook() {
	if n.s.book != nil {
		n.tree.OpenBranch(bookID)
	}
	n.tree.Refresh()
}

// setText changes a label's text only when it differs: a label lays its text out again
// on every change, which is slow enough to feel while typing.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

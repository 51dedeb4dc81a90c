package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pageTabs is the window's page switcher (Sheets, Bulk operations, Connections): a row
// of tabs above the page in front, as container.AppTabs draws it, but the row takes the
// keyboard. AppTabs' tabs are never reached with Tab (issue 23, point 1); here Tab
// reaches the row, Left and Right move between the tabs, Enter or Space brings the
// marked one to the front with the keyboard in it. Ctrl+1, Ctrl+2… stay in the View menu.
type pageTabs struct {
	Items []*container.TabItem
	// OnSelected is told of the page brought to the front (also when it was in front
	// already and chosen again from the row: it then takes the keyboard).
	OnSelected func(*container.TabItem)

	selected int
	bar      *tabBar
	page     *fyne.Container // the content of the page in front
	content  *fyne.Container // the row above the page
}

func newPageTabs(items ...*container.TabItem) *pageTabs {
	t := &pageTabs{page: container.NewStack()}
	t.bar = newTabBar(t)
	// The row first, so that Tab from nowhere reaches it before the page.
	t.content = container.New(layout.NewBorderLayout(t.bar, nil, nil, nil), t.bar, t.page)
	for _, it := range items {
		t.Append(it)
	}
	return t
}

// Append adds a page at the end; the first page added is in front.
func (t *pageTabs) Append(it *container.TabItem) {
	t.Items = append(t.Items, it)
	if len(t.Items) == 1 {
		t.page.Objects = []fyne.CanvasObject{it.Content}
		t.page.Refresh()
	}
	t.bar.Refresh()
}

// SelectedIndex is the index of the page in front.
func (t *pageTabs) SelectedIndex() int { return t.selected }

// Selected is the page in front, nil when there is none.
func (t *pageTabs) Selected() *container.TabItem {
	if t.selected < len(t.Items) {
		return t.Items[t.selected]
	}
	return nil
}

// SelectIndex brings page i to the front and tells OnSelected; nothing happens when it
// is in front already (as AppTabs does).
func (t *pageTabs) SelectIndex(i int) {
	if i < 0 || i >= len(t.Items) || i == t.selected {
		return
	}
	t.selected = i
	t.bar.mark = i
	t.page.Objects = []fyne.CanvasObject{t.Items[i].Content}
	t.page.Refresh()
	t.bar.Refresh()
	if t.OnSelected != nil {
		t.OnSelected(t.Items[i])
	}
}

// choose brings page i to the front as the user chose it (a click, Enter on the row):
// chosen again, the page in front takes the keyboard.
func (t *pageTabs) choose(i int) {
	if i == t.selected {
		if t.OnSelected != nil && i < len(t.Items) {
			t.OnSelected(t.Items[i])
		}
		return
	}
	t.SelectIndex(i)
}

// tabBar is the row of tabs; it takes the keyboard as one stop of the focus chain.
type tabBar struct {
	widget.BaseWidget
	tabs    *pageTabs
	mark    int // the tab the keyboard is on
	focused bool
	row     *fyne.Container
}

var _ fyne.Focusable = (*tabBar)(nil)

func newTabBar(t *pageTabs) *tabBar {
	b := &tabBar{tabs: t, row: container.NewHBox()}
	b.ExtendBaseWidget(b)
	return b
}

func (b *tabBar) CreateRenderer() fyne.WidgetRenderer {
	b.build()
	line := canvas.NewRectangle(theme.Color(theme.ColorNameShadow))
	line.SetMinSize(fyne.NewSize(1, 1))
	return widget.NewSimpleRenderer(container.NewBorder(nil, line, nil, nil, b.row))
}

// Refresh draws the tabs again from the pages, the one in front and the mark.
func (b *tabBar) Refresh() {
	b.build()
	b.BaseWidget.Refresh()
}

func (b *tabBar) build() {
	objs := make([]fyne.CanvasObject, len(b.tabs.Items))
	for i, it := range b.tabs.Items {
		objs[i] = newPageTab(b, i, it, i == b.tabs.selected, b.focused && i == b.mark)
	}
	b.row.Objects = objs
	b.row.Refresh()
}

func (b *tabBar) FocusGained() {
	b.focused = true
	b.mark = b.tabs.selected
	b.Refresh()
}

func (b *tabBar) FocusLost() {
	b.focused = false
	b.Refresh()
}

// TypedRune brings the marked page to the front on Space. The space, not its key: the
// driver sends the key first, then the character to whatever has the keyboard by then;
// chosen on the key, the page would get the space (and type it into the grid).
func (b *tabBar) TypedRune(r rune) {
	if r == ' ' && len(b.tabs.Items) > 0 {
		b.tabs.choose(b.mark)
	}
}

// TypedKey moves the mark with the arrows (round the ends), Home and End, and brings
// the marked page to the front with Enter.
func (b *tabBar) TypedKey(ev *fyne.KeyEvent) {
	n := len(b.tabs.Items)
	if n == 0 {
		return
	}
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyUp:
		b.mark = (b.mark - 1 + n) % n
	case fyne.KeyRight, fyne.KeyDown:
		b.mark = (b.mark + 1) % n
	case fyne.KeyHome:
		b.mark = 0
	case fyne.KeyEnd:
		b.mark = n - 1
	case fyne.KeyReturn, fyne.KeyEnter:
		b.tabs.choose(b.mark)
		return
	default:
		return
	}
	b.Refresh()
}

// pageTab is one tab of the row: its icon and title, underlined when its page is in
// front, on the focus colour when the keyboard is on it.
type pageTab struct {
	widget.BaseWidget
	bar              *tabBar
	index            int
	item             *container.TabItem
	selected, marked bool
	hovered          bool
}

var (
	_ fyne.Tappable     = (*pageTab)(nil)
	_ desktop.Hoverable = (*pageTab)(nil)
)

func newPageTab(b *tabBar, i int, it *container.TabItem, selected, marked bool) *pageTab {
	t := &pageTab{bar: b, index: i, item: it, selected: selected, marked: marked}
	t.ExtendBaseWidget(t)
	return t
}

func (t *pageTab) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = theme.SelectionRadiusSize()
	under := canvas.NewRectangle(color.Transparent)
	text := canvas.NewText(t.item.Text, theme.Color(theme.ColorNameForeground))
	icon := canvas.NewImageFromResource(nil)
	icon.FillMode = canvas.ImageFillContain
	r := &pageTabRenderer{tab: t, bg: bg, under: under, text: text, icon: icon,
		objs: []fyne.CanvasObject{bg, icon, text, under}}
	r.Refresh()
	return r
}

func (t *pageTab) Tapped(*fyne.PointEvent) { t.bar.tabs.choose(t.index) }

func (t *pageTab) MouseIn(*desktop.MouseEvent)    { t.hovered = true; t.Refresh() }
func (t *pageTab) MouseMoved(*desktop.MouseEvent) {}
func (t *pageTab) MouseOut()                      { t.hovered = false; t.Refresh() }

type pageTabRenderer struct {
	tab       *pageTab
	bg, under *canvas.Rectangle
	text      *canvas.Text
	icon      *canvas.Image
	objs      []fyne.CanvasObject
}

// iconWidth is the room the icon takes, with the gap after it; none without an icon.
func (r *pageTabRenderer) iconWidth() float32 {
	if r.tab.item.Icon == nil {
		return 0
	}
	return theme.IconInlineSize() + theme.InnerPadding()/2
}

func (r *pageTabRenderer) Layout(s fyne.Size) {
	p := theme.InnerPadding()
	r.bg.Resize(s)
	is := theme.IconInlineSize()
	r.icon.Resize(fyne.NewSquareSize(is))
	r.icon.Move(fyne.NewPos(p, (s.Height-is)/2))
	ts := r.text.MinSize()
	r.text.Resize(ts)
	r.text.Move(fyne.NewPos(p+r.iconWidth(), (s.Height-ts.Height)/2))
	r.under.Resize(fyne.NewSize(s.Width, 2))
	r.under.Move(fyne.NewPos(0, s.Height-2))
}

func (r *pageTabRenderer) MinSize() fyne.Size {
	p := theme.InnerPadding()
	ts := r.text.MinSize()
	return fyne.NewSize(2*p+r.iconWidth()+ts.Width, ts.Height+2*p)
}

func (r *pageTabRenderer) Refresh() {
	t := r.tab
	switch {
	case t.marked:
		r.bg.FillColor = theme.Color(theme.ColorNameFocus)
	case t.hovered:
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	default:
		r.bg.FillColor = color.Transparent
	}
	r.text.Text = t.item.Text
	r.text.TextSize = theme.TextSize()
	r.text.TextStyle = fyne.TextStyle{Bold: t.selected}
	r.text.Color = theme.Color(theme.ColorNameForeground)
	r.under.FillColor = color.Transparent
	r.icon.Resource = nil
	if t.item.Icon != nil {
		r.icon.Resource = theme.NewThemedResource(t.item.Icon)
	}
	if t.selected {
		r.text.Color = theme.Color(theme.ColorNamePrimary)
		r.under.FillColor = theme.Color(theme.ColorNamePrimary)
		if t.item.Icon != nil {
			r.icon.Resource = theme.NewPrimaryThemedResource(t.item.Icon)
		}
	}
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *pageTabRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *pageTabRenderer) Destroy()                     {}

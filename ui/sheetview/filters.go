package sheetview

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/bulkops/bulkops/ui/words"
)

// Filters hide rows, as Excel's AutoFilter does: per column (the values to keep, text the
// value contains) and, from the findings panel, rows without findings. All that are set
// apply together; a filtered column's header is marked.

const (
	markFilter  = " ▾"
	markAsc     = " ▲"
	markDesc    = " ▼"
	maxListed   = 500 // distinct values a column's filter lists
	emptyChoice = "(empty)"
)

// colFilter keeps the rows whose value in its column is one of values (when set) and
// contains text (when set), without regard to case.
type colFilter struct {
	values   map[string]bool
	contains string
}

func (f colFilter) keeps(v string) bool {
	if f.values != nil && !f.values[v] {
		return false
	}
	return f.contains == "" || strings.Contains(strings.ToLower(v), strings.ToLower(f.contains))
}

// applyFilters shows the rows every filter of v keeps.
func (e *Editor) applyFilters(v *sheetView) {
	d := v.doc()
	if len(v.filters) == 0 && !v.findingsOnly && !v.changesOnly {
		d.ClearFilter()
	} else {
		var withFindings, withChanges []bool
		if v.findingsOnly {
			withFindings = e.rowsWithFindings(v.o)
		}
		sh := v.o.Sheet()
		if v.changesOnly {
			withChanges = v.o.changes.rows(sh)
		}
		d.Filter(func(m int) bool {
			if withFindings != nil && !withFindings[m] || withChanges != nil && !withChanges[m] {
				return false
			}
			for c, f := range v.filters {
				if !f.keeps(sh.Cell(m, c)) {
					return false
				}
			}
			return true
		})
	}
	v.refreshRows()
	e.findings.syncFilter()
	e.edited(v)
}

// clearFilters shows every row of v again.
func (e *Editor) clearFilters(v *sheetView) {
	v.filters, v.findingsOnly, v.changesOnly = nil, false, false
	e.applyFilters(v)
}

// columnValues returns the distinct values of a column, sorted, at most maxListed.
func columnValues(v *sheetView, col int) []string {
	seen := map[string]bool{}
	sh := v.o.Sheet()
	for m := range sh.Rows {
		seen[sh.Cell(m, col)] = true
	}
	var out []string
	for val := range seen {
		out = append(out, val)
	}
	slices.Sort(out)
	return out[:min(len(out), maxListed)]
}

// showColumnFilter asks which rows to keep by a column: its values, ticked, and text the
// value contains.
func (e *Editor) showColumnFilter(v *sheetView, col int) {
	values := columnValues(v, col)
	labels := make([]string, len(values))
	byLabel := map[string]string{}
	for i, val := range values {
		labels[i] = val
		if val == "" {
			labels[i] = words.T("(empty)")
		}
		byLabel[labels[i]] = val
	}
	old := v.filters[col]
	pick := widget.NewCheckGroup(labels, nil)
	for i, val := range values {
		if old.values == nil || old.values[val] {
			pick.Selected = append(pick.Selected, labels[i])
		}
	}
	contains := widget.NewEntry()
	contains.SetText(old.contains)
	contains.SetPlaceHolder(words.T("Text contains…"))
	all := widget.NewButton(words.T("Select all"), func() { pick.SetSelected(labels) })
	none := widget.NewButton(words.T("Select none"), func() { pick.SetSelected(nil) })
	list := container.NewVScroll(pick)
	list.SetMinSize(fyne.NewSize(320, 260))
	body := container.NewBorder(container.NewVBox(contains, container.NewHBox(all, none)), nil, nil, nil, list)
	header := v.o.Sheet().Columns[col].Header
	d := dialog.NewCustomConfirm(words.T("Filter by %s", header),
		words.T("Filter"), words.T("Cancel"), body, func(ok bool) {
			if !ok {
				return
			}
			f := colFilter{contains: strings.TrimSpace(contains.Text)}
			if len(pick.Selected) < len(labels) {
				f.values = map[string]bool{}
				for _, l := range pick.Selected {
					f.values[byLabel[l]] = true
				}
			}
			if f.values == nil && f.contains == "" {
				delete(v.filters, col)
			} else {
				if v.filters == nil {
					v.filters = map[int]colFilter{}
				}
				v.filters[col] = f
			}
			e.applyFilters(v)
		}, e.host.Window())
	d.Show()
	e.host.Window().Canvas().Focus(contains)
}

// headerMarks are the marks after a column's name: its sort order, its filter.
func (v *sheetView) headerMarks(col int) string {
	mark := ""
	if v.sortCol == col {
		mark = markAsc
		if v.sortDesc {
			mark = markDesc
		}
	}
	if _, ok := v.filters[col]; ok {
		mark += markFilter
	}
	return mark
}

package grid

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Sort orders the records by column col as one undoable change. On a parent/child sheet
// each group moves as a whole, placed by its parent row. Equal values keep their order
// and empty cells go last either way. It reports whether the order changed.
func (d *Document) Sort(col int, descending bool) bool {
	if col < 0 || col >= d.Cols() {
		return false
	}
	type unit struct {
		start, end int
		key        sortKey
	}
	var units []unit
	d.ensureGroups()
	for s := 0; s < len(d.sheet.Rows); {
		_, e := d.group(s)
		units = append(units, unit{s, e, keyOf(d.sheet.Cell(s, col))})
		s = e
	}
	slices.SortStableFunc(units, func(a, b unit) int {
		if a.key.empty || b.key.empty {
			return cmp.Compare(btoi(a.key.empty), btoi(b.key.empty))
		}
		c := a.key.compare(b.key)
		if descending {
			c = -c
		}
		return c
	})
	order := make([]int, 0, len(d.sheet.Rows))
	for _, u := range units {
		for r := u.start; r < u.end; r++ {
			order = append(order, r)
		}
	}
	moved := false
	for i, o := range order {
		if i != o {
			moved = true
			break
		}
	}
	if !moved {
		return false
	}
	d.do(&permute{order: order})
	return true
}

// sortKey is a cell prepared for comparing: numbers by value, text without regard to case.
type sortKey struct {
	empty   bool
	isNum   bool
	num     float64
	folded  string
	literal string
}

func keyOf(v string) sortKey {
	v = strings.TrimSpace(v)
	k := sortKey{empty: v == "", folded: strings.ToLower(v), literal: v}
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		k.isNum, k.num = true, f
	}
	return k
}

func (a sortKey) compare(b sortKey) int {
	switch {
	case a.isNum && b.isNum:
		return cmp.Compare(a.num, b.num)
	case a.isNum != b.isNum:
		return cmp.Compare(btoi(!a.isNum), btoi(!b.isNum)) // numbers before text
	}
	if c := strings.Compare(a.folded, b.folded); c != 0 {
		return c
	}
	return strings.Compare(a.literal, b.literal)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

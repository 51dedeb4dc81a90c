package sheets

import (
	"fmt"
	"strconv"
	"strings"
)

// checkRow checks one record: its filled cells, required and conditionally required or
// forbidden values, where the values of a parent/child group belong, and values beyond the
// header. child says the record continues the group of the record above it.
func checkRow(l *checkLayout, file string, r int, cells []string, child bool, refs refResolver) rowOut {
	o := rowOut{file: file, row: RowNumber(r)}
	if extra := lastFilled(cells) + 1; extra > len(l.cols) {
		o.add(-1, "", Error, fmt.Sprintf("this row has %d values but the header has %d columns; the values after column %d would be lost",
			extra, len(l.cols), len(l.cols)))
	}
	if lastFilled(cells) < 0 {
		o.add(-1, "", Error, "the row is empty; delete it or fill it in")
		return o
	}
	for i := range l.cols {
		c := &l.cols[i]
		v := rowCell(cells, i)
		if v != "" {
			checkText(&o, i, c, v, l.decoded)
		}
		if c.spec == nil || l.dupOf[i] >= 0 {
			continue
		}
		filled := strings.TrimSpace(v) != ""
		if !c.key && l.group && c.child != child {
			if filled {
				o.add(i, c.header, Error, misplaced(l, c, cells, child))
			}
			continue
		}
		if !filled {
			if msg := missingValue(c, cells); msg != "" {
				o.add(i, c.header, Error, msg)
			}
			continue
		}
		if cond, ok := firstHolding(c.forbWhen, cells); ok {
			o.add(i, c.header, Error, fmt.Sprintf("%s must be empty when %s", c.header, cond.describe(cells)))
			continue
		}
		checkCell(&o, i, c, v, refs)
	}
	for _, a := range l.absent {
		if l.group && a.child != child {
			continue
		}
		if cond, ok := firstHolding(a.reqWhen, cells); ok {
			o.add(-1, "", Error, fmt.Sprintf("%s is required when %s, but the sheet has no %s column", a.header, cond.describe(cells), a.header))
		}
	}
	if child && len(l.child) > 0 && !anyFilled(cells, l.child) {
		o.add(-1, "", Error, fmt.Sprintf("this row repeats %s %s but fills none of %s",
			l.title, strconv.Quote(groupName(l, cells)), joinOr(headersOf(l, l.child))))
	}
	return o
}

// missingValue says why an empty cell is wrong, or "" when it may stay empty.
func missingValue(c *checkCol, cells []string) string {
	if c.spec.Required {
		return c.header + " is required"
	}
	if cond, ok := firstHolding(c.reqWhen, cells); ok {
		return fmt.Sprintf("%s is required when %s", c.header, cond.describe(cells))
	}
	return ""
}

// misplaced explains a value on the wrong row of a parent/child group.
func misplaced(l *checkLayout, c *checkCol, cells []string, child bool) string {
	name := strconv.Quote(groupName(l, cells))
	if child {
		return fmt.Sprintf("%s goes on the first row of %s %s only; leave it empty on the rows that follow", c.header, l.title, name)
	}
	return fmt.Sprintf("%s goes on the rows that follow the first row of %s %s, one row each, not on the first row", c.header, l.title, name)
}

func firstHolding(cs []checkCond, cells []string) (checkCond, bool) {
	for _, c := range cs {
		if c.holds(cells) {
			return c, true
		}
	}
	return checkCond{}, false
}

// groupName is the name a row's group goes by: its first key column.
func groupName(l *checkLayout, cells []string) string {
	if len(l.keys) == 0 {
		return ""
	}
	return strings.TrimSpace(rowCell(cells, l.keys[0]))
}

func rowCell(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

func lastFilled(cells []string) int {
	for i := len(cells) - 1; i >= 0; i-- {
		if strings.TrimSpace(cells[i]) != "" {
			return i
		}
	}
	return -1
}

func anyFilled(cells []string, cols []int) bool {
	for _, i := range cols {
		if strings.TrimSpace(rowCell(cells, i)) != "" {
			return true
		}
	}
	return false
}

func headersOf(l *checkLayout, cols []int) []string {
	h := make([]string, len(cols))
	for i, c := range cols {
		h[i] = l.cols[c].header
	}
	return h
}

// joinOr joins headers: "A", "A or B", "A, B or C" (as in "fills none of …").
func joinOr(vs []string) string {
	if len(vs) <= 2 {
		return strings.Join(vs, " or ")
	}
	return strings.Join(vs[:len(vs)-1], ", ") + " or " + vs[len(vs)-1]
}

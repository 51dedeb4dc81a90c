package sheets

import (
	"github.com/bulkops/bulkops/internal/i18n"

	"strconv"
	"strings"
)

// checkRow checks one record: its filled cells, required and conditionally required or
// forbidden values, where the values of a parent/child group belong, and values beyond the
// header. child says the record continues the group of the record above it.
func checkRow(l *checkLayout, file string, r int, cells []string, child bool, refs refResolver) rowOut {
	o := rowOut{file: file, row: RowNumber(r)}
	if extra := lastFilled(cells) + 1; extra > len(l.cols) {
		o.add(-1, "", Error, i18n.M("this row has %d values but the header has %d columns; the values after column %d would be lost",
			extra, len(l.cols), len(l.cols)))
	}
	if lastFilled(cells) < 0 {
		o.add(-1, "", Error, i18n.M("the row is empty; delete it or fill it in"))
		return o
	}
	del := l.deleting(&o, cells)
	for i := range l.cols {
		c := &l.cols[i]
		if del && !c.key {
			continue // a delete names its record; the other columns are not sent
		}
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
			if msg := missingValue(c, cells); !msg.IsZero() {
				o.add(i, c.header, Error, msg)
			} else if c.onCreate {
				missingOnCreate(&o, l, i, cells, refs)
			}
			continue
		}
		if cond, ok := firstHolding(c.forbWhen, cells); ok {
			o.add(i, c.header, Error, i18n.M("%s must be empty when %s", c.header, cond.describe(cells)))
			continue
		}
		checkCell(&o, i, c, v, refs)
	}
	for _, a := range l.absent {
		if del || l.group && a.child != child {
			continue
		}
		if a.always {
			o.add(-1, "", Error, i18n.M("%s is required, but the sheet has no %[1]s column (only a record marked %s in %s may go without it)", a.header, DeleteMark, ActionHeader))
			continue
		}
		if cond, ok := firstHolding(a.reqWhen, cells); ok {
			o.add(-1, "", Error, i18n.M("%s is required when %s, but the sheet has no %[1]s column", a.header, cond.describe(cells)))
		}
	}
	if child && !del && len(l.child) > 0 && !anyFilled(cells, l.child) {
		o.add(-1, "", Error, i18n.M("this row repeats %s %s but fills none of %s",
			l.noun, strconv.Quote(groupName(l, cells)), joinOr(headersOf(l, l.child))))
	}
	return o
}

// missingOnCreate reports an empty cell whose field Webex needs to create a record: an
// error when the organization's list of the type shows the record is new, else (it may
// be an update, which keeps the stored value) a warning, so the sheet names every such
// field at once rather than the job one per submit.
func missingOnCreate(o *rowOut, l *checkLayout, i int, cells []string, refs refResolver) {
	c := &l.cols[i]
	msg := i18n.M("%s is required to create a new %s: Webex refuses one without it", c.header, l.noun)
	exists, known := false, false
	if k := strings.TrimSpace(keyOf(l, cells)); k != "" {
		exists, known = refs.inOrg(l.obj.Key, k)
	}
	switch {
	case known && !exists:
		o.add(i, c.header, Error, msg)
	case !known:
		o.add(i, c.header, Warning, msg)
	}
}

// missingValue says why an empty cell is wrong, or nothing when it may stay empty.
func missingValue(c *checkCol, cells []string) i18n.Msg {
	if c.spec.Required {
		return i18n.M("%s is required", c.header)
	}
	if cond, ok := firstHolding(c.reqWhen, cells); ok {
		return i18n.M("%s is required when %s", c.header, cond.describe(cells))
	}
	return i18n.Msg{}
}

// misplaced explains a value on the wrong row of a parent/child group.
func misplaced(l *checkLayout, c *checkCol, cells []string, child bool) i18n.Msg {
	name := strconv.Quote(groupName(l, cells))
	if child {
		return i18n.M("%s goes on the first row of %s %s only; leave it empty on the rows that follow", c.header, l.noun, name)
	}
	return i18n.M("%s goes on the rows that follow the first row of %s %s, one row each, not on the first row", c.header, l.noun, name)
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
func joinOr(vs []string) i18n.Msg {
	switch len(vs) {
	case 0:
		return i18n.Raw("")
	case 1:
		return i18n.Raw(vs[0])
	}
	return i18n.M("%s or %s", strings.Join(vs[:len(vs)-1], ", "), vs[len(vs)-1])
}

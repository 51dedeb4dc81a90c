package grid

// Filter shows only the rows keep accepts, such as the rows with findings. Rows edited
// or inserted later stay shown until Filter is called again, so a row being fixed does
// not vanish under the cursor. The cursor stays on its record when that record is shown.
func (d *Document) Filter(keep func(m int) bool) {
	m := d.ModelRow(d.cursor.Row)
	d.mask = make([]bool, len(d.sheet.Rows))
	for i := range d.mask {
		d.mask[i] = keep(i)
	}
	d.rebuildView()
	d.follow(m)
}

// ClearFilter shows every row again.
func (d *Document) ClearFilter() {
	m := d.ModelRow(d.cursor.Row)
	d.mask, d.view = nil, nil
	d.follow(m)
}

// Filtered reports whether some rows may be hidden.
func (d *Document) Filtered() bool { return d.mask != nil }

// follow puts the cursor back on model row m after the view changed.
func (d *Document) follow(m int) {
	if v, ok := d.ViewRow(m); ok {
		d.Select(Cell{v, d.cursor.Col}, false)
		return
	}
	d.Select(Cell{0, d.cursor.Col}, false)
}

func (d *Document) rebuildView() {
	if d.mask == nil {
		return
	}
	d.view = d.view[:0]
	for i, shown := range d.mask {
		if shown {
			d.view = append(d.view, i)
		}
	}
}

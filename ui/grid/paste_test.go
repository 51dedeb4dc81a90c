package grid

import (
	"testing"
)

func TestPaste(t *testing.T) {
	tests := []struct {
		name      string
		rows      []string
		sel       Range
		clip      string
		want0     []string // column 0 afterwards
		want1     []string
		res       PasteResult
		selection Range
	}{
		{
			name: "excel block at the cursor", rows: []string{"a", "b", "c"}, sel: Range{1, 0, 1, 0},
			clip:  "x\t1\r\ny\t2\r\n",
			want0: []string{"a", "x", "y"}, want1: []string{"MM", "1", "2"},
			res: PasteResult{Rows: 2, Cols: 2}, selection: Range{1, 0, 2, 1},
		},
		{
			name: "runs past the end appends records", rows: []string{"a"}, sel: Range{0, 0, 0, 0},
			clip:  "x\ny\nz",
			want0: []string{"x", "y", "z"}, want1: []string{"MM", "", ""},
			res: PasteResult{Rows: 3, Cols: 1, Added: 2}, selection: Range{0, 0, 2, 0},
		},
		{
			name: "columns beyond the last are dropped", rows: []string{"a"}, sel: Range{0, 1, 0, 1},
			clip:  "p\tq\tr",
			want0: []string{"a"}, want1: []string{"p"},
			res: PasteResult{Rows: 1, Cols: 1, Dropped: 2}, selection: Range{0, 1, 0, 1},
		},
		{
			name: "one value fills the selection", rows: []string{"a", "b", "c"}, sel: Range{0, 1, 2, 1},
			clip:  "P1\r\n",
			want0: []string{"a", "b", "c"}, want1: []string{"P1", "P1", "P1"},
			res: PasteResult{Rows: 3, Cols: 1}, selection: Range{0, 1, 2, 1},
		},
		{
			name: "a block tiles a multiple", rows: []string{"a", "b", "c", "d"}, sel: Range{0, 0, 3, 0},
			clip:  "x\ny",
			want0: []string{"x", "y", "x", "y"}, want1: []string{"MM", "MM", "MM", "MM"},
			res: PasteResult{Rows: 4, Cols: 1}, selection: Range{0, 0, 3, 0},
		},
		{
			name: "on the new-record row", rows: []string{"a"}, sel: Range{1, 0, 1, 0},
			clip:  "b\tP",
			want0: []string{"a", "b"}, want1: []string{"MM", "P"},
			res: PasteResult{Rows: 1, Cols: 2, Added: 1}, selection: Range{1, 0, 1, 1},
		},
		{
			name: "empty clipboard does nothing", rows: []string{"a"}, sel: Range{0, 0, 0, 0},
			clip: "", want0: []string{"a"}, want1: []string{"MM"}, selection: Range{0, 0, 0, 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sites(t, tt.rows...)
			d.SelectRange(tt.sel)
			res := d.Paste(tt.clip)
			if res != tt.res {
				t.Errorf("result %+v, want %+v", res, tt.res)
			}
			wantColumn(t, d, 0, tt.want0...)
			wantColumn(t, d, 1, tt.want1...)
			if d.Selection() != tt.selection {
				t.Errorf("selection %v, want %v", d.Selection(), tt.selection)
			}
			// One undo takes the whole paste back.
			if tt.clip != "" {
				d.Undo()
				wantColumn(t, d, 0, tt.rows...)
			}
		})
	}
}

func TestPasteIntoFilteredRows(t *testing.T) {
	d := sites(t, "a", "b", "c", "d")
	d.Filter(func(m int) bool { return m%2 == 1 }) // shows b and d
	d.Select(Cell{0, 0}, false)
	d.Paste("x\ny\nz")
	// Visible rows take the values; the hidden ones are untouched; z is appended.
	wantColumn(t, d, 0, "a", "x", "c", "y", "z")
	if d.Rows() != 3 {
		t.Errorf("%d rows shown, want 3 (b, d and the appended one)", d.Rows())
	}
}

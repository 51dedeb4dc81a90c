package grid

import "testing"

func TestMoveAndSelect(t *testing.T) {
	d := sites(t, "a", "b", "c") // 3 rows + the new-record row, 2 columns
	steps := []struct {
		name   string
		do     func()
		cursor Cell
		sel    Range
	}{
		{"start", func() {}, Cell{0, 0}, Range{0, 0, 0, 0}},
		{"down", func() { d.Move(1, 0, false) }, Cell{1, 0}, Range{1, 0, 1, 0}},
		{"shift+right", func() { d.Move(0, 1, true) }, Cell{1, 1}, Range{1, 0, 1, 1}},
		{"shift+down past the end stops on the new row", func() { d.Move(9, 0, true) }, Cell{3, 1}, Range{1, 0, 3, 1}},
		{"up collapses", func() { d.Move(-1, 0, false) }, Cell{2, 1}, Range{2, 1, 2, 1}},
		{"left past the edge", func() { d.Move(0, -5, false) }, Cell{2, 0}, Range{2, 0, 2, 0}},
		{"end", func() { d.End(false, false) }, Cell{2, 1}, Range{2, 1, 2, 1}},
		{"ctrl+shift+home", func() { d.Home(true, true) }, Cell{0, 0}, Range{0, 0, 2, 1}},
		{"ctrl+end goes to the last record", func() { d.End(true, false) }, Cell{2, 1}, Range{2, 1, 2, 1}},
		{"shift+click above", func() { d.Select(Cell{0, 0}, true) }, Cell{0, 0}, Range{0, 0, 2, 1}},
		{"select range", func() { d.SelectRange(Range{1, 0, 2, 1}) }, Cell{1, 0}, Range{1, 0, 2, 1}},
	}
	for _, s := range steps {
		s.do()
		if d.Cursor() != s.cursor || d.Selection() != s.sel {
			t.Fatalf("%s: cursor %v selection %v, want %v %v", s.name, d.Cursor(), d.Selection(), s.cursor, s.sel)
		}
	}
}

func TestRangeHelpers(t *testing.T) {
	r := Range{1, 2, 3, 5}
	if r.Height() != 3 || r.Width() != 4 || r.Single() {
		t.Errorf("height %d width %d single %v", r.Height(), r.Width(), r.Single())
	}
	if !r.Contains(Cell{3, 5}) || r.Contains(Cell{0, 2}) || r.Contains(Cell{2, 6}) {
		t.Error("Contains is wrong at the edges")
	}
}

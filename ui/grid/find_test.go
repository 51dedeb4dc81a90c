package grid

import "testing"

func TestFind(t *testing.T) {
	d := sites(t, "Prague", "Brno", "prague-2")
	tests := []struct {
		q    Query
		back bool
		want Cell
		ok   bool
	}{
		{Query{Text: "prague"}, false, Cell{2, 0}, true}, // from (0,0): the next one
		{Query{Text: "prague"}, false, Cell{0, 0}, true}, // wraps around
		{Query{Text: "prague", MatchCase: true}, false, Cell{2, 0}, true},
		{Query{Text: "Prague", WholeCell: true}, false, Cell{0, 0}, true}, // wraps past prague-2
		{Query{Text: "mm"}, true, Cell{2, 1}, true},                       // backwards wraps to the end
		{Query{Text: "nowhere"}, false, Cell{2, 1}, false},
		{Query{}, false, Cell{2, 1}, false},
	}
	for i, tt := range tests {
		got, ok := d.Find(tt.q, tt.back)
		if got != tt.want || ok != tt.ok || d.Cursor() != tt.want {
			t.Errorf("%d: Find(%+v) = %v %v, cursor %v; want %v %v", i, tt.q, got, ok, d.Cursor(), tt.want, tt.ok)
		}
	}
}

func TestReplace(t *testing.T) {
	d := sites(t, "Prague", "Brno", "PRAGUE-2")
	q := Query{Text: "prague"}
	if d.Replace(q, "Praha") { // cursor on (0,0)... which matches
		wantColumn(t, d, 0, "Praha", "Brno", "PRAGUE-2")
	} else {
		t.Fatal("Replace on a matching cell changed nothing")
	}
	if d.Cursor() != (Cell{2, 0}) {
		t.Errorf("after replace the cursor is on %v, want the next match", d.Cursor())
	}
	d.Undo()
	if n := d.ReplaceAll(q, "Praha"); n != 2 {
		t.Errorf("ReplaceAll changed %d cells, want 2", n)
	}
	wantColumn(t, d, 0, "Praha", "Brno", "Praha-2")
	d.Undo()
	wantColumn(t, d, 0, "Prague", "Brno", "PRAGUE-2")
	if n := d.ReplaceAll(Query{Text: "Brno", WholeCell: true, MatchCase: true}, "Ostrava"); n != 1 {
		t.Errorf("whole-cell ReplaceAll changed %d", n)
	}
	wantColumn(t, d, 0, "Prague", "Ostrava", "PRAGUE-2")
}

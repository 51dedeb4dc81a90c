package jobs

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// checkSheet builds a draft of s and checks it against the sandbox.
func (e *env) checkSheet(t *testing.T, s *sheets.Sheet) *Draft {
	t.Helper()
	d, err := BuildDraft(DraftSource{Sheets: []*sheets.Sheet{s}})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Err(); err != nil {
		t.Fatalf("the draft is blocked: %v", err)
	}
	if err := d.Check(context.Background(), e.api); err != nil {
		t.Fatal(err)
	}
	return d
}

// For every object type: export, change one cell, and the plan shows exactly that cell,
// the organization's value → the sheet's, and leaves every other record unchanged.
func TestPlanShowsTheOneChangedCell(t *testing.T) {
	e := newEnv(t, envOptions{})
	e.eachExport(t, func(t *testing.T, obj *catalog.Object, before *sheets.Sheet) {
		col, value := e.change(t, before)
		edited := before.Clone()
		edited.Rows[0].Cells[col] = value
		p := e.checkSheet(t, edited).Preview
		if p.Updates != 1 || p.Creates != 0 || len(p.Org) != 0 {
			t.Fatalf("%d updates, %d creates, failures %v; want the one update", p.Updates, p.Creates, p.Org)
		}
		var updates []Planned
		for _, pl := range p.Plan {
			switch pl.Action {
			case ActUpdate:
				updates = append(updates, pl)
			case ActUnchanged:
			default:
				t.Errorf("%s %s: %s %+v", pl.Key, pl.Action, pl.Reason, pl.Changes)
			}
		}
		if len(p.Plan) != p.Records {
			t.Errorf("the plan has %d records, the sheet %d", len(p.Plan), p.Records)
		}
		want := Change{File: edited.File, Row: 2, Col: col, Column: before.Columns[col].Header,
			Old: before.Rows[0].Cells[col], New: value}
		if len(updates) != 1 || len(updates[0].Changes) != 1 || updates[0].Changes[0] != want {
			t.Fatalf("the plan's updates: %+v\nwant one record with %+v", updates, want)
		}
		if updates[0].Row != 2 || updates[0].Key != strings.ReplaceAll(before.Key(0), "\t", " / ") {
			t.Errorf("the update is of %q on row %d, want %q on row 2", updates[0].Key, updates[0].Row, before.Key(0))
		}
	})
}

// A user export saved again by a spreadsheet program that read the External Ids as
// numbers (00000 → 0): the plan lists each change, and each cell has a warning naming
// the organization's value and the likely cause.
func TestPlanWarnsOfDroppedLeadingZeros(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	obj := mustObject(t, "user")
	users, err := Export(ctx, e.api, obj)
	if err != nil {
		t.Fatal(err)
	}
	col := users.Index("External Id")
	ids := []string{"00000", "00001", "00002"}
	set := users.Clone()
	for i, id := range ids {
		set.Rows[i].Cells[col] = id
	}
	if j := e.submitRun("user", e.packSheet(set)); j.Status != Completed {
		t.Fatalf("setting the ids: %s %s", j.Status, e.errorCSV(j.ID))
	}
	damaged := set.Clone()
	for i, id := range ids {
		damaged.Rows[i].Cells[col] = strings.TrimLeft(id, "0")
		if damaged.Rows[i].Cells[col] == "" {
			damaged.Rows[i].Cells[col] = "0"
		}
	}
	p := e.checkSheet(t, damaged).Preview
	if p.Updates != len(ids) {
		t.Errorf("%d updates, want %d", p.Updates, len(ids))
	}
	warned := map[int]string{}
	for _, f := range p.Warnings {
		if f.Col == col {
			warned[f.Row] = f.Message
		}
	}
	for i, id := range ids {
		row := sheets.RowNumber(i)
		msg := warned[row]
		if !strings.Contains(msg, `"`+id+`"`) || !strings.Contains(msg, "spreadsheet program") {
			t.Errorf("row %d: warning %q, want one naming %q and a spreadsheet program", row, msg, id)
		}
		pl := p.Plan[i]
		if len(pl.Suspect) != 1 || pl.Suspect[0].Old != id || pl.Suspect[0].Col != col {
			t.Errorf("row %d: suspect cells %+v, want External Id with %q to keep", row, pl.Suspect, id)
		}
		if pl.Action != ActUpdate || len(pl.Changes) != 1 || pl.Changes[0].Old != id || pl.Changes[0].New != damaged.Rows[i].Cells[col] {
			t.Errorf("row %d planned as %s %+v, want External Id %s → %s", row, pl.Action, pl.Changes, id, damaged.Rows[i].Cells[col])
		}
	}
	if len(warned) != len(ids) {
		t.Errorf("warnings on External Id: %v", warned)
	}
	pw := p.PlanWarnings() // what the editor lists beside the sheet's own
	if len(pw) != len(ids) {
		t.Fatalf("the plan's warnings: %v", pw)
	}
	for _, f := range pw {
		if f.Col != col || f.Severity != sheets.Warning || warned[f.Row] != f.Message {
			t.Errorf("the plan's warning %v is not the preview's %q", f, warned[f.Row])
		}
	}
}

func TestSuspect(t *testing.T) {
	cases := []struct {
		old, now string
		want     string // a part of the message; "" for none
	}{
		{"0000000", "0", "leading zeros"},
		{"007", "7", "leading zeros"},
		{"+420601123456", "420601123456", "+ was dropped"},
		{"123456789012", "1.23457E+11", "scientific notation"},
		{"1-2", "2026-01-02", "as a date"},
		{"1-2", "46024", "date serial"},
		{"ON", "TRUE", "rewrote"},
		{"ON", "On", "rewrote"},
		{"Sales Agent", "", "blank where"},
		{"Sales Agent", "Support Agent", ""},
		{"7", "007", ""},
		{"12", "13", ""},
		{"", "x", ""},
	}
	for _, c := range cases {
		msg, ok := suspect(c.old, c.now)
		if got := msg.String(); ok != (c.want != "") || !strings.Contains(got, c.want) {
			t.Errorf("suspect(%q, %q) = %q, %v; want %q", c.old, c.now, got, ok, c.want)
		}
	}
}

// sameValue's shortcuts agree with the JSON comparison they stand in for.
func TestSameValueShortcuts(t *testing.T) {
	vals := []any{nil, "", "1", 1.0, 1, int64(1), json.Number("1"), 2.5, true, false, "true",
		[]any{"a", "b"}, []any{"b", "a"}, []string{"a", "b"}, []any{"a"}, []any{}, []any{1.0, "1"},
		map[string]any{"a": 1.0}}
	for _, a := range vals {
		for _, b := range vals {
			if got, want := sameValue(a, b), canonical(a) == canonical(b); got != want {
				t.Errorf("sameValue(%#v, %#v) = %v, the JSON comparison says %v", a, b, got, want)
			}
		}
	}
}

package jobs

import (
	"context"
	"net/http"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// Address books: the book is saved on its own endpoint (there is no bulk endpoint for
// books), and its entries — the child rows — are a resource of their own under the book
// (address-book/{id}/entry), saved after it in one bulk request and matched by name, so
// an entry that exists is updated and one that does not is added.
func init() {
	special["address_book"] = hooks{children: noChildren, after: saveBookEntries, export: exportBook, same: sameBook}
}

// sameBook: a book is unchanged when its own columns are and each entry its child rows
// name exists with the same number (entries are merged by name, never removed).
func sameBook(ctx context.Context, m *mapper, rec *record, cur webex.Object) (bool, error) {
	if same, err := m.sameParent(ctx, rec, cur); err != nil || !same {
		return false, err
	}
	nameCol, numberCol := bookColumns(m.obj)
	var existing map[string]string // entry name (lower case) → number, read when needed
	for i := range rec.rows {
		name := rec.value(i, nameCol)
		if name == "" {
			continue
		}
		if existing == nil {
			list, _ := entryPaths(str(cur["id"]))
			objs, err := m.res.api.List(ctx, list, nil)
			if err != nil {
				return false, err
			}
			existing = map[string]string{}
			for _, o := range objs {
				existing[strings.ToLower(str(o["name"]))] = str(o["number"])
			}
		}
		number, ok := existing[strings.ToLower(name)]
		if !ok || number != rec.value(i, numberCol) {
			return false, nil
		}
	}
	return true, nil
}

// noChildren keeps the entries out of the book's own object.
func noChildren(context.Context, *mapper, *record, webex.Object) error { return nil }

func entryPaths(bookID string) (list, bulk string) {
	return "v2/address-book/" + bookID + "/entry", "address-book/" + bookID + "/entry/bulk"
}

// saveBookEntries saves the entries of rec's child rows under the book bookID.
func saveBookEntries(ctx context.Context, m *mapper, rec *record, bookID string) error {
	nameCol, numberCol := bookColumns(m.obj)
	var items []webex.BulkItem
	var rows []int
	list, bulk := entryPaths(bookID)
	var existing map[string]string // entry name (lower case) → id, read when needed
	for i := range rec.rows {
		name := rec.value(i, nameCol)
		if name == "" {
			continue
		}
		if existing == nil {
			objs, err := m.res.api.List(ctx, list, nil)
			if err != nil {
				return err
			}
			existing = map[string]string{}
			for _, o := range objs {
				existing[strings.ToLower(str(o["name"]))] = str(o["id"])
			}
		}
		item := webex.Object{"name": name, "number": rec.value(i, numberCol)}
		if id := existing[strings.ToLower(name)]; id != "" {
			item["id"] = id
		}
		items = append(items, webex.BulkItem{ItemIdentifier: len(items), RequestAction: webex.ActionSave, Item: item})
		rows = append(rows, i)
	}
	if len(items) == 0 {
		return nil
	}
	res, err := m.res.api.BulkSave(ctx, bulk, http.MethodPost, items)
	if err != nil {
		return err
	}
	var msgs []i18n.Msg
	for i, r := range res {
		if r.Error != nil {
			msgs = append(msgs, i18n.M("entry %q (row %d): %s", str(items[i].Item["name"]), rec.rows[rows[i]].Number, i18n.Raw(messageOf(r.Error))))
		}
	}
	if len(msgs) > 0 {
		return &rowError{text: i18n.M("the address book was saved but not all its entries: %s", i18n.Join(msgs))}
	}
	return nil
}

func bookColumns(o *catalog.Object) (name, number *catalog.Column) {
	for i := range o.Columns {
		switch o.Columns[i].APIField {
		case "entries[].name":
			name = &o.Columns[i]
		case "entries[].number":
			number = &o.Columns[i]
		}
	}
	return name, number
}

// exportBook writes a book's row, then a child row per entry.
func exportBook(ctx context.Context, m *mapper, o webex.Object) ([][]string, error) {
	parent := make([]string, len(m.obj.Columns))
	for i := range m.obj.Columns {
		if c := &m.obj.Columns[i]; !c.Child && c.APIField != "" {
			v, err := m.cellOf(ctx, c, getPath(o, c.APIField))
			if err != nil {
				return nil, err
			}
			parent[i] = v
		}
	}
	rows := [][]string{parent}
	list, _ := entryPaths(str(o["id"]))
	entries, err := m.res.api.List(ctx, list, nil)
	if err != nil {
		return nil, err
	}
	nameCol, numberCol := bookColumns(m.obj)
	for _, e := range entries {
		row := m.keyCells(parent)
		row[m.obj.Column(nameCol.Header)] = str(e["name"])
		row[m.obj.Column(numberCol.Header)] = str(e["number"])
		rows = append(rows, row)
	}
	return rows, nil
}

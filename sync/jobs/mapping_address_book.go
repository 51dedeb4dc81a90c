package jobs

import (
	"context"
	"errors"
	"net/http"
	"slices"
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
	special["address_book"] = hooks{children: noChildren, after: saveBookEntries, export: exportBook, same: sameBook, kept: keptBook}
}

// sameBook: a book is unchanged when its own columns are and each entry its child rows
// name exists with the same number (entries are merged by name, never removed).
func sameBook(ctx context.Context, m *mapper, rec *record, cur webex.Object) (bool, error) {
	if same, err := m.sameParent(ctx, rec, cur); err != nil || !same {
		if err == nil { // the book's own PUT is to come
			err = keepEntriesBefore(ctx, m, str(cur["id"]))
		}
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

// Whether a PUT of v3/address-book/{id}, whose DTO has no entries, keeps the book's
// entries is recorded nowhere (live-api.md, "Unknown either way"). So the engine keeps
// the entries of a book whose own columns change before its PUT, and adds back those
// the PUT took away (with new ids: the API gives no other way back).
const entriesBefore = "address-book entries before the PUT of "

// keepEntriesBefore lists the entries of the book bookID for saveBookEntries.
func keepEntriesBefore(ctx context.Context, m *mapper, bookID string) error {
	list, _ := entryPaths(bookID)
	objs, err := m.res.api.List(ctx, list, nil)
	if err == nil {
		m.res.extra.Store(entriesBefore+bookID, objs)
	}
	return err
}

// saveBookEntries saves the entries of rec's child rows under the book bookID, and the
// ones its PUT took away.
func saveBookEntries(ctx context.Context, m *mapper, rec *record, bookID string) error {
	before, had := m.res.extra.LoadAndDelete(entriesBefore + bookID)
	entries, existing, err := bookEntries(ctx, m, rec, bookID, had)
	if err != nil {
		return err
	}
	if had {
		entries = append(entries, lostEntries(before.([]webex.Object), existing, entries)...)
	}
	if len(entries) == 0 {
		return nil
	}
	refused, err := sendEntries(ctx, m, bookID, entries)
	if err != nil {
		return err
	}
	var msgs []i18n.Msg
	for _, e := range entries {
		if ae := refused[e]; ae != nil {
			msgs = append(msgs, i18n.M("entry %q (row %d): %s", str(e.item["name"]), rec.rows[e.row].Number, i18n.Raw(messageOf(ae))))
		}
	}
	if len(msgs) > 0 {
		return &rowError{text: i18n.M("the address book was saved but not all its entries: %s", i18n.Join(msgs))}
	}
	return nil
}

// bookEntry is one entry to save: its child row and the object, with the id of the
// entry of that name the book has.
type bookEntry struct {
	row  int
	item webex.Object
}

// bookEntries are the entries rec's child rows name, matched by name with those the
// book has (existing: name in lower case → id, read when a row names an entry or
// always is set).
func bookEntries(ctx context.Context, m *mapper, rec *record, bookID string, always bool) (out []*bookEntry, existing map[string]string, err error) {
	nameCol, numberCol := bookColumns(m.obj)
	list, _ := entryPaths(bookID)
	for i := range rec.rows {
		name := rec.value(i, nameCol)
		if name == "" && !always {
			continue
		}
		if existing == nil {
			objs, err := m.res.api.List(ctx, list, nil)
			if err != nil {
				return nil, nil, err
			}
			existing = map[string]string{}
			for _, o := range objs {
				existing[strings.ToLower(str(o["name"]))] = str(o["id"])
			}
		}
		if name == "" {
			continue
		}
		item := webex.Object{"name": name, "number": rec.value(i, numberCol)}
		if id := existing[strings.ToLower(name)]; id != "" {
			item["id"] = id
		}
		out = append(out, &bookEntry{row: i, item: item})
	}
	return out, existing, nil
}

// lostEntries are the entries of before that the book no longer has and no row names:
// what its PUT took away, to be added back. Their row is the book's own.
func lostEntries(before []webex.Object, existing map[string]string, named []*bookEntry) []*bookEntry {
	var out []*bookEntry
	for _, o := range before {
		name := str(o["name"])
		if existing[strings.ToLower(name)] != "" || slices.ContainsFunc(named, func(e *bookEntry) bool {
			return strings.EqualFold(str(e.item["name"]), name)
		}) {
			continue
		}
		out = append(out, &bookEntry{item: webex.Object{"name": name, "number": o["number"]}})
	}
	return out
}

// Whether address-book/{id}/entry/bulk takes an id-bearing SAVE is recorded nowhere
// (live-api.md, "Unknown either way"), and most bulk routes refuse ids live ("New
// configuration cannot have an id"). So the engine does not depend on it: the first
// refusal sends that entry with the documented PUT address-book/{bookId}/entry/{id}
// (Cisco's spec), and the job remembers it, sending its later updates there at once.
const entryIDWall = "address-book entry bulk refuses ids"

// sendEntries saves entries: new ones, and existing ones until the bulk route refused
// an id, in one bulk request; the others one by one with PUT. It returns the server's
// refusal of each entry that failed.
func sendEntries(ctx context.Context, m *mapper, bookID string, entries []*bookEntry) (map[*bookEntry]*webex.APIError, error) {
	refused := map[*bookEntry]*webex.APIError{}
	var bulk, put []*bookEntry
	for _, e := range entries {
		if _, wall := m.res.extra.Load(entryIDWall); wall && e.item["id"] != nil {
			put = append(put, e)
		} else {
			bulk = append(bulk, e)
		}
	}
	if len(bulk) > 0 {
		items := make([]webex.BulkItem, len(bulk))
		for i, e := range bulk {
			items[i] = webex.BulkItem{ItemIdentifier: i, RequestAction: webex.ActionSave, Item: e.item}
		}
		_, path := entryPaths(bookID)
		res, err := m.res.api.BulkSave(ctx, path, http.MethodPost, items)
		if err != nil {
			return nil, err
		}
		for i, r := range res {
			switch {
			case r.Error == nil:
			case bulk[i].item["id"] != nil && strings.Contains(r.Error.Message(), "cannot have an id"):
				m.res.extra.Store(entryIDWall, true)
				put = append(put, bulk[i])
			default:
				refused[bulk[i]] = r.Error
			}
		}
	}
	for _, e := range put {
		_, err := m.res.api.Update(ctx, "address-book/"+bookID+"/entry", str(e.item["id"]), e.item)
		var ae *webex.APIError
		switch {
		case errors.As(err, &ae) && ae.Status >= 400 && ae.Status < 500 && !ae.Temporary() && ae.Status != http.StatusUnauthorized:
			refused[e] = ae
		case err != nil:
			return nil, err
		}
	}
	return refused, nil
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
	entries, err := entriesOf(ctx, m, o)
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

// keptEntries is the field of a book as a delete keeps it that holds its entries, as
// GET address-book/{id} embeds them (live-api.md, second pass).
const keptEntries = "addressBookEntries"

// keptBook is the book o with its entries, read before its delete takes them with it:
// an undo creates the book again from what was kept, entries and all.
func keptBook(ctx context.Context, m *mapper, o webex.Object) (webex.Object, error) {
	list, _ := entryPaths(str(o["id"]))
	entries, err := m.res.api.List(ctx, list, nil)
	if err != nil {
		return nil, err
	}
	out := make(webex.Object, len(o)+1)
	for k, v := range o {
		out[k] = v
	}
	kept := make([]any, len(entries))
	for i, e := range entries {
		kept[i] = map[string]any{"name": e["name"], "number": e["number"]}
	}
	out[keptEntries] = kept
	return out, nil
}

// entriesOf are the entries of the book o: those kept with it when it was deleted,
// else the organization's.
func entriesOf(ctx context.Context, m *mapper, o webex.Object) ([]webex.Object, error) {
	if kept, ok := o[keptEntries].([]any); ok {
		out := make([]webex.Object, 0, len(kept))
		for _, e := range kept {
			if e, ok := e.(map[string]any); ok {
				out = append(out, e)
			}
		}
		return out, nil
	}
	list, _ := entryPaths(str(o["id"]))
	return m.res.api.List(ctx, list, nil)
}

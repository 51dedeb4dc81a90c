package sandbox

import (
	"net/http"
	"strings"
)

// The address book's older routes, served live and in the spec (AddressBookWithEntriesDTO):
// GET address-book/{id} and the v2/address-book list embed the book's entries as
// addressBookEntries, which the v3 routes leave out (live-api.md second pass,
// wxcc-skills and wxcc-sandbox-exporter). POST address-book and PUT address-book/{id}
// take them: a PUT with addressBookEntries makes them the book's entries (an entry
// that keeps its id or name keeps its id); a PUT without them leaves the entries alone.

// withEntries reports whether r is on a route whose answer embeds the entries.
func withEntries(res *resource, r *http.Request) bool {
	return res.key == "address-book" && !strings.Contains(r.URL.Path, "/v3/")
}

// embedEntries returns a copy of the book obj with its entries; the state is locked.
func (st *state) embedEntries(obj map[string]any) map[string]any {
	out := cloneMap(obj)
	entries := []any{}
	for _, rec := range st.records(byKey["address-book-entry"], str(obj["id"])) {
		entries = append(entries, cloneMap(rec.obj))
	}
	out["addressBookEntries"] = entries
	return out
}

// saveEntries makes list the entries of book: each saved under it (by its id, else the
// stored entry of its name), and the stored ones it does not name removed. The state is
// locked.
func (st *state) saveEntries(book string, list []any, now int64) *itemError {
	res := byKey["address-book-entry"]
	byName := map[string]string{}
	for _, rec := range st.records(res, book) {
		byName[strings.ToLower(str(rec.obj["name"]))] = str(rec.obj["id"])
	}
	kept := map[string]bool{}
	for _, el := range list {
		e, ok := el.(map[string]any)
		if !ok {
			return newItemError(http.StatusBadRequest, res.entity, "addressBookEntries: each entry must be an object")
		}
		e = cloneMap(e)
		if str(e["id"]) == "" {
			if id := byName[strings.ToLower(str(e["name"]))]; id != "" {
				e["id"] = id
			}
		}
		delete(e, "version") // the book's PUT carries the entries as read; their versions are the server's
		_, obj, ie := st.save(res, book, e, saveOpts{now: now})
		if ie != nil {
			return ie
		}
		kept[str(obj["id"])] = true
	}
	for _, id := range byName {
		if !kept[id] {
			st.tables[res.key].delete(id)
		}
	}
	return nil
}

// writeBook is write for the book routes with entries: the book, then its entries when
// the item has addressBookEntries, in one locked step.
func (s *Server) writeBook(w http.ResponseWriter, r *http.Request, res *resource, item map[string]any, status int) {
	entries, given := item["addressBookEntries"].([]any)
	s.mu.Lock()
	_, obj, e := s.st.save(res, "", item, saveOpts{now: s.nowMS()})
	if e == nil && given {
		e = s.st.saveEntries(str(obj["id"]), entries, s.nowMS())
	}
	if e == nil && withEntries(res, r) {
		obj = s.st.embedEntries(obj)
	}
	s.mu.Unlock()
	s.answerWrite(w, r, e, status, obj)
}

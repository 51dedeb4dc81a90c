package jobs

import (
	"context"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox"
)

// Unknown live: whether address-book/{id}/entry/bulk takes an id-bearing SAVE. On an
// organization that refuses it ("New configuration cannot have an id", as most bulk
// routes do live) the entries are updated with the documented PUT
// address-book/{bookId}/entry/{id}, and the job remembers it: the second book's
// existing entry goes there at once. On one that takes it, nothing is sent one by one.
func TestAddressBookEntryIDRefusedFallsBackToDocumentedPut(t *testing.T) {
	for _, wall := range []bool{true, false} {
		e := newEnv(t, envOptions{sandbox: sandbox.Options{Unverified: sandbox.Unverified{EntryIDWall: wall}}})
		e.eng.Parallel = 1 // the books in sheet order, so the second learns from the first
		j := e.submitRun("address_book", e.pack("address_book", "Name,Description,Parent Type,Site,Entry Name,Entry Number\n"+
			"Sales Book,Sales contacts,ORGANIZATION,,,\nSales Book,,,,Key Account,+15125550100\n"))
		if j.Status != Completed {
			t.Fatalf("create: %s\n%s", j.Status, e.errorCSV(j.ID))
		}
		_, from := e.log.since(0)
		j = e.submitRun("address_book", e.pack("address_book", "Name,Description,Parent Type,Site,Entry Name,Entry Number\n"+
			"Company Directory,Numbers agents call often,ORGANIZATION,,,\n"+
			"Company Directory,,,,Reception,+420225000001\nCompany Directory,,,,Night Desk,+420225000999\n"+
			"Sales Book,Sales contacts,ORGANIZATION,,,\nSales Book,,,,Key Account,+15125550199\n"))
		if j.Status != Completed {
			t.Fatalf("wall %v: %s\n%s", wall, j.Status, e.errorCSV(j.ID))
		}
		reqs, _ := e.log.since(from)
		var bulks, puts int
		for _, r := range writes(reqs) {
			switch {
			case strings.HasPrefix(r, "POST address-book/") && strings.HasSuffix(r, "/entry/bulk"):
				bulks++
			case strings.HasPrefix(r, "PUT address-book/") && strings.Contains(r, "/entry/"):
				puts++
			}
		}
		want := [2]int{2, 0} // both books' entries in one bulk request each
		if wall {
			want = [2]int{1, 2} // Company Directory: one bulk, Reception refused there, then PUT; Sales Book: PUT at once
		}
		if bulks != want[0] || puts != want[1] {
			t.Errorf("wall %v: %d entry bulk requests and %d entry PUTs, want %d and %d:\n%s", wall, bulks, puts, want[0], want[1], strings.Join(writes(reqs), "\n"))
		}
		s, err := Export(context.Background(), e.api, mustObject(t, "address_book"))
		if err != nil {
			t.Fatal(err)
		}
		text := sheetText(t, s)
		for _, l := range []string{"Company Directory,,,,Reception,+420225000001", "Company Directory,,,,Night Desk,+420225000999",
			"Sales Book,,,,Key Account,+15125550199"} {
			if !strings.Contains(text, l) {
				t.Errorf("wall %v: export lacks %q:\n%s", wall, l, text)
			}
		}
	}
}

// Unknown live: whether a v3/address-book PUT (its DTO has no entries) keeps the book's
// entries. Either way a job that changes a book's description ends with every entry the
// book had, besides the ones the sheet changes.
func TestAddressBookEntriesSurviveTheBookPut(t *testing.T) {
	for _, drops := range []bool{true, false} {
		e := newEnv(t, envOptions{sandbox: sandbox.Options{Unverified: sandbox.Unverified{BookPutDropsEntries: drops}}})
		j := e.submitRun("address_book", e.pack("address_book", "Name,Description,Parent Type,Site,Entry Name,Entry Number\n"+
			"Company Directory,Changed description,ORGANIZATION,,,\nCompany Directory,,,,Reception,+420225000001\n"))
		if j.Status != Completed {
			t.Fatalf("drops %v: %s\n%s", drops, j.Status, e.errorCSV(j.ID))
		}
		s, err := Export(context.Background(), e.api, mustObject(t, "address_book"))
		if err != nil {
			t.Fatal(err)
		}
		text := sheetText(t, s)
		for _, l := range []string{"Company Directory,Changed description,ORGANIZATION", "Company Directory,,,,Reception,+420225000001",
			"Company Directory,,,,IT Helpdesk,+442038080999", "Company Directory,,,,Facilities,+15125550100"} {
			if !strings.Contains(text, l) {
				t.Errorf("drops %v: export lacks %q:\n%s", drops, l, text)
			}
		}
	}
}

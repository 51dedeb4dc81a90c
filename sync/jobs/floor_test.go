package jobs

import (
	"context"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// An update costs one request per changed record where the list gives the whole
// object: the plan counts from list pages (no GET per row), the job sends the PUTs and
// reads nothing else one by one, and the plan's count is what the job makes.
func TestUpdateAtTheRequestFloor(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	const n = 60
	sh := e.workTypesToUpdate("Floor", n)
	_, before := e.log.since(0)
	d := e.checkSheet(t, sh)
	planReads, atJob := e.log.since(before)
	p := d.Preview
	if p.Updates != n || p.Gets != 0 {
		t.Fatalf("%d updates, %d GETs planned; want %d and none", p.Updates, p.Gets, n)
	}
	for _, r := range planReads {
		if strings.HasPrefix(r, "GET work-type/") {
			t.Errorf("the plan read a work type by itself: %s", r)
		}
	}
	j, err := e.eng.SubmitDraft(ctx, d, "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if j, err = e.eng.Run(ctx, j.ID, nil); err != nil || j.Status != Completed {
		t.Fatalf("job %v %s", err, j.Status)
	}
	sent, _ := e.log.since(atJob)
	if len(sent) != p.Requests || len(sent) > n+len(planReads) {
		t.Errorf("the job made %d requests, the plan said %d (the floor: %d PUTs and the lists, %d):\n%s",
			len(sent), p.Requests, n, len(planReads), strings.Join(sent, "\n"))
	}
}

// A delete's requests are in the plan's count too: the job makes as many requests as the
// plan said, on a bulk delete route (work types) and on a route of one object each
// whose job keeps what it deletes (DELETE v3/address-book/{id}, entries and all). The
// count left out the deletes and the read of what still refers to each record: a plan
// of deletes alone said "Nothing will be written".
func TestDeletesCountInThePlan(t *testing.T) {
	for _, key := range []string{"work_type", "address_book"} {
		t.Run(key, func(t *testing.T) {
			e := newEnv(t, envOptions{})
			ctx := context.Background()
			copies := e.newCopies(t, key, 3)
			sh, err := sheets.ReadCSV(strings.NewReader(withAction(copies, DeleteMark)), key+".csv", sheets.ReadOptions{Object: mustObject(t, key)})
			if err != nil {
				t.Fatal(err)
			}
			d := e.checkSheet(t, sh)
			_, atJob := e.log.since(0)
			p := d.Preview
			if p.Deletes != 3 || p.Writes == 0 {
				t.Fatalf("the plan deletes %d records in %d writes; want 3 in some", p.Deletes, p.Writes)
			}
			j, err := e.eng.SubmitDraft(ctx, d, "admin@example.com")
			if err != nil {
				t.Fatal(err)
			}
			if j, err = e.eng.Run(ctx, j.ID, nil); err != nil || j.Status != Completed {
				t.Fatalf("job %v %s\n%s", err, j.Status, e.errorCSV(j.ID))
			}
			if sent, _ := e.log.since(atJob); len(sent) != p.Requests {
				t.Errorf("the job made %d requests, the plan said %d (%d writes):\n%s", len(sent), p.Requests, p.Writes, strings.Join(sent, "\n"))
			}
		})
	}
}

package jobs

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"
)

// 12,000 sites, packed into three files (5000 + 5000 + 2000) as Control Hub requires,
// with one row in a hundred naming a multimedia profile the organization does not have.
func TestLargeJobOverThreeFiles(t *testing.T) {
	e := newEnv(t, envOptions{})
	bad := func(i int) bool { return i%100 == 0 }
	pkg := e.pack("site", siteCSV("Large", 12000, bad))
	if !strings.HasSuffix(pkg.Name, ".zip") {
		t.Fatalf("package %s: want a zip of three files", pkg.Name)
	}
	files, _, err := parsePackage(pkg, mustObject(t, "site"))
	if err != nil || len(files) != 3 {
		t.Fatalf("package files: %d, %v", len(files), err)
	}
	var events []Progress
	ctx := context.Background()
	j, err := e.eng.Submit(ctx, pkg, mustObject(t, "site"), "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if j.Status != New || j.Total != 12000 {
		t.Fatalf("submitted: %s, total %d", j.Status, j.Total)
	}
	j, err = e.eng.Run(ctx, j.ID, func(p Progress) { events = append(events, p) })
	if err != nil {
		t.Fatal(err)
	}
	if j.Status != CompletedWithErrors || j.Succeeded != 11880 || j.Failed != 120 {
		t.Fatalf("job: %s, succeeded %d, failed %d; want Completed With Errors, 11880, 120", j.Status, j.Succeeded, j.Failed)
	}
	e.checkAccounted(j)
	names := e.names("site")
	for i := 1; i <= 12000; i++ {
		n := names[siteName("Large", i)]
		if want := map[bool]int{true: 0, false: 1}[bad(i)]; n != want {
			t.Fatalf("site %s exists %d times, want %d", siteName("Large", i), n, want)
		}
	}
	// Progress: starts In Progress, counts only grow, ends with the final status.
	if len(events) < 3 || events[0].Status != InProgress || events[len(events)-1].Status != CompletedWithErrors {
		t.Fatalf("progress events: %d, first %+v", len(events), events[0])
	}
	for i := 1; i < len(events); i++ {
		if events[i].Done < events[i-1].Done || events[i].Total != 12000 {
			t.Fatalf("progress went back: %+v after %+v", events[i], events[i-1])
		}
	}
	// The error file: the failed rows with their own columns plus Error Message.
	recs, err := csv.NewReader(strings.NewReader(e.errorCSV(j.ID))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 121 || strings.Join(recs[0], ",") != "Name,Multimedia Profile,Error Message" {
		t.Fatalf("error file: %d lines, header %q", len(recs), recs[0])
	}
	if got := strings.Join(recs[1], ","); got != `Large-00100,Voice Onyl,Multimedia Profile "Voice Onyl" does not exist in the organization (did you mean "Voice Only"?)` {
		t.Errorf("first error row: %s", got)
	}
	sh, rowErrs, err := e.store.ErrorSheet(ctx, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := rowErrs[len(rowErrs)-1]; last.Row != 121 || last.Column != "Multimedia Profile" || sh.Cell(last.Row-2, 0) != recs[120][0] {
		t.Errorf("last failed row: %+v; want the error sheet's row 121, column Multimedia Profile", last)
	}
}

func siteName(prefix string, i int) string {
	return prefix + "-" + strings.Repeat("0", 5-len(itoa(i))) + itoa(i)
}

func itoa(i int) string {
	s := ""
	for {
		s = string(rune('0'+i%10)) + s
		i /= 10
		if i == 0 {
			return s
		}
	}
}

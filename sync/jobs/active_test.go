package jobs

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Only one job may be New or In Progress in an organization: a second submit is refused
// with an error naming the active job, until it ends.
func TestOneActiveJobPerOrganization(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	site := mustObject(t, "site")
	first, err := e.eng.Submit(ctx, e.pack("site", siteCSV("One", 3, nil)), site, "ann@example.com")
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.eng.Submit(ctx, e.pack("site", siteCSV("Two", 3, nil)), site, "bob@example.com")
	var ae *ActiveError
	if !errors.As(err, &ae) || !errors.Is(err, ErrActive) || ae.Job.ID != first.ID {
		t.Fatalf("second submit: got %v, want an ActiveError for %s", err, first.ID)
	}
	for _, want := range []string{first.ID, "site.csv", "ann@example.com", "is still New", "only one job can be active"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not say %q", err, want)
		}
	}
	// Another organization is not affected.
	other := &Engine{Store: e.store, API: e.api, OrgID: "other-org"}
	if _, err := other.Submit(ctx, e.pack("site", siteCSV("Else", 1, nil)), site, "c@example.com"); err != nil {
		t.Fatalf("another organization's submit: %v", err)
	}
	if _, err := e.eng.Run(ctx, first.ID, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := e.eng.Submit(ctx, e.pack("site", siteCSV("Two", 3, nil)), site, "bob@example.com"); err != nil {
		t.Fatalf("submit after the first job ended: %v", err)
	}
	list, _ := e.store.List(ctx, ListOptions{OrgID: e.eng.OrgID})
	if len(list) != 2 || list[0].SubmittedBy != "bob@example.com" || list[1].ID != first.ID {
		t.Errorf("dashboard, newest first: %+v", list)
	}
}

// Two processes submitting at the same moment (two stores on one file): exactly one
// gets the organization's active slot.
func TestOneActiveJobAcrossStores(t *testing.T) {
	e := newEnv(t, envOptions{})
	site := mustObject(t, "site")
	pkg := e.pack("site", siteCSV("Race", 2, nil))
	const n = 6
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		s, err := Open(filepath.Join(e.dir, DBName))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		eng := &Engine{Store: s, API: e.api, OrgID: e.eng.OrgID}
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = eng.Submit(context.Background(), pkg, site, "x@example.com")
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, ErrActive):
			t.Errorf("submit: %v", err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d submits succeeded, want exactly 1", ok)
	}
}

// A job being run by one process is not run by another at the same time.
func TestRunRefusesAJobRunningElsewhere(t *testing.T) {
	e := newEnv(t, envOptions{})
	j, err := e.eng.Submit(context.Background(), e.pack("site", siteCSV("Busy", 1, nil)), mustObject(t, "site"), "a@example.com")
	if err != nil {
		t.Fatal(err)
	}
	lock, err := lockFor(e.store, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	if _, err := e.eng.Run(context.Background(), j.ID, nil); !errors.Is(err, ErrRunning) {
		t.Fatalf("run while locked: %v, want ErrRunning", err)
	}
	if jobs, err := e.eng.Resume(context.Background(), nil); err != nil || len(jobs) != 0 {
		t.Fatalf("resume while locked ran %d jobs, %v", len(jobs), err)
	}
}

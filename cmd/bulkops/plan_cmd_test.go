package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// bulkops plan against the embedded sandbox (Prague and London have the Blended Digital
// profile): a create with its values, an update with the column old → new, a failure
// with its reason, and the same as JSON for scripts. Nothing is written.
func TestPlanCommand(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	sites := writeFile(t, "sites.csv", "Name,Multimedia Profile\nBrno,Voice Only\nOstrava,Voice Onyl\nPrague,Digital Only\nLondon,Blended Digital\n")
	code, out, errs := runCLI(t, "plan", sites)
	want := "+ Brno (row 2)\n    Name: \"Brno\"\n    Multimedia Profile: \"Voice Only\"\n" +
		"! Ostrava (row 3): Multimedia Profile \"Voice Onyl\" does not exist in the organization (did you mean \"Voice Only\"?)\n" +
		"~ Prague (row 4)\n    Multimedia Profile: \"Blended Digital\" -> \"Digital Only\"\n" +
		"1 to create, 1 to update, 1 unchanged, 1 row failing in Sandbox (embedded) ("
	if code != 0 || !strings.HasPrefix(out, want) || !strings.Contains(out, "4 requests, under a second at 300/min\n") {
		t.Fatalf("plan: exit %d\n%s\nwant it to start:\n%s\n%s", code, out, want, errs)
	}

	code, out, errs = runCLI(t, "plan", "--json", sites)
	var got struct {
		Creates, Updates, Unchanged, Failing, Requests int
		Blank                                          string
		Records                                        []struct {
			Row     int
			Key     string
			Action  string
			Reason  string
			Changes []struct {
				Column, Old, New string
				Row, Col         int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("plan --json: exit %d, %v\n%s%s", code, err, out, errs)
	}
	if got.Creates != 1 || got.Updates != 1 || got.Unchanged != 1 || got.Failing != 1 || got.Blank != "keeps" || len(got.Records) != 4 {
		t.Fatalf("plan --json counts: %+v", got)
	}
	up := got.Records[2]
	if up.Action != "update" || up.Key != "Prague" || len(up.Changes) != 1 || up.Changes[0].Column != "Multimedia Profile" ||
		up.Changes[0].Old != "Blended Digital" || up.Changes[0].New != "Digital Only" || up.Changes[0].Row != 4 || up.Changes[0].Col != 1 {
		t.Errorf("plan --json, Prague: %+v", up)
	}
	if got.Records[1].Action != "fail" || !strings.Contains(got.Records[1].Reason, "Voice Onyl") || got.Records[3].Action != "unchanged" {
		t.Errorf("plan --json: %+v", got.Records)
	}

	bad := writeFile(t, "bad.csv", "Name,Multimedia Profile\nBad Site!,Voice Only\n")
	if code, _, errs := runCLI(t, "plan", bad); code != 1 || !strings.Contains(errs, "no plan: 1 error in the sheet") {
		t.Errorf("plan of a sheet with errors: exit %d\n%s", code, errs)
	}

	// Nothing was written: the same plan again.
	if code, out2, _ := runCLI(t, "plan", "--json", sites); code != 0 || out2 != out {
		t.Errorf("a second plan differs: the first wrote something?\n%s", out2)
	}
}

// submit on a terminal asks before it updates records the organization has; "n" stops
// it, --yes skips the question; without a terminal it never asks.
func TestSubmitAsksBeforeUpdates(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	sites := writeFile(t, "sites.csv", "Name,Multimedia Profile\nPrague,Digital Only\n")
	noRunner := func(string, ...string) error { return nil }
	terminal := func(answer string) {
		old, oldIn := stdinTerminal, stdin
		stdinTerminal, stdin = func() bool { return true }, strings.NewReader(answer)
		t.Cleanup(func() { stdinTerminal, stdin = old, oldIn })
	}
	terminal("n\n")
	code, out, errs := runCLIWith(t, noRunner, "submit", sites)
	if code != 1 || out != "" || !strings.Contains(errs, "The job changes 1 record the organization has") || !strings.Contains(errs, "not submitted") {
		t.Fatalf("submit answered n: exit %d %q\n%s", code, out, errs)
	}
	code, out, errs = runCLIWith(t, noRunner, "submit", "--yes", sites)
	if code != 0 || !strings.HasPrefix(out, "BO-") || strings.Contains(errs, "Submit? [y/N]") {
		t.Fatalf("submit --yes: exit %d %q\n%s", code, out, errs)
	}
}

package sandbox

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// restart opens the organization kept in file in a new sandbox, as the next start of
// the app does.
func restart(t *testing.T, file string) *tc {
	t.Helper()
	s2, err := New(Options{DataFile: file, Seed: SeedEmpty})
	if err != nil {
		t.Fatal(err)
	}
	c2 := &tc{t: t, s: s2}
	hs2 := httpServer(t, s2)
	c2.url, c2.hc, c2.token = hs2.URL, hs2.Client(), s2.MintToken()
	return c2
}

func workTypeNames(c *tc) string {
	var names []string
	for _, o := range c.object("GET", "v2/work-type?pageSize=1000", nil, http.StatusOK)["data"].([]any) {
		names = append(names, o.(map[string]any)["name"].(string))
	}
	return strings.Join(names, ",")
}

// TestJournalKeepsEveryAnsweredChange: creates, updates and deletes, many more than the
// journal holds before it is folded into the state file, come back after a restart as
// they were answered; the journal never grows past the state file's size.
func TestJournalKeepsEveryAnsweredChange(t *testing.T) {
	defer func(n int64) { minCompact = n }(minCompact)
	minCompact = 16 << 10
	file := filepath.Join(t.TempDir(), StateFileName)
	c := newTC(t, Options{DataFile: file, Seed: SeedEmpty})
	folded := false
	for i := range 400 {
		c.bulk("POST", "work-type/bulk", save(1, map[string]any{"name": fmt.Sprintf("WT %03d", i),
			"workTypeCode": "IDLE_CODE", "active": true, "description": strings.Repeat("x", 250)}))
		fi, _ := os.Stat(file)
		if j, err := os.Stat(journalPath(file)); err == nil && j.Size() > max(fi.Size(), minCompact) {
			t.Fatalf("after write %d the journal has %d bytes, the state file %d", i, j.Size(), fi.Size())
		} else if err != nil {
			folded = true
		}
	}
	if !folded {
		t.Error("the journal was never folded into the state file")
	}
	id := c.idOf("v2/work-type", "name", "WT 007")
	c.object("DELETE", "work-type/"+id, nil, http.StatusOK) // the spec: 200
	want := workTypeNames(c)
	if strings.Contains(want, "WT 007") || !strings.Contains(want, "WT 399") {
		t.Fatalf("before the restart: %s", want)
	}
	if got := workTypeNames(restart(t, file)); got != want {
		t.Errorf("after a restart the work types are\\n%s\\nwant\\n%s", got, want)
	}
}

// TestJournalCutOff: a last line cut off by a crash (never answered) is left out; the
// lines before it are kept, and the next change starts on a line of its own.
func TestJournalCutOff(t *testing.T) {
	file := filepath.Join(t.TempDir(), StateFileName)
	c := newTC(t, Options{DataFile: file, Seed: SeedEmpty})
	wt := func(name string) map[string]any {
		return save(1, map[string]any{"name": name, "workTypeCode": "IDLE_CODE", "active": true})
	}
	c.bulk("POST", "work-type/bulk", wt("Answered"))
	f, err := os.OpenFile(journalPath(file), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"org":"` + c.s.OrgID() + `","seq":99,"put":[{"type":"work_ty`)
	f.Close()
	c2 := restart(t, file)
	c2.bulk("POST", "work-type/bulk", wt("After"))
	got := workTypeNames(restart(t, file))
	if !strings.Contains(got, "Answered") || !strings.Contains(got, "After") {
		t.Errorf("after a cut-off line and a restart: %s", got)
	}
}

// TestJournalOfAnotherOrganization is refused, naming the file and line.
func TestJournalOfAnotherOrganization(t *testing.T) {
	file := filepath.Join(t.TempDir(), StateFileName)
	newTC(t, Options{DataFile: file, Seed: SeedEmpty})
	os.WriteFile(journalPath(file), []byte(`{"org":"`+newUUID()+`","seq":1}`+"\n"), 0o600)
	_, err := New(Options{DataFile: file})
	if err == nil || !strings.Contains(err.Error(), journalPath(file)) || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("a journal of another organization: %v", err)
	}
}

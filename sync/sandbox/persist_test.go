package sandbox

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestStateSurvivesRestart(t *testing.T) {
	file := filepath.Join(t.TempDir(), "data", StateFileName)
	s1, err := New(Options{DataFile: file})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("a new organization is not written at once: %v", err)
	}
	c := &tc{t: t, s: s1}
	hs := httpServer(t, s1)
	c.url, c.hc, c.token = hs.URL, hs.Client(), s1.MintToken()
	voice := c.idOf("v2/multimedia-profile", "name", "Voice Only")
	r := c.bulk("POST", "site/bulk", save(1, map[string]any{"name": "Brno", "active": true, "multimediaProfileId": voice}))[0]
	brno := lastSegment(r["href"].(string))
	_, up := c.upload("POST", "audio-file", map[string]any{"name": "kept.wav", "contentType": "AUDIO_WAV"}, muLawWAV(99))
	secret := s1.Client().Secret
	hs.Close()
	if err := s1.Close(); err != nil { // the hour-long delay: only Close writes
		t.Fatal(err)
	}

	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{secret, c.token, "SBOX"} {
		if strings.Contains(string(b), leak) {
			t.Errorf("the state file holds a secret or token (%.6s…)", leak)
		}
	}
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
		t.Errorf("state file mode %v, want 0600", fi.Mode().Perm())
	}

	s2, err := New(Options{DataFile: file, Seed: SeedEmpty, OrgID: newUUID()})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.OrgID() != s1.OrgID() {
		t.Errorf("organization %s after restart, was %s", s2.OrgID(), s1.OrgID())
	}
	c2 := &tc{t: t, s: s2}
	hs2 := httpServer(t, s2)
	c2.url, c2.hc, c2.token = hs2.URL, hs2.Client(), s2.MintToken()
	if got := c2.object("GET", "site/"+brno, nil, http.StatusOK); got["name"] != "Brno" {
		t.Errorf("site after restart: %v", got)
	}
	if n := num(c2.object("GET", "v2/user", nil, 200)["meta"].(map[string]any)["totalRecords"]); n != demoUserCount {
		t.Errorf("%d users after restart", n)
	}
	// Sessions are not kept: the old token is unknown to the new sandbox.
	c2.token = c.token
	c2.object("GET", "v2/site", nil, http.StatusUnauthorized)
	c2.token = s2.MintToken()
	got := c2.object("GET", "audio-file/"+up["id"].(string)+"?includeUrl=true", nil, http.StatusOK)
	if resp, err := http.Get(got["url"].(string)); err != nil || resp.StatusCode != 200 {
		t.Errorf("audio content after restart: %v %v", resp, err)
	}
	// New objects continue the creation order.
	c2.bulk("POST", "site/bulk", save(1, map[string]any{"name": "Ostrava", "active": true, "multimediaProfileId": voice}))
	list := c2.object("GET", "v2/site", nil, 200)["data"].([]any)
	if last := list[len(list)-1].(map[string]any); last["name"] != "Ostrava" {
		t.Errorf("list order after restart ends with %v", last["name"])
	}
}

func TestSaveIsImmediateAndAtomic(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, StateFileName)
	c := newTC(t, Options{DataFile: file, Seed: SeedEmpty})
	before, _ := os.ReadFile(file)
	c.bulk("POST", "work-type/bulk", save(1, map[string]any{"name": "Stored", "workTypeCode": "IDLE_CODE", "active": true}))
	// The change is on disk before the request is answered (persist.go storeLocked): in
	// the journal beside the state file, which the state file did not change for.
	b, _ := os.ReadFile(file)
	j, _ := os.ReadFile(journalPath(file))
	if !strings.Contains(string(j), "Stored") || string(b) != string(before) {
		t.Fatalf("the answered write is not in the journal (%d bytes), or the state file was rewritten (was %d bytes, is %d)",
			len(j), len(before), len(b))
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != StateFileName && e.Name() != StateFileName+".journal" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestBadStateFile(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"half-written": `{"format":"bulkops-sandbox/1","orgId":"`,
		"not ours":     `{"format":"other/9","orgId":"x"}`,
		"unknown type": `{"format":"bulkops-sandbox/1","orgId":"` + newUUID() + `","objects":{"starship":[]}}`,
		"no id":        `{"format":"bulkops-sandbox/1","orgId":"` + newUUID() + `","objects":{"site":[{"seq":1,"object":{"name":"x"}}]}}`,
	} {
		file := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
		os.WriteFile(file, []byte(content), 0o600)
		_, err := New(Options{DataFile: file})
		if err == nil || !strings.Contains(err.Error(), file) {
			t.Errorf("%s: %v, want an error naming the file", name, err)
		}
		if b, _ := os.ReadFile(file); string(b) != content {
			t.Errorf("%s: the bad file was changed", name)
		}
	}
}

// TestFullDiskRefusesTheWrite: when the state file cannot be written (a full disk), the
// write is not answered as made: the request fails with the reason, the organization no
// longer has the change (it was undone), and after a restart it has exactly the changes
// that were confirmed. (Before, the change was answered, then lost with the next save.)
func TestFullDiskRefusesTheWrite(t *testing.T) {
	file := filepath.Join(t.TempDir(), StateFileName)
	c := newTC(t, Options{DataFile: file, Seed: SeedEmpty})
	wt := func(name string) map[string]any {
		return map[string]any{"name": name, "workTypeCode": "IDLE_CODE", "active": true}
	}
	c.bulk("POST", "work-type/bulk", save(1, wt("Kept")))
	writeStateFile = func(string, []byte) error { return syscall.ENOSPC }
	appendJournalFile = func(string, []byte) error { return syscall.ENOSPC }
	defer func() { writeStateFile, appendJournalFile = writeState, appendJournal }()
	status, body := c.raw("POST", "work-type/bulk", map[string]any{"items": []any{save(1, wt("Lost"))}}, "application/json")
	if status != http.StatusInsufficientStorage || !strings.Contains(fmt.Sprint(body), "no space left on device") {
		t.Errorf("write on a full disk: %d %v; want 507 with the reason", status, body)
	}
	names := func(c *tc) string { return fmt.Sprint(c.object("GET", "v2/work-type", nil, http.StatusOK)["data"]) }
	if got := names(c); strings.Contains(got, "Lost") || !strings.Contains(got, "Kept") {
		t.Errorf("after the refused write the organization holds %s", got)
	}
	writeStateFile, appendJournalFile = writeState, appendJournal
	if got := names(restart(t, file)); strings.Contains(got, "Lost") || !strings.Contains(got, "Kept") {
		t.Errorf("after a restart the organization holds %s", got)
	}
}

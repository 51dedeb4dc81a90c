package jobs

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
)

// Signed out in the middle of a job (the token revoked): the job fails with a reason
// that says so, and the rows not done fail with it rather than vanish.
func TestSignedOutMidJobFails(t *testing.T) {
	e := newEnv(t, envOptions{})
	e.eng.BatchSize, e.eng.Parallel = 50, 1
	ctx := context.Background()
	j, err := e.eng.Submit(ctx, e.pack("site", siteCSV("Out", 500, nil)), mustObject(t, "site"), "a@example.com")
	if err != nil {
		t.Fatal(err)
	}
	j, err = e.eng.Run(ctx, j.ID, func(p Progress) {
		if p.Message == "sending" && p.Done == 100 {
			e.sb.Revoke(e.token)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if j.Status != Failed || !strings.HasPrefix(j.Reason, "signed out: the organization refused the sign-in (") {
		t.Fatalf("job: %s, reason %q", j.Status, j.Reason)
	}
	e.checkAccounted(j)
	if j.Succeeded != 100 || j.Failed != 400 {
		t.Errorf("counts: %d succeeded, %d failed; want 100 and 400", j.Succeeded, j.Failed)
	}
	rows, _ := e.store.Rows(ctx, j.ID, Fail)
	if !strings.HasPrefix(rows[0].Message, "the job stopped before this row was done: signed out: ") {
		t.Errorf("a row not sent says %q", rows[0].Message)
	}
}

// A cancel asked for by any process stops the job before its next batch.
func TestCancelStopsBeforeTheNextBatch(t *testing.T) {
	e := newEnv(t, envOptions{})
	e.eng.BatchSize, e.eng.Parallel = 50, 1
	ctx := context.Background()
	j, err := e.eng.Submit(ctx, e.pack("site", siteCSV("Stop", 500, nil)), mustObject(t, "site"), "a@example.com")
	if err != nil {
		t.Fatal(err)
	}
	j, err = e.eng.Run(ctx, j.ID, func(p Progress) {
		if p.Message == "sending" && p.Done == 50 {
			if err := e.store.RequestCancel(ctx, j.ID); err != nil {
				t.Error(err)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if j.Status != Failed || j.Reason != "cancelled by the user" || j.Succeeded != 50 {
		t.Fatalf("job: %s (%s), %d succeeded", j.Status, j.Reason, j.Succeeded)
	}
	e.checkAccounted(j)
	if err := e.store.RequestCancel(ctx, j.ID); err == nil || !strings.Contains(err.Error(), "already ended") {
		t.Errorf("cancelling an ended job: %v", err)
	}
}

// A package that cannot be read is kept as a Failed job with the reason.
func TestUnreadablePackageFails(t *testing.T) {
	e := newEnv(t, envOptions{})
	j, err := e.eng.Submit(context.Background(), Package{Name: "sites.zip", Data: []byte("not a zip")}, mustObject(t, "site"), "a@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if j.Status != Failed || !strings.HasPrefix(j.Reason, "the package cannot be read: ") || !strings.Contains(j.Reason, "sites.zip") {
		t.Fatalf("job: %s, %q", j.Status, j.Reason)
	}
	if _, ok, _ := e.store.Active(context.Background(), e.eng.OrgID); ok {
		t.Error("a failed package holds the active slot")
	}
}

// Audio files: one upload each; a name the organization has is replaced, a new one is
// created, a file the server refuses fails alone.
func TestAudioZipUploadsOneByOne(t *testing.T) {
	e := newEnv(t, envOptions{})
	dir := t.TempDir()
	files := writeWAVs(t, dir, "welcome.wav", "new-prompt.wav")
	p, err := sheets.PackAudio(files, filepath.Join(dir, "prompts.zip"))
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := ReadPackage(p.Path)
	if err != nil {
		t.Fatal(err)
	}
	before := e.id("audio_file", "welcome.wav")
	j := e.submitRun("audio_file", pkg)
	if j.Status != Completed || j.Succeeded != 2 {
		t.Fatalf("job: %s, %d succeeded:\n%s", j.Status, j.Succeeded, e.errorCSV(j.ID))
	}
	rows, _ := e.store.Rows(context.Background(), j.ID)
	if rows[0].Operation != "updated" || rows[0].ObjectID != before || rows[1].Operation != "created" {
		t.Errorf("rows: %+v", rows)
	}
	if n := e.names("audio_file"); n["new-prompt.wav"] != 1 || n["welcome.wav"] != 1 {
		t.Errorf("audio files: %v", n)
	}
	// A zip entry the server refuses (not .wav) fails by itself.
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range []string{"ok.wav", "notes.txt"} {
		w, _ := zw.Create(n)
		w.Write(wav(100))
	}
	zw.Close()
	j = e.submitRun("audio_file", Package{Name: "mixed.zip", Data: b.Bytes()})
	if j.Succeeded != 1 || j.Failed != 1 {
		t.Fatalf("mixed zip: %d succeeded, %d failed", j.Succeeded, j.Failed)
	}
	if got := e.errorCSV(j.ID); got != "File Name,Error Message\r\nnotes.txt,name: must end with the .wav extension\r\n" {
		t.Errorf("error file:\n%s", got)
	}
}

// wav is n samples of 8 kHz μ-law silence, the format Webex plays.
func wav(n int) []byte {
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(4 + 26 + 12 + 8 + n + n%2))
	b.WriteString("WAVEfmt ")
	le(uint32(18))
	for _, v := range []any{uint16(7), uint16(1), uint32(8000), uint32(8000), uint16(1), uint16(8), uint16(0)} {
		le(v)
	}
	b.WriteString("fact")
	le(uint32(4))
	le(uint32(n))
	b.WriteString("data")
	le(uint32(n))
	b.Write(bytes.Repeat([]byte{0xFF}, n))
	if n%2 == 1 {
		b.WriteByte(0)
	}
	return b.Bytes()
}

// A New job cancelled before it runs ends Failed without sending anything.
func TestCancelNewJob(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	j, err := e.eng.Submit(ctx, e.pack("site", siteCSV("Never", 3, nil)), mustObject(t, "site"), "a@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.RequestCancel(ctx, j.ID); err != nil {
		t.Fatal(err)
	}
	if j, err = e.eng.Run(ctx, j.ID, nil); err != nil {
		t.Fatal(err)
	}
	if j.Status != Failed || j.Failed != 3 || e.names("site")["Never-00001"] != 0 {
		t.Fatalf("job: %s, %d failed", j.Status, j.Failed)
	}
	if !j.StartedAt.IsZero() {
		t.Errorf("a job cancelled before it ran has a start time: %v", j.StartedAt)
	}
	// It says so, and its rows why they were not done, in Czech too.
	if j, _ = e.store.Get(ctx, j.ID); j.Reason != "cancelled by the user" || j.ReasonIn(i18n.Czech) != "zrušeno uživatelem" {
		t.Errorf("reason %q, in Czech %q", j.Reason, j.ReasonIn(i18n.Czech))
	}
	rows, _ := e.store.Rows(ctx, j.ID, Fail)
	if len(rows) != 3 || rows[0].MessageIn(i18n.Czech) != "úloha skončila dřív, než byl tento řádek proveden: zrušeno uživatelem" {
		t.Errorf("rows: %+v", rows)
	}
}

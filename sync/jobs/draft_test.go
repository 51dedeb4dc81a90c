package jobs

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// Two files of one type make one package, previewed as one job: the counts of both, the
// failure on its file's row; the job submitted from the draft has the rows of both.
func TestDraftOfTwoSheets(t *testing.T) {
	e := newEnv(t, envOptions{})
	a := previewSheet(t, "site", "Name,Multimedia Profile\nBrno,Voice Only\nOstrava,Voice Onyl\n")
	b := previewSheet(t, "site", "Name,Multimedia Profile\nPrague,Digital Only\n")
	b.File = "more.csv"
	d, err := BuildDraft(DraftSource{Sheets: []*sheets.Sheet{a, b}, Name: "site.csv and 1 more", Base: "site"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Err() != nil || d.Package.Name != "site.csv" || d.Preview.Records != 3 || d.Preview.Counted {
		t.Fatalf("draft: err %v, package %q, preview %+v", d.Err(), d.Package.Name, d.Preview)
	}
	if err := d.Check(context.Background(), NewOrgCache(e.api, OrgTTL)); err != nil {
		t.Fatal(err)
	}
	p := d.Preview
	if !p.Counted || p.Creates+p.Updates+p.Unchanged != 2 || p.Failing != 1 || len(p.Org) != 1 ||
		p.Org[0].File != "site.csv" || p.Org[0].Row != 3 || p.Org[0].Column != "Multimedia Profile" {
		t.Errorf("preview: %+v", p)
	}
	j, err := e.eng.SubmitDraft(context.Background(), d, "admin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if j.Total != 3 || j.FileName != "site.csv and 1 more" || j.Object != "site" || j.Status != New {
		t.Errorf("job: %+v", j)
	}
}

// A sheet with errors of its own is not packed: the draft names them, in the order
// validate gives them, and the engine refuses it.
func TestBlockedDraft(t *testing.T) {
	sh := previewSheet(t, "site", "Name,Multimedia Profile\nBad Site!,\n")
	d, err := BuildDraft(DraftSource{Sheets: []*sheets.Sheet{sh}})
	if err != nil {
		t.Fatal(err)
	}
	var fe *sheets.FindingsError
	if !errors.As(d.Err(), &fe) || len(fe.Findings) == 0 || d.Package.Data != nil || !d.Preview.Blocked() ||
		!strings.Contains(fe.Findings[0].String(), `Name "Bad Site!" may contain only`) {
		t.Fatalf("draft: err %v, package %d bytes, preview %+v", d.Err(), len(d.Package.Data), d.Preview)
	}
	eng := &Engine{OrgID: "o-1"}
	if _, err := eng.SubmitDraft(context.Background(), d, "ada"); !errors.As(err, &fe) {
		t.Errorf("a blocked draft was submitted: %v", err)
	}

	empty := previewSheet(t, "site", "Name,Multimedia Profile\n")
	if d, err = BuildDraft(DraftSource{Sheets: []*sheets.Sheet{empty}}); err != nil ||
		d.Err() == nil || d.Err().Error() != "pack site.csv: the sheet has no records" {
		t.Errorf("an empty sheet: %v, %v", d.Err(), err)
	}
}

// WAV files are packed into audio.zip and previewed; a zip that cannot be read is a
// finding on it.
func TestAudioDraft(t *testing.T) {
	e := newEnv(t, envOptions{})
	dir := t.TempDir()
	files := writeWAVs(t, dir, "welcome.wav", "new-prompt.wav")
	d, err := BuildDraft(DraftSource{Audio: files, Name: "welcome.wav and 1 more"})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Check(context.Background(), e.api); err != nil {
		t.Fatal(err)
	}
	if d.Err() != nil || d.Package.Name != "audio.zip" || d.Preview.Records != 2 || d.Preview.Creates != 1 || d.Preview.Updates != 1 {
		t.Errorf("draft: err %v, package %q, preview %+v", d.Err(), d.Package.Name, d.Preview)
	}
	bad := filepath.Join(dir, "bad.zip")
	if err := os.WriteFile(bad, []byte("not a zip"), 0o600); err != nil {
		t.Fatal(err)
	}
	if d, err = BuildDraft(DraftSource{Audio: []string{bad}}); err != nil || d.Err() == nil ||
		len(d.Findings) != 1 || d.Findings[0].File != bad || !d.Preview.Blocked() {
		t.Errorf("a broken zip: %+v, %v", d, err)
	}
	if err := d.Check(context.Background(), e.api); err != nil || len(d.Preview.Own) != 1 {
		t.Errorf("a broken zip, checked: %+v, %v", d.Preview, err)
	}
}

// writeWAVs writes a short WAV file of each name into dir and returns their paths.
func writeWAVs(t *testing.T, dir string, names ...string) []string {
	t.Helper()
	var files []string
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, wav(400), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	return files
}

package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/jobs"
)

// validate prints findings in the language of the locale, or of BULKOPS_LANG, which wins.
func TestValidateSpeaksTheLocalesLanguage(t *testing.T) {
	bad := writeFile(t, "teams.csv", "Name,Site,Type,Multimedia Profile,Skill Profile,DN,Capacity,Desktop Layout\n,Prague,AGNET,,,,,\n")
	t.Setenv("BULKOPS_LANG", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "cs_CZ.UTF-8")
	code, out, errs := runCLI(t, "validate", bad)
	if code != 1 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{
		bad + ":2:Name: chyba: Name je povinný údaj\n",
		bad + ":2:Type: chyba: Type musí být AGENT nebo CAPACITY; neměli jste na mysli AGENT?\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if want := "2 chyby, 0 varování (1 soubor)"; !strings.Contains(errs, want) {
		t.Errorf("stderr %q lacks %q", errs, want)
	}
	t.Setenv("BULKOPS_LANG", "en")
	if _, out, _ := runCLI(t, "validate", bad); !strings.Contains(out, bad+":2:Name: error: Name is required\n") {
		t.Errorf("BULKOPS_LANG=en does not win over LANG:\n%s", out)
	}
}

// In Czech (BULKOPS_LANG=cs) a job is told in Czech: the preview before the submit, the
// summary, bulkops jobs, bulkops job ID with the failed rows and why, and an error; the
// error file stays English. A store written before Bulkops kept its messages (schema 1,
// English rows) opens and its rows show as they were stored.
func TestJobInCzech(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	t.Setenv("BULKOPS_LANG", "cs")
	sites := writeFile(t, "sites.csv", "Name,Multimedia Profile\nBrno,Voice Only\nOstrava,Voice Onyl\n")
	const why = `"Voice Onyl" (Multimediální profily) v organizaci neexistuje (neměli jste na mysli "Voice Only"?)`
	code, out, errs := runCLIWith(t, nil, "submit", "--wait", sites)
	id := strings.TrimSpace(out)
	for _, want := range []string{
		"; v organizaci selže 1 řádek:\n  řádek 3, Multimedia Profile: " + why + "\n",
		"odesláno do Sandbox (vestavěný)",
		"Sandbox (vestavěný) (",
		id + " Dokončeno s chybami: úspěšných 1, chybných 1 z 2\n",
		"bulkops errors " + id + " -o errors.csv zapíše chybné řádky s jejich Error Message\n",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("submit --wait (exit %d) does not say %q:\n%s", code, want, errs)
		}
	}

	_, out, _ = runCLI(t, "jobs")
	if !strings.Contains(out, "ID ÚLOHY") || !strings.Contains(out, "Dokončeno s chybami  1 v pořádku, 1 chybných") ||
		!strings.Contains(out, "Sandbox (vestavěný)") {
		t.Errorf("jobs:\n%s", out)
	}
	_, out, _ = runCLI(t, "job", id)
	for _, want := range []string{"Stav:", "Dokončeno s chybami", "Řádky:", "2: úspěšných 1, chybných 1, zbývá 0 (hotovo 100 %)",
		"Chybné řádky:\n  řádek 3, Multimedia Profile: " + why + "\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("job %s does not show %q:\n%s", id, want, out)
		}
	}
	if code, _, errs = runCLI(t, "job", "BO-20260101-XXXX"); code != 1 || errs != "bulkops: úloha BO-20260101-XXXX: taková úloha neexistuje\n" {
		t.Errorf("an unknown job: exit %d, %q", code, errs)
	}

	errFile := filepath.Join(t.TempDir(), "errors.csv")
	runCLI(t, "errors", id, "-o", errFile)
	if b, _ := os.ReadFile(errFile); !strings.Contains(string(b), "does not exist in the organization") {
		t.Errorf("the error file is not Control Hub's English:\n%s", b)
	}

	// The same store as a Bulkops before schema 2 left it: no message templates.
	db, err := sql.Open("sqlite", filepath.Join(os.Getenv("BULKOPS_HOME"), jobs.DBName))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"ALTER TABLE job_rows DROP COLUMN message_text", "ALTER TABLE jobs DROP COLUMN reason_text",
		"ALTER TABLE job_rows DROP COLUMN before", "ALTER TABLE job_rows DROP COLUMN sent_as", "ALTER TABLE jobs DROP COLUMN undoable", "ALTER TABLE jobs DROP COLUMN undo_of", // schema 4
		"DROP INDEX jobs_parent", "ALTER TABLE jobs DROP COLUMN parent", "ALTER TABLE jobs DROP COLUMN step", // schema 5
		"PRAGMA user_version = 1"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	_, out, errs = runCLI(t, "job", id)
	if want := `  řádek 3, Multimedia Profile: Multimedia Profile "Voice Onyl" does not exist in the organization (did you mean "Voice Only"?)` + "\n"; !strings.Contains(out, want) {
		t.Errorf("an old store's row is not shown as stored (%q):\n%s%s", want, out, errs)
	}
}

package bulk

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bulkops/bulkops/assets"
	"github.com/bulkops/bulkops/sync/jobs"
)

// langCall finds the literal first argument of every lang.L call.
var langCall = regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")`)

// Every string this package passes to lang.L is in both bundled languages: a string
// without Czech would show in English in a Czech window.
func TestEveryBulkStringIsTranslated(t *testing.T) {
	bundles := map[string]map[string]string{}
	for _, code := range []string{"en", "cs"} {
		data, err := assets.Translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		bundles[code] = m
	}
	files, _ := filepath.Glob("*.go")
	n := 0
	for _, f := range files {
		if matched, _ := filepath.Match("*_test.go", f); matched {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range langCall.FindAllSubmatch(src, -1) {
			key, err := strconv.Unquote(string(m[1]))
			if err != nil {
				continue
			}
			n++
			for code, b := range bundles {
				if b[key] == "" {
					t.Errorf("%s: %s.json lacks %q", f, code, key)
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("found only %d strings; is the scan broken?", n)
	}
}

// In Czech the dashboard's workbook row and a step's counts read in Czech, the
// thousands grouped as Czech groups them.
func TestCzechWorkbookWords(t *testing.T) {
	useCzech(t)
	j := jobs.Job{Object: jobs.WorkbookObject, Types: 6, Total: 1240}
	if got, want := cellText(j, colObject), "Sešit: typy 6, řádky 1\u00a0240"; got != want {
		t.Errorf("the dashboard's row reads %q, want %q", got, want)
	}
	e := newEnv(t)
	e.b.SetConnection(e.target)
	test.Tap(e.b.dash.wbook) // no file chosen: the page waits for one
	if got := e.b.workbook.list.Text; got != "Zatím nebyl vybrán žádný soubor." {
		t.Errorf("the workbook page says %q", got)
	}
}

// The dashboard names a workbook job by what it holds: "Workbook: 6 types, 1,240 rows".
func TestWorkbookRowName(t *testing.T) {
	for _, c := range []struct {
		types, rows int
		want        string
	}{{6, 1240, "Workbook: 6 types, 1,240 rows"}, {2, 999, "Workbook: 2 types, 999 rows"}, {23, 1234567, "Workbook: 23 types, 1,234,567 rows"}} {
		if got := cellText(jobs.Job{Object: jobs.WorkbookObject, Types: c.types, Total: c.rows}, colObject); got != c.want {
			t.Errorf("%d types, %d rows: %q, want %q", c.types, c.rows, got, c.want)
		}
	}
}

package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/assets"
	"github.com/bulkops/bulkops/assets/messages"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/ui/internal/uitest"
)

// Every string this package and its sheet editor (ui/sheetview) pass to lang.L, lang.N or
// lang.X is translated in both bundled languages, and every group and object type name of
// the catalog in Czech (the catalog's words come from assets/messages, which the CLI reads
// too; English is the catalog's own text).
func TestEveryStringIsTranslated(t *testing.T) {
	bundles := map[string]map[string]string{}
	for _, code := range []string{"en", "cs"} {
		b, err := assets.Translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		bundles[code] = m
	}
	var keys []string
	files, _ := filepath.Glob("*.go")
	editor, _ := filepath.Glob("sheetview/*.go") // the sheet editor's strings
	files = append(files, editor...)
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err == nil {
				keys = append(keys, s)
			}
			return true
		})
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d strings; is the scan broken?", len(keys))
	}
	words := map[string]string{}
	if err := json.Unmarshal(messages.CatalogCS, &words); err != nil {
		t.Fatal(err)
	}
	for _, o := range catalog.All() {
		for _, k := range []string{o.Group, o.Title} {
			if words[k] == "" {
				t.Errorf("assets/messages/catalog.cs.json lacks %q", k)
			}
		}
	}
	for _, k := range keys {
		for code, m := range bundles {
			if m[k] == "" {
				t.Errorf("%s.json lacks %q", code, k)
			}
		}
	}
}

func TestCzech(t *testing.T) {
	s := newCzechShell(t)
	if got := s.win.MainMenu().Items[0].Label; got != "Soubor" {
		t.Errorf("first menu %q, want Soubor", got)
	}
	if got := s.status.conn.Text; got != "Sandbox (vestavěný)" {
		t.Errorf("connection %q", got)
	}
	if got := s.empty.newBtn.Text; got != "Nový list" {
		t.Errorf("new sheet button %q", got)
	}
	s.openPaths([]string{"testdata/sites.csv"})
	if got := uitest.Text(s.ed.FindingsPanel()); !slices.Contains(strings.Split(got, "\n"), "Chyby: 1 · Varování: 0") {
		t.Errorf("findings panel shows %q", got)
	}
}

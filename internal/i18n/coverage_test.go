package i18n_test

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/assets/messages"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// The packages whose words reach the user: the window's words (ui, through ui/words) are
// in the same catalogue as the command line's.
var scanned = []string{"sheets", "sync", "cmd/bulkops", "internal", "ui"}

// notYet are files allowed to build a Finding with a Message of their own, and a
// command's usage without Czech. Each entry (a path.Match pattern) is a debt, except
// finding.go's: remove one once its file builds its findings with NewFinding.
var notYetFiles = []string{
	// NewFinding itself sets Message from the template.
	"sheets/finding.go",
}

func notYet(rel string) bool { return matches(notYetFiles, rel) }

// wrappers are functions of package main that pass their template on to i18n.M; the
// files that hold them pass a non-literal template, which their callers' literals cover.
var (
	wrappers    = map[string]bool{"say": true}
	passThrough = map[string]bool{"internal/i18n/i18n.go": true, "cmd/bulkops/language.go": true,
		"internal/i18n/stored.go": true, "cmd/bulkops/main.go": true, // main.go: register's own command{}
		"ui/words/words.go": true}
)

// plainErrorFiles (path.Match patterns) are where every error reaches the user as it is
// (signing in, connecting, the checks of an address): an error made there by fmt.Errorf
// or errors.New has no Czech, so each must be i18n.Errorf.
var plainErrorFiles = []string{"sync/auth/*.go", "sync/connect/*.go", "sync/webex/url.go"}

func matches(patterns []string, rel string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, rel); ok {
			return true
		}
	}
	return false
}

type use struct {
	where    string
	template string
	other    string // a plural message's English form for n != 1 (i18n.N); "" for others
	english  string // a keyed message's English template (i18n.X); "" for others
}

// templates finds every template passed to i18n.M, i18n.X, i18n.Errorf and i18n.Word (and
// to the window's words.T, words.X and words.N, which pass theirs on), every
// Finding literal that sets its Message by hand outside notYet, and every error made
// without a template in plainErrorFiles.
func templates(t *testing.T) (msgs, words []use, bare, plain []string) {
	t.Helper()
	fset := token.NewFileSet()
	for _, dir := range scanned {
		err := filepath.WalkDir(filepath.Join("..", "..", dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			file, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), path)
			rel = filepath.ToSlash(rel)
			inI18n, inMain := file.Name.Name == "i18n", file.Name.Name == "main"
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if plainError(n) && matches(plainErrorFiles, rel) {
						plain = append(plain, fset.Position(n.Pos()).String())
					}
					name := calledName(n, inI18n)
					if id, ok := n.Fun.(*ast.Ident); ok && inMain && wrappers[id.Name] {
						name = "M"
					}
					if id, ok := n.Fun.(*ast.Ident); ok && inMain && id.Name == "register" && len(n.Args) > 1 && !notYet(rel) {
						msgs = append(msgs, usageOf(t, fset, n.Args[1])...)
					}
					if (name == "N" || name == "X") && passThrough[rel] {
						return true // passes its caller's literals on
					}
					if name == "N" && len(n.Args) >= 3 {
						msgs = append(msgs, pluralOf(t, fset, n))
						return true
					}
					if name == "X" && len(n.Args) >= 2 {
						msgs = append(msgs, keyedOf(t, fset, n))
						return true
					}
					if name != "M" && name != "Errorf" && name != "Word" || len(n.Args) == 0 {
						return true
					}
					where := fset.Position(n.Pos()).String()
					s, ok := constString(n.Args[0])
					switch {
					case !ok && name == "Word":
						// a word from the catalog's data, checked against the catalog below
					case !ok:
						if !passThrough[rel] {
							t.Errorf("%s: the template of i18n.%s is not a string literal, so it cannot be checked", where, name)
						}
					case name == "Word":
						words = append(words, use{where: where, template: s})
					default:
						msgs = append(msgs, use{where: where, template: s})
					}
				case *ast.CompositeLit:
					if notYet(rel) {
						return true
					}
					if id, ok := n.Type.(*ast.Ident); ok && inMain && id.Name == "command" && !passThrough[rel] {
						msgs = append(msgs, usageOf(t, fset, commandUsage(n))...)
					}
					if isFinding(n.Type) && setsMessage(n) {
						bare = append(bare, fset.Position(n.Pos()).String())
					}
					if a, ok := n.Type.(*ast.ArrayType); ok && isFinding(a.Elt) {
						for _, e := range n.Elts { // []Finding{{Message: …}}: the elements' type is elided
							if c, ok := e.(*ast.CompositeLit); ok && c.Type == nil && setsMessage(c) {
								bare = append(bare, fset.Position(c.Pos()).String())
							}
						}
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return msgs, words, bare, plain
}

// plainError reports a call of fmt.Errorf or errors.New.
func plainError(c *ast.CallExpr) bool {
	f, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := f.X.(*ast.Ident)
	return ok && (x.Name == "fmt" && f.Sel.Name == "Errorf" || x.Name == "errors" && f.Sel.Name == "New")
}

// commandUsage is the usage of a command{…} literal of package main, which the help
// renders through sayUsage: by key, or the second field.
func commandUsage(c *ast.CompositeLit) ast.Expr {
	for i, e := range c.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "usage" {
				return kv.Value
			}
		} else if i == 1 {
			return e
		}
	}
	return nil
}

// usageOf is a command's usage line as a template to check.
func usageOf(t *testing.T, fset *token.FileSet, e ast.Expr) []use {
	if e == nil {
		return nil
	}
	s, ok := constString(e)
	if !ok {
		t.Errorf("%s: a command's usage is not a string literal, so its Czech cannot be checked", fset.Position(e.Pos()))
		return nil
	}
	return []use{{where: fset.Position(e.Pos()).String(), template: s}}
}

// pluralOf is the use of i18n.N(n, one, other, …): its key is one.
func pluralOf(t *testing.T, fset *token.FileSet, c *ast.CallExpr) use {
	u, other := twoLiterals(t, fset, c, 1, "the forms of N")
	u.other = other
	return u
}

// keyedOf is the use of i18n.X(key, format, …): its key is key, its verbs format's.
func keyedOf(t *testing.T, fset *token.FileSet, c *ast.CallExpr) use {
	u, english := twoLiterals(t, fset, c, 0, "the key and template of X")
	u.english = english
	return u
}

// twoLiterals is a use keyed by c's argument i, and the text of argument i+1.
func twoLiterals(t *testing.T, fset *token.FileSet, c *ast.CallExpr, i int, what string) (use, string) {
	where := fset.Position(c.Pos()).String()
	key, ok1 := constString(c.Args[i])
	second, ok2 := constString(c.Args[i+1])
	if !ok1 || !ok2 {
		t.Errorf("%s: %s are not string literals, so they cannot be checked", where, what)
	}
	return use{where: where, template: key}, second
}

// calledName is the name of a function of i18n called (M, N, X, Errorf, Word), or of
// the window's words, whose T, N and X are i18n's M, N and X in the window's language.
func calledName(c *ast.CallExpr, inI18n bool) string {
	switch f := c.Fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok && x.Name == "i18n" {
			return f.Sel.Name
		}
		if x, ok := f.X.(*ast.Ident); ok && x.Name == "words" {
			switch f.Sel.Name {
			case "T":
				return "M"
			case "N", "X":
				return f.Sel.Name
			}
		}
	case *ast.Ident:
		if inI18n {
			return f.Name
		}
	}
	return ""
}

// constString evaluates a string literal or a sum of them ("a " + "b").
func constString(e ast.Expr) (string, bool) {
	tv, err := types.Eval(token.NewFileSet(), nil, token.NoPos, types.ExprString(e))
	if err != nil || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func isFinding(e ast.Expr) bool {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name == "Finding"
	case *ast.SelectorExpr:
		return t.Sel.Name == "Finding"
	}
	return false
}

func setsMessage(c *ast.CompositeLit) bool {
	for _, e := range c.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Message" {
				return true
			}
		}
	}
	return false
}

func load(t *testing.T, name string, b []byte) map[string]string {
	t.Helper()
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("assets/messages/%s: %v", name, err)
	}
	return m
}

// Every template the code passes to i18n has a Czech form with the same arguments, every
// Czech form is used, and no Finding outside notYet is built with a bare English Message.
func TestEveryMessageHasItsCzech(t *testing.T) {
	msgs, words, bare, plain := templates(t)
	if len(msgs) < 40 {
		t.Fatalf("found only %d templates; is the scan broken?", len(msgs))
	}
	for _, b := range bare {
		t.Errorf("%s: a Finding with a Message of its own has no Czech; build it with sheets.NewFinding", b)
	}
	for _, p := range plain {
		t.Errorf("%s: an error the user sees is made without a template, so it has no Czech; use i18n.Errorf", p)
	}
	cs := load(t, "cs.json", messages.CS)
	used := map[string]bool{}
	for _, u := range msgs {
		used[u.template] = true
		c, ok := cs[u.template]
		switch {
		case !ok:
			t.Errorf("%s: cs.json lacks %q", u.where, u.template)
		case c == "":
			t.Errorf("cs.json: %q is empty", u.template)
		case u.other != "":
			checkPlural(t, u, c)
		case u.english != "":
			if !slices.Equal(verbs(u.english), verbs(c)) {
				t.Errorf("cs.json: %q (key %q) takes %v, its Czech %q takes %v", u.english, u.template, verbs(u.english), c, verbs(c))
			}
		case !slices.Equal(verbs(u.template), verbs(c)):
			t.Errorf("cs.json: %q takes %v, its Czech %q takes %v", u.template, verbs(u.template), c, verbs(c))
		}
	}
	for k := range cs {
		if !used[k] {
			t.Errorf("cs.json: %q is used nowhere", k)
		}
	}
	catalogWords(t, words)
}

// checkPlural checks a plural message: its two English forms and three Czech ones (for 1;
// 2 to 4; the rest) take the same verbs.
func checkPlural(t *testing.T, u use, cs string) {
	forms := strings.Split(cs, "|")
	if len(forms) != 3 {
		t.Errorf("cs.json: %q is a plural message: its Czech needs three forms separated by |, not %q", u.template, cs)
		return
	}
	for _, f := range append(forms, u.other) {
		if !slices.Equal(verbs(u.template), verbs(f)) {
			t.Errorf("cs.json: %q takes %v, its form %q takes %v", u.template, verbs(u.template), f, verbs(f))
		}
	}
}

// Every title, group, column description and pattern hint of the catalog, the note of
// every unsent column (the other notes document the catalog and are shown nowhere), and
// every literal i18n.Word, has its Czech; catalog.cs.json holds nothing else.
func catalogWords(t *testing.T, words []use) {
	cs := load(t, "catalog.cs.json", messages.CatalogCS)
	used := map[string]bool{}
	need := func(where, s string) {
		if s == "" {
			return
		}
		used[s] = true
		if c := cs[s]; c == "" {
			t.Errorf("%s: catalog.cs.json lacks %q", where, s)
		} else if strings.Contains(c, "%") != strings.Contains(s, "%") {
			t.Errorf("catalog.cs.json: %q has a %% the Czech %q has not, or the other way", s, c)
		}
	}
	for _, o := range catalog.All() {
		need(o.Key, o.Title)
		need(o.Key, o.Group)
		for _, c := range o.Columns {
			need(o.Key+"."+c.Header, c.Description)
			need(o.Key+"."+c.Header, c.PatternHint)
			if c.Unsent { // its note is the reason of the warning on a filled cell
				need(o.Key+"."+c.Header, c.Note)
			}
		}
	}
	for _, w := range words {
		need(w.where, w.template)
	}
	for k := range cs {
		if !used[k] {
			t.Errorf("catalog.cs.json: %q is used nowhere", k)
		}
	}
}

// verbs lists the arguments a fmt template prints, as index and verb ("1s", "2d"), each
// once, sorted: a translation may reorder them (%[2]s) or repeat one, never change them.
func verbs(f string) []string {
	seen := map[string]bool{}
	arg := 1
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		for i < len(f) && strings.IndexByte("+-# 0", f[i]) >= 0 {
			i++
		}
		if i < len(f) && f[i] == '[' {
			if j := strings.IndexByte(f[i:], ']'); j > 0 {
				arg, _ = strconv.Atoi(f[i+1 : i+j])
				i += j + 1
			}
		}
		for i < len(f) && (f[i] >= '0' && f[i] <= '9' || f[i] == '.') {
			i++
		}
		if i >= len(f) || f[i] == '%' {
			continue
		}
		seen[strconv.Itoa(arg)+string(f[i])] = true
		arg++
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

func TestVerbs(t *testing.T) {
	for f, want := range map[string]string{
		"%s is %d":               "1s 2d",
		"%[2]d je %[1]s":         "1s 2d",
		"%s has no %[1]s column": "1s",
		"100%% of %q":            "1q",
		"%5.1f%%":                "1f",
	} {
		if got := strings.Join(verbs(f), " "); got != want {
			t.Errorf("verbs(%q) = %q, want %q", f, got, want)
		}
	}
}

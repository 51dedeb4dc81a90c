package ui

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// Every character the window writes itself, in either language, is one that draws the
// same on every desktop. Fyne 2.8.1 draws a character its text font (Noto Sans) lacks
// from its bundled fallbacks first (EmojiOne, then Inter Symbols), then from the
// system's fonts, and it shapes the space after such a character in the same fallback:
// "old → new" came out as "old →� new", because Inter Symbols, the font with the arrow,
// has no space. So a character from a bundled fallback without a space is never followed
// by one, and one from no bundled font is one of the few named here, knowingly.
func TestWindowWordsHaveGlyphs(t *testing.T) {
	text, emoji, symbols := parseFont(t, theme.DefaultTextFont()), parseFont(t, theme.DefaultEmojiFont()), parseFont(t, theme.DefaultSymbolFont())
	has := func(f *font.Face, r rune) bool { _, ok := f.NominalGlyph(r); return ok }
	if has(symbols, ' ') {
		t.Log("Inter Symbols has a space now: the rule on its characters may go")
	}
	for s, where := range windowWords(t) {
		rs := []rune(s)
		for i, r := range rs {
			switch {
			case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || has(text, r) || has(emoji, r):
			case has(symbols, r):
				if i+1 < len(rs) && unicode.IsSpace(rs[i+1]) {
					t.Errorf("%s: %q has %q and a space after it: Fyne draws that space as a box", where, s, r)
				}
			case !strings.ContainsRune(systemGlyphs, r):
				t.Errorf("%s: %q has %q, which no font Fyne bundles draws", where, s, r)
			}
		}
	}
}

// systemGlyphs are the characters of the window's words that only the system's fonts
// draw (DejaVu Sans on this Linux; each is in Windows' Segoe UI Symbol and macOS's
// symbol fonts): the sort and filter marks of the grid's headers, the tick and cross
// of the Connections page and the tabs, and the minus of a planned delete.
const systemGlyphs = "▲▼▾✓✕−"

func parseFont(t *testing.T, r fyne.Resource) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		t.Fatalf("%s: %v", r.Name(), err)
	}
	return f
}

// windowWords are the string literals of the window's Go files and the translations of
// the window's words, each with where it was found.
func windowWords(t *testing.T) map[string]string {
	t.Helper()
	words := map[string]string{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					words[s] = fset.Position(lit.Pos()).String()
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"../assets/messages/cs.json", "../assets/messages/catalog.cs.json"} {
		b, err := os.ReadFile(file)
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for k, v := range m {
			words[k], words[v] = file, file
		}
	}
	return words
}

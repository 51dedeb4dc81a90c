package catalog

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

//go:embed data/*.json
var files embed.FS

var (
	loadOnce sync.Once
	objects  []*Object
	byKey    map[string]*Object
	loadErr  error
)

func load() {
	byKey = map[string]*Object{}
	entries, err := fs.ReadDir(files, "data")
	if err != nil {
		loadErr = err
		return
	}
	for _, e := range entries {
		b, err := files.ReadFile("data/" + e.Name())
		if err != nil {
			loadErr = err
			return
		}
		o := new(Object)
		if err := json.Unmarshal(b, o); err != nil {
			loadErr = fmt.Errorf("catalog %s: %w", e.Name(), err)
			return
		}
		if err := o.check(); err != nil {
			loadErr = fmt.Errorf("catalog %s: %w", e.Name(), err)
			return
		}
		// One file per type, named after its key: a copied file with a stale key
		// would otherwise silently replace another type.
		if e.Name() != o.Key+".json" {
			loadErr = fmt.Errorf("catalog %s: key %q does not match the file name", e.Name(), o.Key)
			return
		}
		objects = append(objects, o)
		byKey[o.Key] = o
	}
	sort.SliceStable(objects, func(i, j int) bool { return objects[i].Order < objects[j].Order })
}

// All returns every object type, in a dependency-safe import order.
// It panics if the embedded catalog is broken: that is a build defect caught by the tests.
func All() []*Object {
	loadOnce.Do(load)
	if loadErr != nil {
		panic(loadErr)
	}
	return objects
}

// Lookup finds an object type by key, title or alias, without regard to case and spacing.
func Lookup(name string) (*Object, bool) {
	All()
	if o, ok := byKey[name]; ok {
		return o, true
	}
	n := Normalize(name)
	for _, o := range objects {
		if Normalize(o.Key) == n || Normalize(o.Title) == n {
			return o, true
		}
		for _, a := range o.Aliases {
			if Normalize(a) == n {
				return o, true
			}
		}
	}
	return nil, false
}

// Normalize folds a header or name for matching: lower case, no spaces, dashes,
// underscores or byte-order mark.
func Normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\ufeff', unicode.IsSpace(r), r == '_', r == '-':
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Column finds the column whose header or alias matches h (see Normalize); -1 if none.
func (o *Object) Column(h string) int {
	n := Normalize(h)
	for i, c := range o.Columns {
		if Normalize(c.Header) == n {
			return i
		}
		for _, a := range c.Aliases {
			if Normalize(a) == n {
				return i
			}
		}
	}
	return -1
}

// Headers returns the catalog's header row.
func (o *Object) Headers() []string {
	h := make([]string, len(o.Columns))
	for i, c := range o.Columns {
		h[i] = c.Header
	}
	return h
}

// Detect picks the object type whose columns best match a header row. It returns nil
// when no type matches at least its key columns.
func Detect(header []string) *Object {
	var best *Object
	bestScore := 0
	for _, o := range All() {
		if o.Format != FormatCSV && !deletes(header) { // audio files come as a sheet only to be deleted
			continue
		}
		seen := map[int]bool{}
		for _, h := range header {
			if i := o.Column(h); i >= 0 {
				seen[i] = true
			}
		}
		matched, keys := len(seen), 0
		for _, k := range o.KeyColumns {
			if i := o.Column(k); i >= 0 && seen[i] {
				keys++
			}
		}
		if keys < len(o.KeyColumns) {
			continue
		}
		// Prefer the type that explains most of the header and has fewest columns left over.
		score := matched*100 - (len(o.Columns) - matched)
		if matched == len(o.KeyColumns) {
			// A header of exactly the type's key (a file of deletes: Name, Site, Action)
			// names that type, not a smaller one that merely has the same columns.
			score += 50
		}
		if score > bestScore {
			best, bestScore = o, score
		}
	}
	return best
}

// deletes reports whether a header has the Action column that marks records for
// deletion (sheets.ActionHeader, which this package cannot import).
func deletes(header []string) bool {
	return slices.ContainsFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), "Action") })
}

func (o *Object) check() error {
	if o.Key == "" || o.Title == "" {
		return fmt.Errorf("key and title are required")
	}
	if o.Format != FormatCSV && o.Format != FormatAudioZip {
		return fmt.Errorf("%s: unknown format %q", o.Key, o.Format)
	}
	if o.Rows != Flat && o.Rows != Group {
		return fmt.Errorf("%s: unknown row model %q", o.Key, o.Rows)
	}
	if !validSource(o.HeaderSource, false) {
		return fmt.Errorf("%s: header source %q is not P, S or A", o.Key, o.HeaderSource)
	}
	if o.API.KeyField == "" {
		return fmt.Errorf("%s: the API block has no keyField", o.Key)
	}
	if err := o.API.checkAPI(); err != nil {
		return fmt.Errorf("%s: api: %w", o.Key, err)
	}
	if err := o.checkNames(); err != nil {
		return err
	}
	children := 0
	for i := range o.Columns {
		c := &o.Columns[i]
		if err := o.checkColumn(c); err != nil {
			return fmt.Errorf("%s.%s: %w", o.Key, c.Header, err)
		}
		if c.Child {
			children++
		}
	}
	if o.Rows == Group && children == 0 {
		return fmt.Errorf("%s: parent/child rows but no child column", o.Key)
	}
	for _, k := range o.KeyColumns {
		if o.Column(k) < 0 && o.Format == FormatCSV {
			return fmt.Errorf("%s: key column %q is not a column", o.Key, k)
		}
	}
	return nil
}

// checkNames rejects two columns answering to the same header: Column would
// silently pick the first and the second could never be read.
func (o *Object) checkNames() error {
	owner := map[string]string{}
	for _, c := range o.Columns {
		n := Normalize(c.Header)
		if _, ok := owner[n]; ok {
			return fmt.Errorf("%s: duplicate column %q", o.Key, c.Header)
		}
		owner[n] = c.Header
	}
	for _, c := range o.Columns {
		for _, a := range c.Aliases {
			n := Normalize(a)
			if prev, ok := owner[n]; ok && prev != c.Header {
				return fmt.Errorf("%s: alias %q of column %q is already column %q", o.Key, a, c.Header, prev)
			}
			owner[n] = c.Header
		}
	}
	return nil
}

func (o *Object) checkColumn(c *Column) error {
	switch c.Type {
	case Text, Integer, Decimal, Enum, OnOff, Boolean, Email, Phone, TimeZone, Ref, Date, Time:
	default:
		return fmt.Errorf("unknown type %q", c.Type)
	}
	if c.Type == Enum && len(c.Values) == 0 {
		return fmt.Errorf("enum without values")
	}
	if c.Type == Ref && c.Ref == "" {
		return fmt.Errorf("reference without a target type")
	}
	if !validSource(c.Source, true) {
		return fmt.Errorf("source %q is not P, S, A or a combination such as S+A", c.Source)
	}
	if c.Child && o.Rows != Group {
		return fmt.Errorf("child column in a type without parent/child rows")
	}
	if c.Min != nil && c.Max != nil && *c.Min > *c.Max {
		return fmt.Errorf("min %v is above max %v", *c.Min, *c.Max)
	}
	if c.MaxLength > 0 && c.MinLength > c.MaxLength {
		return fmt.Errorf("minLength %d is above maxLength %d", c.MinLength, c.MaxLength)
	}
	for _, p := range []string{c.Pattern, c.WarnPattern} {
		if _, err := regexp.Compile(p); err != nil {
			return fmt.Errorf("pattern %q: %w", p, err)
		}
	}
	for _, w := range append(append([]Condition(nil), c.RequiredWhen...), c.ForbiddenWhen...) {
		if o.Column(w.Column) < 0 {
			return fmt.Errorf("condition on %q, which is not a column", w.Column)
		}
		if w.Filled == (len(w.In) > 0) {
			return fmt.Errorf("condition on %q needs either filled or in, not both", w.Column)
		}
	}
	return nil
}

// validSource accepts P, S and A, joined by + (S+A) when combos is set.
func validSource(s string, combos bool) bool {
	parts := []string{s}
	if combos {
		parts = strings.Split(s, "+")
	}
	for _, p := range parts {
		if p != FromPrimary && p != FromSecondary && p != FromAPI {
			return false
		}
	}
	return true
}

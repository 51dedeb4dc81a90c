package jobs

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// unchanged reports whether saving rec over cur (the object as the organization has it,
// see reader) would change nothing: each value the record gives, mapped as a save maps
// it, equals cur's; an empty cell keeps the current value and so counts as equal. A
// record that changes nothing is not sent: re-importing an export makes no request.
func (m *mapper) unchanged(ctx context.Context, rec *record, cur webex.Object) (bool, error) {
	if m.hooks.same != nil {
		return m.hooks.same(ctx, m, rec, cur)
	}
	if same, err := m.sameParent(ctx, rec, cur); err != nil || !same {
		return false, err
	}
	return m.sameChildren(ctx, rec, cur)
}

// sameParent compares the values of the record's parent columns with cur's.
func (m *mapper) sameParent(ctx context.Context, rec *record, cur webex.Object) (bool, error) {
	same := true
	err := m.eachParent(ctx, rec, func(c *catalog.Column, val any) bool {
		same = sameValue(val, getPath(cur, c.APIField)) || sameEnum(c, val, getPath(cur, c.APIField))
		return same
	})
	return same && err == nil, err
}

// sameChildren compares the array the child rows replace with cur's, element by element
// on the fields the child columns fill, in any order.
func (m *mapper) sameChildren(ctx context.Context, rec *record, cur webex.Object) (bool, error) {
	built := webex.Object{}
	if err := m.children(ctx, rec, built); err != nil {
		return false, err
	}
	var cols []*catalog.Column
	for i := range m.obj.Columns {
		if c := &m.obj.Columns[i]; c.Child && c.APIField != "" && rec.lay.has(c) {
			cols = append(cols, c)
		}
	}
	if len(cols) == 0 {
		return true, nil
	}
	prefix, _, _ := splitArray(cols[0].APIField)
	want, _ := getPath(built, prefix).([]any)
	if want == nil {
		return true, nil // no child row: the array stays as it is
	}
	have, _ := getPath(cur, prefix).([]any)
	return sameValue(want, project(have, cols)), nil
}

// project keeps of each element of elems only the fields cols fill.
func project(elems []any, cols []*catalog.Column) []any {
	out := make([]any, 0, len(elems))
	for _, el := range elems {
		em, ok := el.(map[string]any)
		if !ok {
			continue
		}
		p := map[string]any{}
		for _, c := range cols {
			_, rest, _ := splitArray(c.APIField)
			if v := getPath(em, rest); v != nil {
				setPath(p, rest, v)
			}
		}
		out = append(out, p)
	}
	return out
}

// sameEnum compares enum values as the API takes them: without regard to case and
// underscores (a global variable's type is STRING or String, DATE_TIME or DateTime).
func sameEnum(c *catalog.Column, a, b any) bool {
	x, ok1 := a.(string)
	y, ok2 := b.(string)
	return c.Type == catalog.Enum && ok1 && ok2 && catalog.Normalize(x) == catalog.Normalize(y)
}

// sameValue compares two values as JSON gives them: numbers by value whatever their Go
// type, lists without regard to order (team ids, distribution groups carry no meaning
// in their order; a group's position is its own field).
func sameValue(a, b any) bool {
	if x, ok := scalarOf(a); ok { // the common case, without a JSON round trip
		y, ok := scalarOf(b)
		return ok && x == y || !ok && canonical(a) == canonical(b)
	}
	if x, ok := scalarList(a); ok {
		if y, ok := scalarList(b); ok {
			return slices.Equal(x, y)
		}
	}
	return canonical(a) == canonical(b)
}

// scalar is a JSON scalar by kind and value, to compare without allocating.
type scalar struct {
	kind byte // z(null) s b n
	s    string
	f    float64
}

func scalarOf(v any) (scalar, bool) {
	switch t := v.(type) {
	case nil:
		return scalar{kind: 'z'}, true
	case string:
		return scalar{kind: 's', s: t}, true
	case bool:
		if t {
			return scalar{kind: 'b', f: 1}, true
		}
		return scalar{kind: 'b'}, true
	case float64:
		return scalar{kind: 'n', f: t}, true
	case int:
		return scalar{kind: 'n', f: float64(t)}, true
	case int64:
		return scalar{kind: 'n', f: float64(t)}, true
	case json.Number:
		f, err := t.Float64()
		return scalar{kind: 'n', f: f}, err == nil
	}
	return scalar{}, false
}

// scalarKey is a JSON scalar as a comparable key: its kind and its value, numbers by
// value whatever their Go type (as canonical compares them).
func scalarKey(v any) (string, bool) {
	switch t := v.(type) {
	case nil:
		return "z", true
	case string:
		return "s" + t, true
	case bool:
		return "b" + strconv.FormatBool(t), true
	case float64:
		return "n" + strconv.FormatFloat(t, 'g', -1, 64), true
	case int:
		return "n" + strconv.FormatFloat(float64(t), 'g', -1, 64), true
	case int64:
		return "n" + strconv.FormatFloat(float64(t), 'g', -1, 64), true
	case json.Number:
		f, err := t.Float64()
		return "n" + strconv.FormatFloat(f, 'g', -1, 64), err == nil
	}
	return "", false
}

// scalarList is a list of scalars as sorted keys (lists compare without regard to
// order), or false for anything else.
func scalarList(v any) ([]string, bool) {
	var n int
	switch t := v.(type) {
	case []any:
		n = len(t)
	case []string:
		n = len(t)
	default:
		return nil, false
	}
	out := make([]string, 0, n)
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			k, ok := scalarKey(e)
			if !ok {
				return nil, false
			}
			out = append(out, k)
		}
	case []string:
		for _, e := range t {
			out = append(out, "s"+e)
		}
	}
	slices.Sort(out)
	return out, true
}

func canonical(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "\x00" + err.Error()
	}
	var plain any
	if err := json.Unmarshal(b, &plain); err != nil {
		return "\x00" + err.Error()
	}
	return canonicalPlain(plain)
}

func canonicalPlain(v any) string {
	switch t := v.(type) {
	case []any:
		parts := make([]string, len(t))
		for i, e := range t {
			parts[i] = canonicalPlain(e)
		}
		slices.Sort(parts)
		b, _ := json.Marshal(parts)
		return "L" + string(b)
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var s []string
		for _, k := range keys {
			s = append(s, k, canonicalPlain(t[k]))
		}
		b, _ := json.Marshal(s)
		return "M" + string(b)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

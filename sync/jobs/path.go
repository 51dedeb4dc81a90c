package jobs

import "strings"

// API field paths, as the catalog writes them: "name", "viewableStatistics.agentStats"
// (nested objects), "enumSkillValues[].name" (an array of objects, one per value) and
// "callDistributionGroups[].agentGroups[].teamId" (arrays within arrays).

// splitArray splits a path at its first array: "a[].b.c" → "a", "b.c", true.
func splitArray(path string) (prefix, rest string, ok bool) {
	i := strings.Index(path, "[]")
	if i < 0 {
		return path, "", false
	}
	return path[:i], strings.TrimPrefix(path[i+2:], "."), true
}

// setPath stores v at path in obj, making the nested objects it needs. At an array
// segment the rest of the path is applied to one new element per value of v (a []any),
// or to a single element when v is not a list; the array replaces what was there.
func setPath(obj map[string]any, path string, v any) {
	head, rest, isArray := splitArray(path)
	m, last := obj, head
	for { // strings.Cut, not Split: a save maps every cell through here
		p, more, nested := strings.Cut(last, ".")
		if !nested {
			break
		}
		next, ok := m[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[p] = next
		}
		m, last = next, more
	}
	if !isArray {
		m[last] = v
		return
	}
	if rest == "" { // "ids[]": the list itself
		if list, ok := v.([]any); ok {
			m[last] = list
		} else {
			m[last] = []any{v}
		}
		return
	}
	values, ok := v.([]any)
	if !ok {
		values = []any{v}
	}
	elems := make([]any, 0, len(values))
	for _, x := range values {
		el := map[string]any{}
		setPath(el, rest, x)
		elems = append(elems, el)
	}
	m[last] = elems
}

// getPath returns the value at path in obj. Across an array it collects the values of
// every element into a []any; nil when nothing is there.
func getPath(obj map[string]any, path string) any {
	head, rest, isArray := splitArray(path)
	var cur any = obj
	for more, left := head, true; left; {
		var p string
		p, more, left = strings.Cut(more, ".")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[p]
	}
	if !isArray || cur == nil {
		return cur
	}
	list, ok := cur.([]any)
	if !ok {
		return nil
	}
	if rest == "" {
		return list
	}
	var out []any
	for _, el := range list {
		m, ok := el.(map[string]any)
		if !ok {
			continue
		}
		switch v := getPath(m, rest).(type) {
		case nil:
		case []any:
			out = append(out, v...)
		default:
			out = append(out, v)
		}
	}
	return out
}

// deepCopy copies a decoded JSON object so that changing the copy leaves the original.
func deepCopy(obj map[string]any) map[string]any {
	if obj == nil {
		return nil
	}
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		out[k] = copyValue(v)
	}
	return out
}

func copyValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		return deepCopy(t)
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = copyValue(e)
		}
		return out
	}
	return v
}

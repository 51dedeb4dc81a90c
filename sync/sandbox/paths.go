package sandbox

import (
	"strconv"
	"strings"
)

// leaf is one place a field path reaches in an object: loc is the concrete path with
// indexes ("callDistributionGroups[0].agentGroups[1].teamId"), the form Spring uses in
// validation messages.
type leaf struct {
	loc     string
	val     any
	present bool // the field exists and is not null
	whole   bool // loc is the array named by a final "x[]" segment, not one of its elements
}

// walk returns the leaves of path in obj and the messages for containers of the wrong
// type met on the way. A missing container ends the walk quietly: its own presence is
// another field's business.
func walk(obj map[string]any, path string) (leaves []leaf, bad []string) {
	walkInto(obj, strings.Split(path, "."), "", &leaves, &bad)
	return leaves, bad
}

func walkInto(m map[string]any, segs []string, loc string, leaves *[]leaf, bad *[]string) {
	seg := segs[0]
	name, isArray := strings.CutSuffix(seg, "[]")
	here := name
	if loc != "" {
		here = loc + "." + name
	}
	v := m[name]
	last := len(segs) == 1
	if !isArray {
		if last {
			*leaves = append(*leaves, leaf{loc: here, val: v, present: v != nil})
			return
		}
		if v == nil {
			return
		}
		child, ok := v.(map[string]any)
		if !ok {
			*bad = append(*bad, here+": must be an object")
			return
		}
		walkInto(child, segs[1:], here, leaves, bad)
		return
	}
	if v == nil {
		if last {
			*leaves = append(*leaves, leaf{loc: here, whole: true})
		}
		return
	}
	list, ok := v.([]any)
	if !ok {
		*bad = append(*bad, here+": must be an array")
		return
	}
	if last {
		*leaves = append(*leaves, leaf{loc: here, val: v, present: true, whole: true})
	}
	for i, el := range list {
		at := here + "[" + strconv.Itoa(i) + "]"
		if last {
			*leaves = append(*leaves, leaf{loc: at, val: el, present: el != nil})
			continue
		}
		child, ok := el.(map[string]any)
		if !ok {
			if el != nil {
				*bad = append(*bad, at+": must be an object")
			}
			continue
		}
		walkInto(child, segs[1:], at, leaves, bad)
	}
}

// values returns the present, non-whole values path reaches in obj.
func values(obj map[string]any, path string) []any {
	leaves, _ := walk(obj, path)
	var out []any
	for _, l := range leaves {
		if l.present && !l.whole {
			out = append(out, l.val)
		}
	}
	return out
}

package sandbox

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// validate applies the field rules of res to obj and returns Bean-Validation-style
// messages ("name: must not be blank"), in table order, without duplicates.
func validate(st *state, res *resource, obj map[string]any) []string {
	var msgs []string
	for i := range res.fields {
		f := &res.fields[i]
		leaves, bad := walk(obj, f.path)
		msgs = append(msgs, bad...)
		required := f.req || (f.when != nil && slices.Contains(f.when.in, text(obj[f.when.path])))
		for _, l := range leaves {
			if !l.present {
				if required {
					msgs = append(msgs, l.loc+": "+missing(f.kind))
				}
				continue
			}
			if l.whole {
				if required && f.kind == kArray {
					if list, _ := l.val.([]any); len(list) == 0 {
						msgs = append(msgs, l.loc+": must not be empty")
					}
				}
				continue
			}
			if list, isList := l.val.([]any); isList && f.nonEmpty && len(list) == 0 {
				msgs = append(msgs, f.message(l.loc, "must not be empty"))
				continue
			}
			if m := f.check(st, l.val, required); m != "" {
				msgs = append(msgs, f.message(l.loc, m))
			}
		}
	}
	return dedupe(msgs)
}

func missing(k kind) string {
	if k == kString {
		return "must not be blank"
	}
	return "must not be null"
}

// check returns what is wrong with one present value, or "".
func (f *field) check(st *state, v any, required bool) string {
	if m := kindError(f.kind, v); m != "" {
		return m
	}
	switch f.kind {
	case kString:
		return f.checkString(st, v.(string), required)
	case kInt:
		n, _ := asInt(v)
		if f.min != nil && n < *f.min {
			return fmt.Sprintf("must be greater than or equal to %d", *f.min)
		}
		if f.max != nil && n > *f.max {
			return fmt.Sprintf("must be less than or equal to %d", *f.max)
		}
	}
	return ""
}

func (f *field) checkString(st *state, s string, required bool) string {
	if required && strings.TrimSpace(s) == "" {
		return "must not be blank"
	}
	if n := utf8.RuneCountInString(s); n < f.minLen || (f.maxLen > 0 && n > f.maxLen) {
		if f.maxLen > 0 {
			return fmt.Sprintf("size must be between %d and %d", f.minLen, f.maxLen)
		}
		return fmt.Sprintf("size must be at least %d", f.minLen)
	}
	if len(f.enum) > 0 && !slices.Contains(f.enum, s) {
		return "must be one of [" + strings.Join(f.enum, ", ") + "]"
	}
	if f.re != nil && !f.re.MatchString(s) {
		return fmt.Sprintf("must match %q", f.pattern)
	}
	if f.ref != "" && s != "" && !st.exists(f.ref, s) {
		return "not found for given orgId."
	}
	return ""
}

// kindError says how v fails to be of kind k, or "".
func kindError(k kind, v any) string {
	ok := true
	switch k {
	case kString:
		_, ok = v.(string)
	case kInt:
		_, ok = asInt(v)
	case kBool:
		_, ok = v.(bool)
	case kArray:
		_, ok = v.([]any)
	case kObject:
		_, ok = v.(map[string]any)
	}
	if ok {
		return ""
	}
	return "must be " + map[kind]string{kString: "a string", kInt: "an integer", kBool: "true or false",
		kArray: "an array", kObject: "an object"}[k]
}

func dedupe(msgs []string) []string {
	seen := make(map[string]bool, len(msgs))
	out := msgs[:0]
	for _, m := range msgs {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}

// message is what a failed check says: the field's live message when it has one.
func (f *field) message(loc, generic string) string {
	if f.why != "" {
		return loc + ": " + f.why
	}
	return loc + ": " + generic
}

package sheets

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Suggest returns the candidate closest to value, for a "did you mean": a different-case
// spelling, else the nearest by edit distance (at most half the longer word; a swap of
// two neighbours is one edit), ties to the candidate that sorts first; "" when none is
// close enough, or when value is a candidate as written. Past 20000 candidates only a
// different-case spelling is offered, so that a huge organization cannot stall a check
// or a job. To suggest from one set many times, keep a NewSuggester.
func Suggest(value string, candidates []string) string {
	return newSuggester(candidates).closest(value)
}

// Suggester is Suggest for one set of candidates, prepared once and safe for concurrent
// use: the job engine asks it from several workers.
type Suggester struct {
	mu sync.Mutex
	g  *suggester
}

// NewSuggester prepares names for Suggest.
func NewSuggester(names []string) *Suggester { return &Suggester{g: newSuggester(names)} }

// Suggest returns the name closest to value, as the package's Suggest does.
func (s *Suggester) Suggest(value string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.g.suggest(value)
}

// suggester proposes the closest of a set of names for a value that is not one of them:
// "AGNET" → "AGENT", "Praha" → "Prague". The answer depends only on the value and the set
// (ties go to the name that sorts first), so a full check and an incremental one agree.
type suggester struct {
	names  []string            // sorted
	folded map[string]string   // lower case → first name with that spelling
	byLen  map[int][]candidate // by length in runes, for the edit-distance search
	cache  map[string]string
}

type candidate struct {
	name  string
	lower []rune
}

// suggestMaxScan bounds the edit-distance search: beyond that many names only a
// different-case spelling is suggested, so a huge organization cannot stall a check.
const suggestMaxScan = 20000

func newSuggester(names []string) *suggester {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	g := &suggester{names: sorted, folded: map[string]string{}, byLen: map[int][]candidate{},
		cache: map[string]string{}}
	for i, n := range sorted {
		if i > 0 && sorted[i-1] == n {
			continue
		}
		f := strings.ToLower(n)
		if _, ok := g.folded[f]; !ok {
			g.folded[f] = n
		}
		if len(sorted) <= suggestMaxScan {
			r := []rune(f)
			g.byLen[len(r)] = append(g.byLen[len(r)], candidate{name: n, lower: r})
		}
	}
	return g
}

// suggest returns the closest name, or "" when none is close enough.
func (g *suggester) suggest(v string) string {
	if s, ok := g.cache[v]; ok {
		return s
	}
	s := g.closest(v)
	g.cache[v] = s
	return s
}

func (g *suggester) closest(v string) string {
	f := strings.ToLower(strings.TrimSpace(v))
	if f == "" {
		return ""
	}
	if i := sort.SearchStrings(g.names, v); i < len(g.names) && g.names[i] == v {
		return "" // v is a name: there is nothing to correct
	}
	if n, ok := g.folded[f]; ok {
		return n
	}
	r := []rune(f)
	best, bestD := "", -1
	for l := len(r) - len(r)/2; l <= 2*len(r); l++ {
		for _, c := range g.byLen[l] {
			limit := closeEnough(len(r), l)
			if bestD >= 0 && bestD < limit {
				limit = bestD
			}
			d := editDistance(r, c.lower, limit)
			if d > limit || d == 0 {
				continue
			}
			if bestD < 0 || d < bestD || (d == bestD && c.name < best) {
				best, bestD = c.name, d
			}
		}
	}
	return best
}

// closeEnough is the largest edit distance still worth a "did you mean": half the longer
// word (Praha → Prague is 3 edits of 6 letters), at least one.
func closeEnough(a, b int) int {
	m := a
	if b > m {
		m = b
	}
	if m/2 < 1 {
		return 1
	}
	return m / 2
}

// editDistance is the optimal-string-alignment distance (a swap of two neighbours counts
// once: AGNET → AGENT is 1). It stops early and returns limit+1 once the distance must
// exceed limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// runeLen is the length of a value in characters, the way limits are stated.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

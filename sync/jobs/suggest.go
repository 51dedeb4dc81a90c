package jobs

import (
	"strings"
	"unicode/utf8"
)

// suggestScan bounds the names compared for a "did you mean", so that a huge organization
// cannot stall a job on a typo.
const suggestScan = 20000

// closest returns the name nearest to v (edit distance at most half the longer word),
// or "" when none is near. Ties go to the name met first.
func closest(v string, names []string) string {
	f := []rune(strings.ToLower(v))
	best, bestD := "", -1
	for i, n := range names {
		if i >= suggestScan {
			break
		}
		l := utf8.RuneCountInString(n)
		limit := max(len(f), l) / 2
		if limit < 1 {
			limit = 1
		}
		if d := len(f) - l; d > limit || -d > limit {
			continue
		}
		d := editDistance(f, []rune(strings.ToLower(n)))
		if d > limit {
			continue
		}
		if bestD < 0 || d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance: a swap of neighbours counts once.
func editDistance(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

package sheets

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// sortHashes sorts as slices.Sort does: random hashes, runs sharing their high or low
// bytes (passes skipped), repeated values (the duplicates the index looks for), short runs.
func TestSortHashes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 255, 256, 257, 5000, 1 << 15} {
		for kind := range 4 {
			h := make([]uint64, n)
			for i := range h {
				switch kind {
				case 0:
					h[i] = r.Uint64()
				case 1:
					h[i] = r.Uint64() & 0xFFFF // high bytes all zero
				case 2:
					h[i] = r.Uint64() | 0xFFFFFF // low bytes all ones
				case 3:
					h[i] = uint64(r.IntN(50)) << 40 // many repeats
				}
			}
			want := slices.Clone(h)
			slices.Sort(want)
			sortHashes(h, make([]uint64, n))
			if !slices.Equal(h, want) {
				t.Fatalf("%d hashes of kind %d: not sorted as slices.Sort sorts them", n, kind)
			}
		}
	}
}

package sheets

import "encoding/binary"

// sortHashes sorts a run of the duplicate index's hashes, using tmp (as long as h) as
// scratch: a radix sort, a byte a pass from the lowest, which for hashes (evenly spread
// 64-bit numbers) takes a quarter of the time of slices.Sort's comparisons (a million
// records: some 80 ms of a pack's CPU). A pass whose byte is the same in every hash is
// skipped.
func sortHashes(h, tmp []uint64) {
	if len(h) < 256 { // too few to pay for the counts
		insertionSort(h)
		return
	}
	var counts [8][256]int
	for _, v := range h {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], v)
		for d := range 8 {
			counts[d][b[d]]++
		}
	}
	src, dst := h, tmp[:len(h)]
	for d := range 8 {
		c := &counts[d]
		if c[byte(h[0]>>(8*d))] == len(h) { // one value of this byte: nothing moves
			continue
		}
		at := 0
		for i, n := range c {
			c[i] = at
			at += n
		}
		shift := uint(8 * d)
		for _, v := range src {
			k := byte(v >> shift)
			dst[c[k]] = v
			c[k]++
		}
		src, dst = dst, src
	}
	if &src[0] != &h[0] {
		copy(h, src)
	}
}

func insertionSort(h []uint64) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j] < h[j-1]; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

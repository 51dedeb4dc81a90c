// Package progress carries how far long work has got from the package doing it (a list
// read page by page, a file packed row by row, an export read object by object) to the
// one that shows it (the command line's bar). It knows nothing of how counts are shown.
package progress

import "context"

// Count is how far work has got. Done counts items (records read, rows packed); Total is
// how many there are in all when that is known, 0 when not (a list whose server does not
// say, a file not read to its end). Share, 0 to 1, is how far along the work is when the
// total of items is not known but the share is (bytes of a file read); 0 when not known.
type Count struct {
	Done  int
	Total int
	Share float64
	// Step says which part of the work the count is of, when the work has several
	// (a list read, then each object read by itself); 0 for the first or only one.
	Step Step
}

// Step is a part of a piece of work.
type Step int

const (
	// Listing is reading a list page by page.
	Listing Step = iota
	// Fetching is reading objects one by one.
	Fetching
)

// Func is told a Count now and then. It is called from the goroutine doing the work and
// must be quick; it may be called from several goroutines at once.
type Func func(Count)

type key struct{}

// With is ctx carrying f, for work deep below to report to; a nil f stops the reports of
// work done with the context returned.
func With(ctx context.Context, f Func) context.Context {
	return context.WithValue(ctx, key{}, f)
}

// From is the Func ctx carries; nil when none.
func From(ctx context.Context) Func {
	f, _ := ctx.Value(key{}).(Func)
	return f
}

// Report tells f c; nothing when f is nil.
func (f Func) Report(c Count) {
	if f != nil {
		f(c)
	}
}

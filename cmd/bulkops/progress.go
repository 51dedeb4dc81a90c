package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
)

// progress shows how long work is going on stderr: on a terminal one line redrawn in
// place (a bar with counts and an estimate when the total is known, the time so far when
// not), elsewhere (a CI log, a file) a plain line now and then, and nothing with --quiet.
// The result of the work is not progress: commands print it as before.
type progress struct {
	w        io.Writer
	terminal bool
	quiet    bool
	every    time.Duration // between plain lines
	mu       sync.Mutex
	start    time.Time
	last     time.Time
	drawn    bool // a terminal line is on screen
	counted  bool // counts were shown: activity no longer shows the time alone
	// quietUntil is when work under activity starts to be shown; zero: at once.
	quietUntil time.Time
	now        func() time.Time
}

// noProgress is the stderr of a command run with --quiet: what the command writes goes
// through, its progress is not shown.
type noProgress struct{ io.Writer }

// newProgress is progress on w; w is a terminal when it is an *os.File that is one.
func newProgress(w io.Writer) *progress {
	quiet := false
	if q, ok := w.(noProgress); ok {
		w, quiet = q.Writer, true
	}
	f, ok := w.(*os.File)
	term := ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
	return &progress{w: w, terminal: term, quiet: quiet, every: 2 * time.Second, now: time.Now}
}

// update shows label with done of total (total 0: not known) and detail ("" for none). A
// plain line is written at most every p.every and when final; a terminal line at most
// ten times a second.
func (p *progress) update(label, detail string, done, total int, final bool) {
	st := state{label: label, detail: detail, share: -1}
	if total > 0 {
		st.share, st.counts = float64(done)/float64(total), [2]int{done, total}
	}
	p.show(st, final)
}

// updateShare shows work whose share done (0 to 1) is known but not its total; detail
// says what was counted. A share below 0 is not known: the time so far shows instead.
func (p *progress) updateShare(label, detail string, share float64, final bool) {
	p.show(state{label: label, detail: detail, share: share}, final)
}

// state is what one line shows.
type state struct {
	label, detail string
	share         float64 // 0 to 1; below 0 when not known
	counts        [2]int  // done of total, when the total is known
}

func (p *progress) show(st state, final bool) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if p.start.IsZero() {
		p.start = now
	}
	p.counted = p.counted || st.share >= 0 || st.detail != ""
	if !p.quietUntil.IsZero() && p.last.IsZero() && (final || now.Before(p.quietUntil)) {
		return // quick work under activity shows nothing, its counts neither
	}
	gap := p.every
	if p.terminal {
		gap = 100 * time.Millisecond
	}
	if !final && !p.last.IsZero() && now.Sub(p.last) < gap {
		return
	}
	p.last = now
	if !p.terminal {
		fmt.Fprintln(p.w, p.plain(st, now))
		return
	}
	fmt.Fprintf(p.w, "\r\033[K%s", p.bar(st, now))
	p.drawn = true
	if final {
		p.end()
	}
}

// end takes the terminal line off the screen's current line, so that what follows
// starts on a line of its own.
func (p *progress) end() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

// done ends the progress before the command prints its result.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.end()
}

// plain is "label: 9000 of 20300 (44%), detail, 3s", "label: 44%, detail, 3s", or
// "label… detail, 3s" as much as is known.
func (p *progress) plain(st state, now time.Time) string {
	took := elapsed(now.Sub(p.start))
	if st.share < 0 {
		return say("%s… %s", st.label, withDetail(st.detail, took))
	}
	line := fmt.Sprintf("%s: %.0f%%", st.label, 100*st.share)
	if st.counts[1] > 0 {
		line = say("%s: %d of %d (%.0f%%)", st.label, st.counts[0], st.counts[1], percent(st.counts[0], st.counts[1]))
	}
	return line + ", " + withDetail(st.detail, took)
}

// bar is "label [#######.......] 45% 9000/20300, detail, about 3s left".
func (p *progress) bar(st state, now time.Time) string {
	took := now.Sub(p.start)
	if st.share < 0 {
		return say("%s… %s", st.label, withDetail(st.detail, elapsed(took)))
	}
	const width = 24
	filled := min(width, int(width*st.share))
	line := fmt.Sprintf("%s [%s%s] %3.0f%%", st.label, strings.Repeat("#", filled), strings.Repeat(".", width-filled), 100*st.share)
	if st.counts[1] > 0 {
		line += fmt.Sprintf(" %d/%d", st.counts[0], st.counts[1])
	}
	if st.detail != "" {
		line += ", " + st.detail
	}
	if st.share > 0 && st.share < 1 {
		left := time.Duration(float64(took) * (1 - st.share) / st.share)
		line += ", " + say("about %s left", elapsed(left))
	}
	return line
}

// withDetail is "detail, rest", or rest without a detail.
func withDetail(detail, rest string) string {
	if detail == "" {
		return rest
	}
	return detail + ", " + rest
}

func elapsed(d time.Duration) string {
	if d < 10*time.Second {
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}

// activity shows label and the time so far while work of unknown length goes on, from
// after a moment (quick work shows nothing), until stop is called.
func (p *progress) activity(label string) (stop func()) {
	if p.quiet {
		return func() {}
	}
	p.mu.Lock()
	p.start = p.now()
	p.quietUntil = p.start.Add(p.delay())
	p.mu.Unlock()
	tick := time.NewTicker(100 * time.Millisecond)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
				if p.now().Sub(p.start) >= p.delay() && !p.isCounted() {
					p.update(label, "", 0, 0, false)
				}
			}
		}
	}()
	return func() {
		tick.Stop()
		close(quit)
		wg.Wait()
		p.done()
	}
}

func (p *progress) isCounted() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.counted
}

// delay is how long work goes on before its activity is shown.
func (p *progress) delay() time.Duration {
	if p.terminal {
		return 300 * time.Millisecond
	}
	return p.every
}

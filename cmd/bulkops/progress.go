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
	now      func() time.Time
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
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if p.start.IsZero() {
		p.start = now
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
		fmt.Fprintln(p.w, p.plain(label, detail, done, total, now))
		return
	}
	fmt.Fprintf(p.w, "\r\033[K%s", p.bar(label, detail, done, total, now))
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

func (p *progress) plain(label, detail string, done, total int, now time.Time) string {
	if total <= 0 {
		return say("%s… %s", label, elapsed(now.Sub(p.start)))
	}
	line := say("%s: %d of %d (%.0f%%)", label, done, total, percent(done, total))
	if detail != "" {
		line += ", " + detail
	}
	return line + ", " + elapsed(now.Sub(p.start))
}

// bar is "label [#######.......] 45% 9000/20300, detail, about 3s left".
func (p *progress) bar(label, detail string, done, total int, now time.Time) string {
	took := now.Sub(p.start)
	if total <= 0 {
		return say("%s… %s", label, elapsed(took))
	}
	const width = 24
	filled := min(width, width*done/total)
	line := fmt.Sprintf("%s [%s%s] %3.0f%% %d/%d", label, strings.Repeat("#", filled), strings.Repeat(".", width-filled),
		percent(done, total), done, total)
	if detail != "" {
		line += ", " + detail
	}
	if done > 0 && done < total {
		left := time.Duration(float64(took) / float64(done) * float64(total-done))
		line += ", " + say("about %s left", elapsed(left))
	}
	return line
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
	p.start = p.now()
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
				if p.now().Sub(p.start) >= p.delay() {
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

// delay is how long work goes on before its activity is shown.
func (p *progress) delay() time.Duration {
	if p.terminal {
		return 300 * time.Millisecond
	}
	return p.every
}

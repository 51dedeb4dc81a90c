package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// exitGuard makes sure the window's process ends once the window is going away. Fyne
// 2.8.1 can leave its Run waiting for ever after the main loop has ended (a lifecycle
// event queued to the main loop as it drains is never run), and a process left so keeps
// the one-window claim: later starts would hand their files to a process without a
// window. So once quitting has begun — the window closed, or SIGTERM/SIGINT came — Run
// gets grace to return; past it (or at a second signal) the guard releases what the
// window held and ends the process itself. release runs once whichever way it ends, and
// is itself given grace: a release stuck behind the same dead loop does not keep the
// process either.
type exitGuard struct {
	grace   time.Duration
	release func() // drafts written, jobs stopped, the store closed, the claim let go
	exit    func(code int)
	stderr  io.Writer
	// quitting, when set, is called once as quitting begins (the claim stops serving).
	quitting func()

	begin       sync.Once
	begun       chan struct{}
	ran         chan struct{} // Run returned
	releaseOnce sync.Once
	released    chan struct{}
}

func newExitGuard(release func(), stderr io.Writer) *exitGuard {
	return &exitGuard{grace: 5 * time.Second, release: release, exit: os.Exit, stderr: stderr,
		begun: make(chan struct{}), ran: make(chan struct{}), released: make(chan struct{})}
}

// quit says quitting has begun: the window closed.
func (g *exitGuard) quit() {
	g.begin.Do(func() {
		close(g.begun)
		if g.quitting != nil {
			g.quitting()
		}
	})
}

// watch waits for quitting to begin (quit, or a signal on sig), then for Run to return;
// when it has not within grace, or a second signal comes, it releases and exits. It
// returns once Run has returned.
func (g *exitGuard) watch(sig <-chan os.Signal) {
	select {
	case <-sig:
		g.quit()
	case <-g.begun:
	case <-g.ran:
		return
	}
	timer := time.NewTimer(g.grace)
	defer timer.Stop()
	select {
	case <-g.ran:
		return
	case <-sig:
	case <-timer.C:
	}
	fmt.Fprintln(g.stderr, "bulkops:", say("the window did not end within %s of quitting; ending the process", elapsed(g.grace)))
	g.releaseWithin()
	g.exit(0)
}

// done is called when Run has returned: what the window held is released.
func (g *exitGuard) done() {
	close(g.ran)
	g.releaseWithin()
}

// releaseWithin runs release once and waits up to grace for it; it reports whether
// release ended.
func (g *exitGuard) releaseWithin() bool {
	g.releaseOnce.Do(func() {
		go func() {
			defer close(g.released)
			defer func() { // the process ends anyway: say what went wrong, without a stack dump
				if r := recover(); r != nil {
					fmt.Fprintln(g.stderr, "bulkops:", say("putting the window away failed: %v", r))
				}
			}()
			g.release()
		}()
	})
	timer := time.NewTimer(g.grace)
	defer timer.Stop()
	select {
	case <-g.released:
		return true
	case <-timer.C:
		fmt.Fprintln(g.stderr, "bulkops:", say("the window's drafts and jobs were not put away within %s; ending the process anyway", elapsed(g.grace)))
		return false
	}
}

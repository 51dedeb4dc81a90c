package main

import (
	"bytes"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// guardUnderTest is an exitGuard whose release and exit are counted, not done.
type guardUnderTest struct {
	*exitGuard
	released, stopped atomic.Int32
	exited            chan int
	// stderr is read once exit was called or done returned: after what the guard wrote.
	stderr *bytes.Buffer
}

func newGuardUnderTest(grace time.Duration, release func()) *guardUnderTest {
	t := &guardUnderTest{exited: make(chan int, 1), stderr: &bytes.Buffer{}}
	t.exitGuard = newExitGuard(func() { t.released.Add(1); release() }, t.stderr)
	t.grace = grace
	t.exit = func(code int) { t.exited <- code }
	t.quitting = func() { t.stopped.Add(1) }
	return t
}

// The window closed and Fyne's Run never returned (the 2.8.1 hang): within the grace
// the guard puts the window away once and ends the process, saying so.
func TestExitGuardEndsAHungWindow(t *testing.T) {
	g := newGuardUnderTest(200*time.Millisecond, func() {})
	go g.watch(make(chan os.Signal))
	g.quit()
	g.quit() // closing twice begins quitting once
	select {
	case code := <-g.exited:
		if code != 0 {
			t.Errorf("exit %d", code)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the process was not ended")
	}
	if g.released.Load() != 1 || g.stopped.Load() != 1 {
		t.Errorf("released %d times, stopped serving %d times; want once each", g.released.Load(), g.stopped.Load())
	}
	if !strings.Contains(g.stderr.String(), "did not end within 200ms of quitting") {
		t.Errorf("stderr: %q", g.stderr.String())
	}
}

// SIGTERM and a Run that returns in time: the window is put away once by the normal end,
// and the guard does not end the process itself.
func TestExitGuardLetsANormalEndBe(t *testing.T) {
	g := newGuardUnderTest(time.Second, func() {})
	sig := make(chan os.Signal, 1)
	watched := make(chan struct{})
	go func() { g.watch(sig); close(watched) }()
	sig <- syscall.SIGTERM
	time.Sleep(20 * time.Millisecond)
	g.done() // Run returned
	<-watched
	select {
	case <-g.exited:
		t.Error("the guard ended a process that ended by itself")
	case <-time.After(1200 * time.Millisecond):
	}
	if g.released.Load() != 1 || g.stopped.Load() != 1 {
		t.Errorf("released %d times, stopped serving %d times; want once each", g.released.Load(), g.stopped.Load())
	}
}

// A second signal ends the process at once, without waiting out the grace.
func TestExitGuardSecondSignal(t *testing.T) {
	g := newGuardUnderTest(10*time.Second, func() {})
	sig := make(chan os.Signal, 2)
	go g.watch(sig)
	start := time.Now()
	sig <- syscall.SIGTERM
	sig <- os.Interrupt
	select {
	case <-g.exited:
	case <-time.After(5 * time.Second):
		t.Fatal("a second signal did not end the process")
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("ending took %s", took)
	}
}

// A release stuck behind the dead loop does not keep the process: the end goes on after
// the grace, saying so.
func TestExitGuardStuckRelease(t *testing.T) {
	stuck := make(chan struct{})
	defer close(stuck)
	g := newGuardUnderTest(100*time.Millisecond, func() { <-stuck })
	start := time.Now()
	g.done()
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the end waited %s for a stuck release", took)
	}
	if !strings.Contains(g.stderr.String(), "were not put away within 100ms") {
		t.Errorf("stderr: %q", g.stderr.String())
	}
}

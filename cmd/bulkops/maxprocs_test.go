package main

import (
	"runtime"
	"testing"
)

// TestGOMAXPROCSIsTheUsers: a GOMAXPROCS the user set holds after the libraries' inits
// (one of Fyne's sets the machine's CPU count at init, as it did in this test binary).
func TestGOMAXPROCSIsTheUsers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	t.Setenv("GOMAXPROCS", "1")
	runtime.GOMAXPROCS(runtime.NumCPU() + 1) // what a library may have done
	restoreGOMAXPROCS()
	if n := runtime.GOMAXPROCS(0); n != 1 {
		t.Fatalf("GOMAXPROCS is %d; the user set 1", n)
	}
}

//go:build !nogui && !(linux || freebsd || openbsd || netbsd || dragonfly)

package main

// noDisplay: Windows and macOS always have a display to open a window on.
func noDisplay() error { return nil }

//go:build !unix

package datadir

// Secure does nothing on Windows (and other systems without Unix modes): the data directory is in the user's profile
// (%AppData%), whose access control lists already keep other users out; Unix mode bits
// mean nothing there.
func Secure(dir string) error { return nil }

// Private does nothing on Windows: see Secure.
func Private(path string) error { return nil }

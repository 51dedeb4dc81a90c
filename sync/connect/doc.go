// Package connect opens the connection the window and the command line work through: the
// profile in use (or one named), its signed-in session, the configuration API client of
// its organization, and a job engine on the shared job store.
//
// Without a profile of their own, both go to the embedded sandbox, whose organization
// lives in the data directory (sandbox/state.json). So that the window and the command
// line can use it at the same time, the first process to need it starts it, holds a lock
// file (sandbox/lock) for as long as it serves it, and writes its loopback address to
// sandbox/url; the others connect to that address. When the process serving it goes
// away, the next request of another finds the connection refused, takes the lock, starts
// the sandbox again from the saved state and carries on.
package connect

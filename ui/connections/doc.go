// Package connections is the window's Connections page: the embedded sandbox (always
// there, the default, clearly a sandbox), standalone sandboxes by URL and Webex
// organizations signed in to with the administrator's own integration. It signs in
// through the system browser with progress and a Cancel button, signs out, switches
// between connections, and says when the system keyring is unavailable and tokens stay
// in memory.
//
// Signing in is sync/auth's work; this package shows it. Widgets are kept on the Page so
// that the tests fill the forms and tap the buttons on Fyne's test app.
package connections

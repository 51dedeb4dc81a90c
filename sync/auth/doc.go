// Package auth signs a Webex Contact Center administrator in and keeps them signed in.
//
// A Profile names where to sign in: the embedded sandbox (the default), a standalone
// sandbox by URL, or a Webex organization (the global identity host for sign-in and
// /v1/people/me, and the regional Contact Center host for the configuration API).
// Profiles live in profiles.json in the data directory; they hold no secrets.
//
// Sign-in is the OAuth 2 authorization code flow with PKCE through the system browser and
// a loopback redirect on 127.0.0.1, or the device grant where no browser is at hand.
// Tokens and the integration's client secret are kept only in the OS keyring (every call
// bounded in time); when no keyring is available they stay in memory for this run and the
// Session says so. Refreshed tokens are saved back when they change; a refresh token the
// server no longer accepts is deleted and ErrSignInRequired returned.
//
// A Session knows who signed in and to which organization (decoded from
// /v1/people/me), and gives the authenticated HTTP client that sync/webex uses.
package auth

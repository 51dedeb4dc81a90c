// Package webex is the HTTP client of the Webex Contact Center configuration API and of
// the few Webex identity calls Bulkops needs.
//
// A Client is bound to one organization on one host. It lists with paging, gets by id,
// saves through the per-resource /bulk endpoints (207 per-item results), creates and
// updates single objects where no bulk endpoint exists, patches users and uploads audio
// files. It keeps under the organization's request rate with a client-side limiter rather
// than learning the limit from 429s, honours Retry-After when a 429 comes anyway, and
// retries server errors and dropped connections with jittered backoff a bounded number of
// times. Every call honours its context. Errors are *APIError values that carry the
// server's message and trackingId, never a request header.
//
// The client is given an *http.Client that already authenticates its requests (see
// sync/auth); it never sees a token itself.
package webex

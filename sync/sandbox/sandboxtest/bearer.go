package sandboxtest

import "net/http"

// Bearer is the transport of a signed-in test client: it puts Token (a sandbox's
// MintToken) in each request's Authorization header and sends it through Next
// (http.DefaultTransport when nil). Seen, when set, is told of each request first.
type Bearer struct {
	Token string
	Next  http.RoundTripper
	Seen  func(*http.Request)
}

// RoundTrip sends a copy of r signed with the token.
func (b Bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	if b.Seen != nil {
		b.Seen(r)
	}
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.Token)
	next := b.Next
	if next == nil {
		next = http.DefaultTransport
	}
	return next.RoundTrip(r)
}

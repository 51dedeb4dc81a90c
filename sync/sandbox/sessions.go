package sandbox

import (
	"sync"
	"time"
)

// grant is what a token stands for.
type grant struct {
	clientID string
	scopes   []string
	expires  time.Time
}

// authCode is an issued authorization code, waiting for its exchange.
type authCode struct {
	clientID    string
	redirectURI string
	challenge   string // PKCE S256 code_challenge; "" when the client sent none
	scopes      []string
	expires     time.Time
}

// consent is an authorization request shown on the consent page, waiting for the
// admin's answer. The page carries only its random ticket, so the request cannot be
// altered on the way back.
type consent struct {
	clientID    string
	redirectURI string
	state       string
	challenge   string
	scopes      []string
	expires     time.Time
}

// sessions holds tokens, codes and pending consents, in memory only, keyed by the hash
// of the secret the client holds.
type sessions struct {
	mu       sync.Mutex
	access   map[string]grant
	refresh  map[string]grant
	codes    map[string]authCode
	consents map[string]consent
}

func newSessions() *sessions {
	return &sessions{access: map[string]grant{}, refresh: map[string]grant{},
		codes: map[string]authCode{}, consents: map[string]consent{}}
}

// codeTTL bounds how long an authorization code or a consent page stays usable.
const codeTTL = 10 * time.Minute

// issue creates an access token and a refresh token for the same grant.
func (s *sessions) issue(org string, g grant, now time.Time, accessTTL, refreshTTL time.Duration) (access, refresh string) {
	// Shaped like Webex tokens (<random>_<cluster>_<orgId>); clients must not rely on it.
	access = randomSecret(32) + "_SBOX_" + org
	refresh = randomSecret(32) + "_SBOX_" + org
	s.mu.Lock()
	defer s.mu.Unlock()
	s.purge(now)
	a, r := g, g
	a.expires = now.Add(accessTTL)
	r.expires = now.Add(refreshTTL)
	s.access[hashSecret(access)] = a
	s.refresh[hashSecret(refresh)] = r
	return access, refresh
}

// check returns the grant of a valid access token.
func (s *sessions) check(token string, now time.Time) (grant, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.access[hashSecret(token)]
	if !ok || !now.Before(g.expires) {
		return grant{}, false
	}
	return g, true
}

// takeRefresh consumes a refresh token of clientID: each one is good for one refresh.
func (s *sessions) takeRefresh(token, clientID string, now time.Time) (grant, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := hashSecret(token)
	g, ok := s.refresh[h]
	if !ok || g.clientID != clientID {
		return grant{}, false
	}
	delete(s.refresh, h)
	return g, now.Before(g.expires)
}

// revoke forgets an access or refresh token; it reports whether it knew it.
func (s *sessions) revoke(token string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := hashSecret(token)
	_, a := s.access[h]
	_, r := s.refresh[h]
	delete(s.access, h)
	delete(s.refresh, h)
	return a || r
}

func (s *sessions) newCode(c authCode) string { return putOnce(&s.mu, s.codes, c) }

// takeCode consumes an authorization code: a second exchange finds nothing.
func (s *sessions) takeCode(code string, now time.Time) (authCode, bool) {
	return takeOnce(&s.mu, s.codes, code, now)
}

func (s *sessions) newConsent(c consent) string { return putOnce(&s.mu, s.consents, c) }

func (s *sessions) takeConsent(ticket string, now time.Time) (consent, bool) {
	return takeOnce(&s.mu, s.consents, ticket, now)
}

// oneTime is what a secret stands for until it expires: a single-use authorization code
// or consent, or a token's grant.
type oneTime interface{ expiry() time.Time }

func (g grant) expiry() time.Time    { return g.expires }
func (c authCode) expiry() time.Time { return c.expires }
func (c consent) expiry() time.Time  { return c.expires }

// putOnce stores v under the hash of a new random secret and returns the secret.
func putOnce[T oneTime](mu *sync.Mutex, m map[string]T, v T) string {
	secret := randomSecret(24)
	mu.Lock()
	m[hashSecret(secret)] = v
	mu.Unlock()
	return secret
}

// takeOnce removes and returns what secret stands for; an expired one is not returned.
func takeOnce[T oneTime](mu *sync.Mutex, m map[string]T, secret string, now time.Time) (T, bool) {
	mu.Lock()
	defer mu.Unlock()
	h := hashSecret(secret)
	v, ok := m[h]
	delete(m, h)
	return v, ok && now.Before(v.expiry())
}

// purge drops what has expired, so that a long run does not grow without bound.
func (s *sessions) purge(now time.Time) {
	dropExpired(s.access, now)
	dropExpired(s.refresh, now)
	dropExpired(s.codes, now)
	dropExpired(s.consents, now)
}

// dropExpired deletes the entries of m that have expired at now.
func dropExpired[T oneTime](m map[string]T, now time.Time) {
	for h, v := range m {
		if !now.Before(v.expiry()) {
			delete(m, h)
		}
	}
}

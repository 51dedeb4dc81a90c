package sandbox

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
)

// serveToken is /v1/access_token: the authorization_code and refresh_token grants.
func (s *Server) serveToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		tokenError(w, http.StatusMethodNotAllowed, "invalid_request", "use POST")
		return
	}
	if err := r.ParseForm(); err != nil {
		tokenError(w, http.StatusBadRequest, "invalid_request", "the form could not be read")
		return
	}
	c, ok := s.clientAuth(r)
	if !ok {
		tokenError(w, http.StatusUnauthorized, "invalid_client", "client authentication failed")
		return
	}
	switch r.PostForm.Get("grant_type") {
	case "authorization_code":
		s.exchangeCode(w, r, c)
	case "refresh_token":
		g, ok := s.sess.takeRefresh(r.PostForm.Get("refresh_token"), c.ID, s.now())
		if !ok {
			tokenError(w, http.StatusBadRequest, "invalid_grant", "the refresh token is invalid, expired or already used")
			return
		}
		s.issueTokens(w, g)
	default:
		tokenError(w, http.StatusBadRequest, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token")
	}
}

// clientAuth checks the client id and secret, sent with HTTP Basic or in the form. A
// public client has no secret to check: it names itself with client_id (RFC 6749
// §2.3, §3.2.1), and one that sends a secret anyway is refused, as it holds none.
func (s *Server) clientAuth(r *http.Request) (Client, bool) {
	id, secret, basic := r.BasicAuth()
	if basic { // RFC 6749 §2.3.1: both are form-encoded inside the header
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
	} else {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	c, ok := s.clients[id]
	switch {
	case !ok:
		return Client{}, false
	case c.Public:
		return c, secret == ""
	}
	return c, subtle.ConstantTimeCompare([]byte(secret), []byte(c.Secret)) == 1
}

func (s *Server) exchangeCode(w http.ResponseWriter, r *http.Request, c Client) {
	f := r.PostForm
	code, ok := s.sess.takeCode(f.Get("code"), s.now())
	switch {
	case !ok || code.clientID != c.ID:
		tokenError(w, http.StatusBadRequest, "invalid_grant", "the authorization code is invalid, expired or already used")
	case f.Get("redirect_uri") != code.redirectURI:
		tokenError(w, http.StatusBadRequest, "invalid_grant", "redirect_uri does not match the authorization request")
	case c.Public && code.challenge == "": // the authorize endpoint already refuses to issue one
		tokenError(w, http.StatusBadRequest, "invalid_grant", "a public client must sign in with PKCE")
	case code.challenge != "" && f.Get("code_verifier") == "":
		tokenError(w, http.StatusBadRequest, "invalid_grant", "code_verifier is required")
	case code.challenge != "" && s256(f.Get("code_verifier")) != code.challenge:
		tokenError(w, http.StatusBadRequest, "invalid_grant", "code_verifier does not match the code_challenge")
	default:
		s.issueTokens(w, grant{clientID: c.ID, scopes: code.scopes})
	}
}

// s256 is the PKCE S256 transformation of a code verifier.
func s256(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func (s *Server) issueTokens(w http.ResponseWriter, g grant) {
	access, refresh := s.sess.issue(s.org, g, s.now(), s.opt.TokenTTL, s.opt.RefreshTTL)
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token":             access,
		"expires_in":               int64(s.opt.TokenTTL.Seconds()),
		"refresh_token":            refresh,
		"refresh_token_expires_in": int64(s.opt.RefreshTTL.Seconds()),
		"token_type":               "Bearer",
		"scope":                    strings.Join(g.scopes, " "),
	})
}

// tokenError answers like an OAuth 2 token endpoint (RFC 6749 §5.2).
func tokenError(w http.ResponseWriter, status int, code, description string) {
	w.Header().Set("Cache-Control", "no-store")
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Basic realm="webexapis"`)
	}
	writeJSON(w, status, map[string]string{"error": code, "error_description": description})
}

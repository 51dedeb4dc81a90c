package sandbox

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// serveAuthorize is /v1/authorize: GET starts a sign-in (authorization code, optionally
// with PKCE S256), POST is the admin's answer on the consent page.
func (s *Server) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		s.authorizeRequest(w, r)
	case http.MethodPost:
		s.consentAnswer(w, r)
	default:
		authPage(w, http.StatusMethodNotAllowed, "Method not allowed", "Use GET to start a sign-in.")
	}
}

func (s *Server) authorizeRequest(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	c, ok := s.clients[q.Get("client_id")]
	if !ok {
		authPage(w, http.StatusBadRequest, "Unknown integration", "client_id "+strconvQuote(q.Get("client_id"))+" is not registered.")
		return
	}
	// An unregistered redirect_uri is never redirected to (RFC 6749 §4.1.2.1).
	ru := q.Get("redirect_uri")
	if !slices.Contains(c.RedirectURIs, ru) {
		authPage(w, http.StatusBadRequest, "Redirect URI mismatch", "redirect_uri "+strconvQuote(ru)+" is not registered for "+c.Name+".")
		return
	}
	req := consent{clientID: c.ID, redirectURI: ru, state: q.Get("state"), scopes: strings.Fields(q.Get("scope")),
		challenge: q.Get("code_challenge"), expires: s.now().Add(codeTTL)}
	if code, desc := checkAuthorizeRequest(q, c, req); code != "" {
		redirectBack(w, r, ru, url.Values{"error": {code}, "error_description": {desc}, "state": {req.state}})
		return
	}
	if s.opt.AutoApprove {
		s.approve(w, r, req)
		return
	}
	ticket := s.sess.newConsent(req)
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	consentPage.Execute(w, map[string]any{"Client": c.Name, "Admin": AdminEmail, "Org": s.org,
		"Scopes": req.scopes, "Ticket": ticket})
}

// checkAuthorizeRequest returns the OAuth error code and description of a bad request.
func checkAuthorizeRequest(q url.Values, c Client, req consent) (string, string) {
	if q.Get("response_type") != "code" {
		return "unsupported_response_type", "only response_type=code is supported"
	}
	if len(req.scopes) == 0 {
		return "invalid_scope", "scope is required"
	}
	for _, sc := range req.scopes {
		if !slices.Contains(c.Scopes, sc) {
			return "invalid_scope", "scope " + sc + " is not registered for this integration"
		}
	}
	method := q.Get("code_challenge_method")
	if req.challenge == "" && method == "" {
		if c.Public { // RFC 7636 §4.4.1: the server requires PKCE of this client
			return "invalid_request", "code challenge required: a public client must use PKCE (S256)"
		}
		return "", ""
	}
	if method != "S256" {
		return "invalid_request", "code_challenge_method must be S256"
	}
	if n := len(req.challenge); n < 43 || n > 128 || strings.Trim(req.challenge, base64URLChars) != "" {
		return "invalid_request", "code_challenge must be 43 to 128 base64url characters"
	}
	return "", ""
}

const base64URLChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

func (s *Server) consentAnswer(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		authPage(w, http.StatusBadRequest, "Bad request", "The form could not be read.")
		return
	}
	req, ok := s.sess.takeConsent(r.PostForm.Get("ticket"), s.now())
	if !ok {
		authPage(w, http.StatusBadRequest, "Sign-in expired", "This sign-in request has expired or was already answered. Start the sign-in again from the app.")
		return
	}
	if r.PostForm.Get("decision") != "allow" {
		redirectBack(w, r, req.redirectURI, url.Values{"error": {"access_denied"},
			"error_description": {"the administrator denied access"}, "state": {req.state}})
		return
	}
	s.approve(w, r, req)
}

// approve issues an authorization code and sends the browser back to the app.
func (s *Server) approve(w http.ResponseWriter, r *http.Request, req consent) {
	code := s.sess.newCode(authCode{clientID: req.clientID, redirectURI: req.redirectURI,
		challenge: req.challenge, scopes: req.scopes, expires: s.now().Add(codeTTL)})
	redirectBack(w, r, req.redirectURI, url.Values{"code": {code}, "state": {req.state}})
}

// redirectBack redirects to a registered redirect URI with extra query parameters.
func redirectBack(w http.ResponseWriter, r *http.Request, redirectURI string, extra url.Values) {
	u, _ := url.Parse(redirectURI) // registered URIs are checked when the Server is built
	q := u.Query()
	for k, v := range extra {
		if len(v) > 0 && v[0] != "" {
			q[k] = v
		}
	}
	u.RawQuery = q.Encode()
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, u.String(), http.StatusFound)
}

func authPage(w http.ResponseWriter, status int, title, text string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.WriteHeader(status)
	messagePage.Execute(w, map[string]string{"Title": title, "Text": text})
}

func strconvQuote(s string) string { return `"` + s + `"` }

const pageStyle = `<style>body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}
main{max-width:30rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem}button{font-size:1rem;padding:.5rem 1.5rem;margin-right:.5rem;border-radius:4px;border:1px solid #888}
button[value=allow]{background:#0a7c3a;color:#fff;border-color:#0a7c3a}.note{color:#666;font-size:.85rem}</style>`

var consentPage = template.Must(template.New("consent").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - Bulkops sandbox</title>` + pageStyle + `</head>
<body><main><h1>Bulkops sandbox</h1>
<p><strong>{{.Client}}</strong> asks to act as <strong>{{.Admin}}</strong> in organization <code>{{.Org}}</code> with:</p>
<ul>{{range .Scopes}}<li><code>{{.}}</code></li>{{end}}</ul>
<form method="post" action="/v1/authorize"><input type="hidden" name="ticket" value="{{.Ticket}}">
<button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny">Deny</button>
</form><p class="note">This is a local emulator of Webex; no Webex account is involved.</p></main></body></html>`))

var messagePage = template.Must(template.New("message").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}} - Bulkops sandbox</title>` + pageStyle + `</head>
<body><main><h1>{{.Title}}</h1><p>{{.Text}}</p></main></body></html>`))

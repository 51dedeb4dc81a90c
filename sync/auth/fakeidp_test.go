package auth

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

const (
	fakeClientID = "C0ffee-client"
	fakeSecret   = "s3cret-of-the-integration"
	fakeOrgUUID  = "1eb65fdf-9643-417f-9974-ad72cae0e10f"
)

// fakeOrgID is how /v1/people/me spells the organization: base64 without padding.
var fakeOrgID = strings.TrimRight(base64.StdEncoding.EncodeToString([]byte("ciscospark://us/ORGANIZATION/"+fakeOrgUUID)), "=")

// fakeIdP plays Webex's identity host (authorize, token, device, people/me) and a sliver
// of the Contact Center API (v2/site), checking what a real server would check.
type fakeIdP struct {
	t   *testing.T
	srv *httptest.Server

	mu            sync.Mutex
	n             int
	codes         map[string]url.Values // code → the authorize request
	access        map[string]bool
	refresh       map[string]bool
	expiresIn     int  // of the next token issued
	rotate        bool // a refresh issues a new refresh token and voids the old one
	deny          string
	refreshCalls  int
	authorizeSeen url.Values
	pendingPolls  int // device token polls answered 428 before approval
	devicePolls   int
}

func newFakeIdP(t *testing.T) *fakeIdP {
	f := &fakeIdP{t: t, codes: map[string]url.Values{}, access: map[string]bool{},
		refresh: map[string]bool{}, expiresIn: 3600, rotate: true}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/authorize", f.authorize)
	mux.HandleFunc("POST /v1/access_token", f.token)
	mux.HandleFunc("POST /v1/device/authorize", f.deviceAuthorize)
	mux.HandleFunc("POST /v1/device/token", f.deviceToken)
	mux.HandleFunc("GET /v1/people/me", f.bearer(f.me))
	mux.HandleFunc("GET /organization/{org}/v2/site", f.bearer(f.sites))
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeIdP) profile() Profile {
	// The fake accepts any loopback redirect, so the tests need no fixed port.
	return Profile{Name: "test", Kind: KindSandbox, RedirectPorts: []int{0}}.WithAddress(f.srv.URL, fakeClientID)
}

func (f *fakeIdP) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f.mu.Lock()
	defer f.mu.Unlock()
	f.authorizeSeen = q
	redirect, err := url.Parse(q.Get("redirect_uri"))
	if err != nil || redirect.Hostname() != "127.0.0.1" || q.Get("client_id") != fakeClientID ||
		q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" {
		http.Error(w, "bad authorize request: "+r.URL.RawQuery, http.StatusBadRequest)
		return
	}
	back := url.Values{"state": {q.Get("state")}}
	if f.deny != "" {
		back.Set("error", f.deny)
		back.Set("error_description", "The user denied the request")
	} else {
		f.n++
		code := fmt.Sprintf("code-%d", f.n)
		f.codes[code] = q
		back.Set("code", code)
	}
	redirect.RawQuery = back.Encode()
	http.Redirect(w, r, redirect.String(), http.StatusFound)
}

func (f *fakeIdP) token(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.PostForm.Get("client_id") != fakeClientID || r.PostForm.Get("client_secret") != fakeSecret {
		oauthError(w, 401, "invalid_client", "client authentication failed")
		return
	}
	switch r.PostForm.Get("grant_type") {
	case "authorization_code":
		req, ok := f.codes[r.PostForm.Get("code")]
		delete(f.codes, r.PostForm.Get("code"))
		sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
		switch {
		case !ok:
			oauthError(w, 400, "invalid_grant", "unknown code")
		case req.Get("redirect_uri") != r.PostForm.Get("redirect_uri"):
			oauthError(w, 400, "invalid_grant", "redirect_uri differs")
		case base64.RawURLEncoding.EncodeToString(sum[:]) != req.Get("code_challenge"):
			oauthError(w, 400, "invalid_grant", "PKCE verification failed")
		default:
			f.issue(w, "")
		}
	case "refresh_token":
		f.refreshCalls++
		old := r.PostForm.Get("refresh_token")
		if !f.refresh[old] {
			oauthError(w, 400, "invalid_grant", "The refresh token provided is expired, revoked, malformed, or invalid.")
			return
		}
		if !f.rotate {
			f.issue(w, old)
			return
		}
		delete(f.refresh, old)
		f.issue(w, "")
	default:
		oauthError(w, 400, "unsupported_grant_type", "")
	}
}

// issue answers with a new access token and a new (or the kept) refresh token.
func (f *fakeIdP) issue(w http.ResponseWriter, keepRefresh string) {
	f.n++
	acc, ref := fmt.Sprintf("acc-%d", f.n), keepRefresh
	if ref == "" {
		ref = fmt.Sprintf("ref-%d", f.n)
	}
	f.access[acc], f.refresh[ref] = true, true
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"access_token": acc, "refresh_token": ref, "token_type": "Bearer",
		"expires_in": f.expiresIn, "refresh_token_expires_in": 7776000})
}

func (f *fakeIdP) deviceAuthorize(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	if r.PostForm.Get("client_id") != fakeClientID || !strings.Contains(r.PostForm.Get("scope"), "cjp:config_write") {
		oauthError(w, 400, "invalid_request", "bad device request")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"device_code":"dev-1","user_code":"ABCD-1234","verification_uri":"%[1]s/verify","verification_uri_complete":"%[1]s/verify?userCode=ABCD-1234","expires_in":300,"interval":1}`, f.srv.URL)
}

func (f *fakeIdP) deviceToken(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	id, secret, _ := r.BasicAuth()
	f.mu.Lock()
	defer f.mu.Unlock()
	f.devicePolls++
	switch {
	case id != fakeClientID || secret != fakeSecret:
		oauthError(w, 401, "invalid_client", "Basic auth expected")
	case r.PostForm.Get("device_code") != "dev-1":
		oauthError(w, 400, "invalid_grant", "unknown device code")
	case f.deny != "":
		oauthError(w, 400, f.deny, "The user denied the request")
	case f.devicePolls <= f.pendingPolls:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusPreconditionRequired)
		fmt.Fprint(w, `{"message":"The user has not yet authorized","errors":[{"description":"The user has not yet authorized"}],"trackingId":"ROUTER_1"}`)
	default:
		f.issue(w, "")
	}
}

func (f *fakeIdP) bearer(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		f.mu.Lock()
		ok := f.access[tok]
		f.mu.Unlock()
		if !ok {
			w.WriteHeader(401)
			fmt.Fprint(w, `{"message":"The request requires a valid access token set in the Authorization request header.","trackingId":"ROUTER_401"}`)
			return
		}
		h(w, r)
	}
}

func (f *fakeIdP) me(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, `{"id":"p1","emails":["ada@example.com"],"displayName":"Ada Lovelace","orgId":%q}`, fakeOrgID)
}

func (f *fakeIdP) sites(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("org") != fakeOrgUUID {
		http.Error(w, `{"error":{"reason":"wrong organization"}}`, http.StatusForbidden)
		return
	}
	fmt.Fprint(w, `{"meta":{"totalPages":1},"data":[{"id":"s1","name":"Chicago"}]}`)
}

// voidAccess makes every access token issued so far unknown, as if they had expired.
func (f *fakeIdP) voidAccess() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.access = map[string]bool{}
}

func (f *fakeIdP) revokeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.access, f.refresh = map[string]bool{}, map[string]bool{}
}

func oauthError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
}

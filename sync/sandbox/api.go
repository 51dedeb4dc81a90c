package sandbox

import (
	"net"
	"net/http"
	"slices"
	"strings"
	"time"
)

// serveAPI runs a config API request through what a real service puts in front of it:
// injected faults, the bearer token, the organization, the rate limit and the scope.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	if d := s.opt.Faults.Latency; d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
	}
	switch s.roll() {
	case fault500:
		writeFail(w, r, http.StatusInternalServerError, "Internal Server Error (sandbox fault injection)")
	case fault503:
		writeFail(w, r, http.StatusServiceUnavailable, "Service Unavailable (sandbox fault injection)")
	case fault429:
		writeGateway429(w, 1)
	case faultReset:
		resetConnection(w)
	case faultLost:
		s.serveAuthed(discardWriter{http.Header{}}, r)
		resetConnection(w)
	default:
		s.serveAuthed(w, r)
	}
}

func (s *Server) roll() fault {
	if slices.ContainsFunc(s.opt.Faults.shares(), func(f float64) bool { return f > 0 }) {
		return s.dice.roll()
	}
	return noFault
}

// serveAuthed checks the request's token, organization, rate and scope. Cisco's "Common
// API errors" page (developer.webex.com/webex-contact-center/docs/common-api-errors): a
// missing Authorization header, or one not of the form "Bearer <token>", gets 400; a
// token that is not valid or has expired gets 401.
func (s *Server) serveAuthed(w http.ResponseWriter, r *http.Request) {
	token, formed := bearer(r)
	if !formed {
		writeFail(w, r, http.StatusBadRequest, "Invalid Authorization header: it must be of the form Bearer <token>")
		return
	}
	g, ok := s.sess.check(token, s.now())
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		writeFail(w, r, http.StatusUnauthorized, "The access token is missing, invalid or expired")
		return
	}
	org, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/organization/"), "/")
	if org != s.org {
		writeFail(w, r, http.StatusForbidden, "The access token does not grant access to organization "+org)
		return
	}
	if ok, after := s.limit.allow(g.clientID, s.now()); !ok {
		writeGateway429(w, after)
		return
	}
	if need := neededScopes(r.Method); !slices.ContainsFunc(need, func(sc string) bool { return slices.Contains(g.scopes, sc) }) {
		writeFail(w, r, http.StatusForbidden, "The access token lacks the scope "+need[0]+" that "+r.Method+" requires")
		return
	}
	s.api.ServeHTTP(w, r)
}

// neededScopes lists the scopes of which a token needs one for method.
func neededScopes(method string) []string {
	if method == http.MethodGet || method == http.MethodHead {
		return []string{"cjp:config_read", "cjp:config_write", "cjp:config"}
	}
	return []string{"cjp:config_write"}
}

// bearer returns the token of an "Authorization: Bearer …" header; formed is false when
// the header is missing or not of that form.
func bearer(r *http.Request) (token string, formed bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", false
	}
	return token, true
}

// resetConnection drops the client's connection with a TCP reset, without an answer.
func resetConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			if tcp, ok := conn.(*net.TCPConn); ok {
				tcp.SetLinger(0)
			}
			conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler) // HTTP/2 or a recorder: abort the stream instead
}

// discardWriter swallows a response whose connection is about to be reset.
type discardWriter struct{ h http.Header }

func (d discardWriter) Header() http.Header         { return d.h }
func (d discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d discardWriter) WriteHeader(int)             {}

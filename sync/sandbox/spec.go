package sandbox

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
)

// StrictEnv, set to 1, turns Options.CheckSpec on for every sandbox of the process: how
// a run of the whole app (the Xvfb smoke run) asks its embedded sandbox to check.
const StrictEnv = "BULKOPS_SANDBOX_STRICT"

// Violation is one request the spec does not allow, or one response the spec does not
// describe (a sandbox bug).
type Violation struct {
	Method, Path string
	Problem      string // where and what: "body items[0].item.name: property \"name\" is missing"
	Response     bool
}

func (v Violation) String() string {
	kind := "spec violation"
	if v.Response {
		kind = "spec violation in the sandbox's response"
	}
	return kind + ": " + v.Method + " " + v.Path + ": " + v.Problem
}

// Harness, when set, adjusts the Options of every sandbox New builds afterwards. A test
// binary's TestMain sets it once (sandboxtest.Main): each sandbox its tests start then
// checks the spec and reports its violations to the harness, which fails the binary.
// The app never sets it.
var Harness func(*Options)

// SpecViolations returns the violations this server recorded, including the request
// violations that Options.OffSpecRequests keeps from Options.OnViolation.
func (s *Server) SpecViolations() []Violation {
	s.vmu.Lock()
	defer s.vmu.Unlock()
	return append([]Violation(nil), s.violations...)
}

// record keeps v on the server and tells Options.OnViolation of it, unless it is a
// request the server expects to be off the spec.
func (s *Server) record(v Violation) {
	s.vmu.Lock()
	s.violations = append(s.violations, v)
	s.vmu.Unlock()
	if (v.Response || !s.opt.OffSpecRequests) && s.opt.OnViolation != nil {
		s.opt.OnViolation(v)
	}
}

// serveChecked runs a config API request through the spec: a request the spec does not
// allow is recorded and refused with a non-retryable answer whose reason begins
// "spec violation: METHOD PATH:" (400; 404 or 405 when the operation does not exist,
// as a live tenant answers), unless the server expects off-spec requests; the
// response is checked too.
func (s *Server) serveChecked(w http.ResponseWriter, r *http.Request) {
	if isLiveRoute(r) { // served live, not in the spec: nothing to check against
		s.serveAPI(w, r)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeAPIError(w, r, bodyError(err))
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	probe := r
	if r.Method == http.MethodHead { // served as GET, as the spec has it
		probe = r.Clone(r.Context())
		probe.Method = http.MethodGet
	}
	x, probs := s.spec.CheckRequest(probe, body)
	probs = capped(probs)
	for _, p := range probs {
		s.record(Violation{Method: r.Method, Path: r.URL.Path, Problem: p})
	}
	if len(probs) > 0 && !s.opt.OffSpecRequests {
		status := http.StatusBadRequest
		switch {
		case x == nil && strings.Contains(probs[0], "no such path"):
			status = http.StatusNotFound
		case x == nil:
			status = http.StatusMethodNotAllowed
			w.Header().Set("Allow", strings.Join(s.spec.Allowed(r.URL.Path), ", "))
		}
		writeFail(w, r, status, "spec violation: "+r.Method+" "+r.URL.Path+": "+strings.Join(probs, "; "))
		return
	}
	rec := &recorder{w: w, status: http.StatusOK}
	s.serveAPI(rec, r)
	if rec.hijacked {
		return
	}
	if rec.status == http.StatusTooManyRequests && rec.buf.Len() == 0 {
		// Live wins over the spec's 429 body (Cisco's "Common API errors": no body).
		rec.flush()
		return
	}
	for _, p := range capped(x.CheckResponse(rec.status, rec.Header(), rec.buf.Bytes())) {
		s.record(Violation{Method: r.Method, Path: r.URL.Path, Problem: p, Response: true})
	}
	rec.flush()
}

// maxProblems bounds the problems kept of one request: a batch of 1000 bad items would
// otherwise bury the first, which usually says it all.
const maxProblems = 10

func capped(probs []string) []string {
	if len(probs) <= maxProblems {
		return probs
	}
	return append(probs[:maxProblems:maxProblems], fmt.Sprintf("and %d more problems", len(probs)-maxProblems))
}

// recorder holds a response back until it has been checked.
type recorder struct {
	w        http.ResponseWriter
	status   int
	wrote    bool
	buf      bytes.Buffer
	hijacked bool
}

func (rc *recorder) Header() http.Header { return rc.w.Header() }

func (rc *recorder) WriteHeader(status int) {
	if !rc.wrote {
		rc.status, rc.wrote = status, true
	}
}

func (rc *recorder) Write(b []byte) (int, error) {
	rc.WriteHeader(http.StatusOK)
	return rc.buf.Write(b)
}

func (rc *recorder) flush() {
	rc.w.WriteHeader(rc.status)
	rc.w.Write(rc.buf.Bytes())
}

// Hijack lets fault injection reset the connection; nothing is checked then.
func (rc *recorder) Hijack() (c net.Conn, rw *bufio.ReadWriter, err error) {
	hj, ok := rc.w.(http.Hijacker)
	if !ok {
		return nil, nil, http.ErrNotSupported
	}
	rc.hijacked = true
	return hj.Hijack()
}

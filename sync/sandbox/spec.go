package sandbox

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
)

// StrictEnv, set to 1, makes a sandbox outside `go test` check every config API request
// and response against Cisco's spec, as it always does under test (the Xvfb smoke run
// sets it).
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

// violations are every violation of the process, but those of servers that expect
// off-spec requests (Options.OffSpecRequests) on purpose.
var violations struct {
	mu   sync.Mutex
	list []Violation
}

// SpecViolations returns the violations recorded so far by every sandbox of the
// process; a test binary fails when there is any (see sandboxtest.Main).
func SpecViolations() []Violation {
	violations.mu.Lock()
	defer violations.mu.Unlock()
	return append([]Violation(nil), violations.list...)
}

// ReportViolations writes the process's violations to w and reports whether there were
// any: what a test binary's TestMain calls after m.Run (see sandboxtest.Main).
func ReportViolations(w io.Writer) bool {
	vs := SpecViolations()
	if len(vs) == 0 {
		return false
	}
	fmt.Fprintf(w, "FAIL: the sandbox recorded %d spec violations:\n", len(vs))
	for _, v := range vs {
		fmt.Fprintln(w, "  "+v.String())
	}
	return true
}

// SpecViolations returns the violations this server recorded, including the request
// violations that Options.OffSpecRequests keeps out of the process-wide list.
func (s *Server) SpecViolations() []Violation {
	s.vmu.Lock()
	defer s.vmu.Unlock()
	return append([]Violation(nil), s.violations...)
}

// checking reports whether sandboxes check the spec: always under `go test`, else when
// StrictEnv asks for it.
func checking() bool { return testing.Testing() || os.Getenv(StrictEnv) == "1" }

func (s *Server) record(v Violation) {
	fmt.Fprintln(os.Stderr, "sandbox: "+v.String())
	s.vmu.Lock()
	s.violations = append(s.violations, v)
	s.vmu.Unlock()
	if v.Response || !s.opt.OffSpecRequests {
		violations.mu.Lock()
		violations.list = append(violations.list, v)
		violations.mu.Unlock()
	}
}

// serveChecked runs a config API request through the spec: a request the spec does not
// allow is recorded and refused with a non-retryable answer whose reason begins
// "spec violation: METHOD PATH:" (400; 404 or 405 when the operation does not exist,
// as a live tenant answers), unless the server expects off-spec requests; the
// response is checked too.
func (s *Server) serveChecked(w http.ResponseWriter, r *http.Request) {
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

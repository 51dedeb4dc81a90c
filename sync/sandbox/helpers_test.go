package sandbox

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// tc is a test client of a sandbox served over real HTTP by httptest.
type tc struct {
	t     testing.TB
	s     *Server
	url   string
	token string
	hc    *http.Client
}

func newTC(t testing.TB, opt Options) *tc {
	t.Helper()
	s, err := New(opt)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		hs.Close()
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return &tc{t: t, s: s, url: hs.URL, token: s.MintToken(), hc: hs.Client()}
}

// abs makes path absolute: paths without a leading / are relative to the organization.
func (c *tc) abs(path string) string {
	if strings.HasPrefix(path, "/") {
		return c.url + path
	}
	return c.url + "/organization/" + c.s.OrgID() + "/" + path
}

// call sends body (JSON unless it is []byte) and returns status, header and body.
func (c *tc) call(method, path string, body any) (int, http.Header, []byte) {
	c.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			c.t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, c.abs(path), rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, out
}

// object calls and decodes a JSON object, failing unless the status is want.
func (c *tc) object(method, path string, body any, want int) map[string]any {
	c.t.Helper()
	status, _, b := c.call(method, path, body)
	if status != want {
		c.t.Fatalf("%s %s: status %d, want %d; body %s", method, path, status, want, b)
	}
	var m map[string]any
	if len(b) > 0 {
		if err := json.Unmarshal(b, &m); err != nil {
			c.t.Fatalf("%s %s: %v in %s", method, path, err, b)
		}
	}
	return m
}

// bulk sends items to a bulk endpoint and returns the per-item results.
func (c *tc) bulk(method, path string, items ...map[string]any) []map[string]any {
	c.t.Helper()
	m := c.object(method, path, map[string]any{"items": items}, http.StatusMultiStatus)
	var out []map[string]any
	for _, it := range m["items"].([]any) {
		out = append(out, it.(map[string]any))
	}
	if len(out) != len(items) {
		c.t.Fatalf("%s %s: %d results for %d items", method, path, len(out), len(items))
	}
	return out
}

// save is one SAVE item of a bulk request.
func save(n int, item map[string]any) map[string]any {
	return map[string]any{"itemIdentifier": n, "requestAction": "SAVE", "item": item}
}

// delFull is a DELETE item with the whole object, as id-walled types want it.
func (c *tc) delFull(n int, path string) map[string]any {
	c.t.Helper()
	return map[string]any{"itemIdentifier": n, "requestAction": "DELETE", "item": c.object("GET", path, nil, http.StatusOK)}
}

func del(n int, id string) map[string]any {
	return map[string]any{"itemIdentifier": n, "requestAction": "DELETE", "item": map[string]any{"id": id}}
}

// idOf finds an object's id by name through a v2/v3 list and its RSQL filter.
func (c *tc) idOf(listPath, field, value string) string {
	c.t.Helper()
	m := c.object("GET", listPath+"?filter="+url.QueryEscape(field+`=="`+value+`"`), nil, http.StatusOK)
	data := m["data"].([]any)
	if len(data) != 1 {
		c.t.Fatalf("%s %s==%q: %d results, want 1", listPath, field, value, len(data))
	}
	return data[0].(map[string]any)["id"].(string)
}

// messages returns the descriptions of a bulk result's or error body's apiError.
func messages(v map[string]any) []string {
	if e, ok := v["apiError"].(map[string]any); ok {
		v = e
	}
	var out []string
	inner, _ := v["error"].(map[string]any)
	list, _ := inner["message"].([]any)
	for _, m := range list {
		out = append(out, m.(map[string]any)["description"].(string))
	}
	return out
}

func lastSegment(href string) string { return href[strings.LastIndex(href, "/")+1:] }

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

// raw sends a body with an explicit content type and decodes the answer as an object.
func (c *tc) raw(method, path string, body any, ctype string) (int, map[string]any) {
	c.t.Helper()
	var b []byte
	switch v := body.(type) {
	case []byte:
		b = v
	default:
		b, _ = json.Marshal(v)
	}
	req, _ := http.NewRequest(method, c.abs(path), bytes.NewReader(b))
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var m map[string]any
	json.NewDecoder(resp.Body).Decode(&m)
	return resp.StatusCode, m
}

// fakeClock is a settable clock for Server.now, safe to move while handlers read it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(s *Server) *fakeClock {
	c := &fakeClock{t: time.Now()}
	s.now = c.now
	return c
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func jsonBody(v any) io.Reader {
	b, _ := json.Marshal(v)
	return bytes.NewReader(b)
}

func httpServer(t testing.TB, s *Server) *httptest.Server {
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	return hs
}

// expectViolations checks that s recorded n spec violations (requests this test sent
// against the spec on purpose) and takes them out of the reported ones, so that they do
// not fail the package.
func expectViolations(t *testing.T, s *Server, n int) {
	t.Helper()
	mine := s.SpecViolations()
	if len(mine) != n {
		t.Errorf("%d spec violations recorded, want %d: %v", len(mine), n, mine)
	}
	forgetReported(mine)
}

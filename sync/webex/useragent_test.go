package webex

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/version"
)

// Every request names the build it came from, so that Cisco's logs and a support case can
// tell which Bulkops sent it: Bulkops/VERSION (os; arch).
func TestRequestsCarryTheUserAgent(t *testing.T) {
	var got []string
	h := &script{t: t, steps: []func(http.ResponseWriter, *http.Request){func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("User-Agent"))
		status(200)(w, r)
	}}}
	c, _ := newTestClient(t, h, Options{}, false)
	if _, err := c.Get(context.Background(), "site", "x1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Update(context.Background(), "site", "x1", map[string]string{"name": "Chicago"}); err != nil {
		t.Fatal(err)
	}
	want := version.UserAgent()
	if !strings.HasPrefix(want, "Bulkops/") {
		t.Fatalf("version.UserAgent() = %q", want)
	}
	if len(got) != 2 || got[0] != want || got[1] != want {
		t.Errorf("User-Agent sent %q, want %q on each", got, want)
	}
}

package sandbox

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestAccessRules: what stands between a request and the config API.
func TestAccessRules(t *testing.T) {
	// Off-spec requests (unknown path, wrong method) on purpose: the live answers.
	c := newTC(t, Options{Seed: SeedEmpty, OffSpecRequests: true})
	readOnly := c.s.MintToken("cjp:config_read")
	other := newUUID()
	cases := []struct {
		name, method, path, token string
		status                    int
		want                      string
	}{
		// Cisco's common API errors: no or a malformed Authorization header is a 400.
		{"no token", "GET", "v2/site", "", 400, "Invalid Authorization header: it must be of the form Bearer <token>"},
		{"unknown token", "GET", "v2/site", "forged", 401, "The access token is missing, invalid or expired"},
		{"read with a read token", "GET", "v2/site", readOnly, 200, ""},
		{"write with a read token", "POST", "site/bulk", readOnly, 403, "The access token lacks the scope cjp:config_write that POST requires"},
		{"another organization", "GET", "/organization/" + other + "/v2/site", c.token, 403, "The access token does not grant access to organization " + other},
		// live: an unknown route gets the framework's body, whose error is a string.
		{"unknown path", "GET", "v2/spaceship", c.token, 404, `"error":"Not Found","path":"/organization/`},
		{"wrong method", "DELETE", "v2/site", c.token, 405, `"error":"Method Not Allowed","path":"/organization/`},
		{"outside the API", "GET", "/v9/nothing", c.token, 404, "No resource found"},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			c := &tc{t: t, s: c.s, url: c.url, token: tt.token, hc: c.hc}
			var body any
			if tt.method == "POST" {
				body = map[string]any{"items": []any{save(1, map[string]any{"name": "x", "active": true, "multimediaProfileId": "m"})}}
			}
			status, h, b := c.call(tt.method, tt.path, body)
			if status != tt.status || !strings.Contains(string(b), tt.want) {
				t.Errorf("%d %s, want %d %q", status, b, tt.status, tt.want)
			}
			if status == 401 && h.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
}

// TestTokenExpires: access tokens stop working at their expiry.
func TestTokenExpires(t *testing.T) {
	c := newTC(t, Options{Seed: SeedEmpty, TokenTTL: time.Minute})
	clock := newClock(c.s)
	c.token = c.s.MintToken()
	c.object("GET", "v2/site", nil, http.StatusOK)
	clock.add(time.Minute)
	c.object("GET", "v2/site", nil, http.StatusUnauthorized)
	c.token = c.s.MintToken()
	if !c.s.Revoke(c.token) {
		t.Fatal("Revoke did not know a fresh token")
	}
	c.object("GET", "v2/site", nil, http.StatusUnauthorized)
}

package sandbox

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Live (wxcc-skills): a raw, unencoded double quote in filter is refused with 400, while
// the same value encoded, or unquoted as the catalog now writes it, selects the rows.
func TestRawQuotesInFilterRefusedAsLive(t *testing.T) {
	c := newTC(t, Options{})
	status, _, body := c.call("GET", `v2/entry-point?filter=entryPointType=="INBOUND"`, nil)
	if status != http.StatusBadRequest || !strings.Contains(string(body), "%22") {
		t.Errorf("raw quotes: %d %s, want 400 saying to encode them", status, body)
	}
	for _, f := range []string{`entryPointType=="INBOUND"`, `entryPointType==INBOUND`} {
		m := c.object("GET", "v2/entry-point?filter="+url.QueryEscape(f), nil, http.StatusOK)
		if n := len(m["data"].([]any)); n == 0 {
			t.Errorf("%s: no entry points", f)
		}
	}
}

// Live (wxcc-skills, "WORKITEM TRAP"): a multimedia profile's GET carries workItem at
// the top level and in manuallyAssignable; without the work-item feature flag a PUT that
// sends it back gets 400 "workItem is not allowed when feature flag is disabled", and
// the same PUT without it succeeds. With the flag it is taken.
func TestWorkItemRefusedWithoutFeatureFlag(t *testing.T) {
	for _, feature := range []bool{false, true} {
		c := newTC(t, Options{WorkItemFeature: feature})
		id := c.idOf("v2/multimedia-profile", "name", "Voice Only")
		got := c.object("GET", "multimedia-profile/"+id, nil, http.StatusOK)
		ma, _ := got["manuallyAssignable"].(map[string]any)
		if _, ok := got["workItem"]; !ok || ma["workItem"] == nil {
			t.Fatalf("GET has no workItem at the top level and in manuallyAssignable: %v", got)
		}
		got["description"] = "changed"
		status, _, body := c.call("PUT", "multimedia-profile/"+id, got)
		if feature {
			if status != http.StatusOK {
				t.Errorf("with the feature: %d %s", status, body)
			}
			continue
		}
		if status != http.StatusBadRequest || !strings.Contains(string(body), "workItem is not allowed when feature flag is disabled") {
			t.Errorf("without the feature: %d %s, want the live 400", status, body)
		}
		delete(got, "workItem")
		delete(ma, "workItem")
		c.object("PUT", "multimedia-profile/"+id, got, http.StatusOK)
	}
}

// Cisco's "Common API errors": an Authorization header that is missing or not "Bearer
// <token>" gets 400, a token that is not valid 401, and a 429 has no body, only
// Retry-After.
func TestAuthorizationAndRateAnswersAsCommonAPIErrors(t *testing.T) {
	c := newTC(t, Options{Seed: SeedEmpty, Rate: 1})
	for header, want := range map[string]int{"": 400, "Token abc": 400, "Bearer ": 400, "Bearer forged": 401} {
		req, _ := http.NewRequest("GET", c.abs("v2/site"), nil)
		if header != "" {
			req.Header.Set("Authorization", header)
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Authorization %q: %d, want %d", header, resp.StatusCode, want)
		}
	}
	c.object("GET", "v2/site", nil, http.StatusOK)
	status, h, body := c.call("GET", "v2/site", nil)
	if status != http.StatusTooManyRequests || len(body) != 0 || h.Get("Retry-After") == "" {
		t.Errorf("over the rate: %d, Retry-After %q, body %q; want 429 with Retry-After and no body", status, h.Get("Retry-After"), body)
	}
}

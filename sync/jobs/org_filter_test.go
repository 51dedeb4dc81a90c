package jobs

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
	"github.com/bulkops/bulkops/sync/webex"
)

// Live (Cisco's SDK, services/config/constants.ts): a quoted filter value is refused with
// 400. The names the engine looks up again go bare where RSQL allows it; a name with a
// space is quoted, the quotes percent-encoded on the wire (a raw quote is a 400 live,
// wxcc-skills), and the sandbox finds both.
func TestQuotedFilterValueRefusedLiveSoPlainNamesGoBare(t *testing.T) {
	e := newEnv(t, envOptions{})
	var mu sync.Mutex
	var filters, raw []string
	hc := &http.Client{Transport: sandboxtest.Bearer{Token: e.token, Seen: func(r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		filters = append(filters, r.URL.Query().Get("filter"))
		raw = append(raw, r.URL.RawQuery)
	}}}
	api, err := webex.New(e.sb.URL(), e.sb.OrgID(), hc, webex.Options{RatePerMinute: 6_000_000, Burst: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ key, name, filter string }{
		{"site", "Prague", `name=in=(Prague)`},
		{"multimedia-profile", "Voice Only", `name=in=("Voice Only")`},
	} {
		filters, raw = nil, nil
		x := newOrgIndex(mustObject(t, c.key))
		if err := x.load(context.Background(), api, []string{c.name}); err != nil {
			t.Fatalf("%s %q: %v", c.key, c.name, err)
		}
		if len(filters) != 1 || !strings.HasSuffix(filters[0], c.filter) {
			t.Errorf("%s %q: filter %q, want it to end in %s", c.key, c.name, filters, c.filter)
		}
		if strings.Contains(strings.Join(raw, "&"), `"`) {
			t.Errorf("%s %q: a raw quote on the wire: %s", c.key, c.name, raw)
		}
		if len(x.byKey) != 1 {
			t.Errorf("%s %q: found %d objects, want 1", c.key, c.name, len(x.byKey))
		}
	}
}

// Names that RSQL cannot take bare are quoted, quotes and backslashes escaped; the rest
// are sent as they are.
func TestRSQLValueQuotesOnlyWhatTheGrammarNeeds(t *testing.T) {
	for in, want := range map[string]string{
		"Sales_EMEA-2": "Sales_EMEA-2", "Účtárna": "Účtárna", "a.b@c": "a.b@c",
		"Front Desk": `"Front Desk"`, "a,b": `"a,b"`, "x(1)": `"x(1)"`, "a;b": `"a;b"`, "a=b": `"a=b"`,
		`say "hi"`: `"say \"hi\""`, `back\slash`: `"back\\slash"`, "tab\there": "\"tab\there\"", "": `""`,
		"it's": `"it's"`, "a<b": `"a<b"`, "!x": `"!x"`, "~x": `"~x"`,
	} {
		if got := rsqlValue(in); got != want {
			t.Errorf("rsqlValue(%q) = %s, want %s", in, got, want)
		}
	}
	if q := (url.Values{"filter": {"name=in=(" + rsqlValue("Front Desk") + ")"}}).Encode(); strings.Contains(q, `"`) {
		t.Errorf("encoded: %s", q)
	}
}

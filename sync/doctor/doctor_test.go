package doctor

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
	"github.com/bulkops/bulkops/sync/webex"
)

func TestMain(m *testing.M) { sandboxtest.Main(m) }

// client signs in to a new sandbox; writes counts the requests that were not reads.
func client(t *testing.T) (c *webex.Client, writes *atomic.Int64) {
	t.Helper()
	r, err := sandbox.Start(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	writes = &atomic.Int64{}
	seen := func(req *http.Request) {
		if req.Method != http.MethodGet {
			writes.Add(1)
		}
	}
	hc := &http.Client{Transport: sandboxtest.Bearer{Token: r.MintToken(), Seen: seen}}
	c, err = webex.New(r.URL(), r.OrgID(), hc, webex.Options{RatePerMinute: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return c, writes
}

// Against the sandbox every check passes, each covered type gets its list and read
// lines, the organization is named from its tenant record, and nothing is written.
func TestDoctorAgainstSandbox(t *testing.T) {
	c, writes := client(t)
	rep := Run(context.Background(), c, catalog.All())
	var text []string
	for _, ch := range rep.Checks {
		line := ch.Status.Tag() + " " + ch.Text.String()
		text = append(text, line)
		if ch.Status != OK {
			t.Errorf("not ok: %s", line)
		}
		if cs := ch.Text.In(i18n.Czech); strings.Contains(line, "(s)") || strings.Contains(cs, "(ů)") {
			t.Errorf("not in plural forms: %s / %s", line, cs)
		}
	}
	all := strings.Join(text, "\n")
	ok, warn, fail := rep.Count()
	t.Logf("%d checks: %d ok, %d warnings, %d failed", len(rep.Checks), ok, warn, fail)
	for _, want := range []string{"ok site: incoming-references of ", "ok API host 127.0.0.1:", "a local sandbox", "ok organization " + sandbox.SandboxOrgName,
		"ok queue: list v2/contact-service-queue", "ok entry_point: list v2/entry-point", "ok site: read site/"} {
		if !strings.Contains(all, want) {
			t.Errorf("report lacks %q:\n%s", want, all)
		}
	}
	for _, o := range catalog.All() {
		if o.API.Covered && o.API.List != "" && !strings.Contains(all, " "+o.Key+": list ") {
			t.Errorf("no list check of %s", o.Key)
		}
	}
	if n := writes.Load(); n != 0 {
		t.Errorf("%d requests that were not reads", n)
	}
}

// broken answers one list with the server's refusal and lets a filter through that
// selects nothing, as a live parser that refuses the filter or ignores it would.
type broken struct {
	*webex.Client
}

func (b broken) ListPage(ctx context.Context, path string, q url.Values) (webex.Page, error) {
	if path == "v2/team" {
		return webex.Page{}, &webex.APIError{Status: 400, Reason: "Invalid filter", TrackingID: "t-1"}
	}
	if q.Get("filter") != "" {
		q.Del("filter") // the server ignored it: inbound and outbound come together
	}
	return b.Client.ListPage(ctx, path, q)
}

// What fails is said on its line with the server's words, and the report fails.
func TestDoctorSaysWhatFails(t *testing.T) {
	c, _ := client(t)
	rep := Run(context.Background(), broken{c}, catalog.All())
	var fails []string
	for _, ch := range rep.Checks {
		if ch.Status == Fail {
			fails = append(fails, ch.Text.String())
		}
	}
	all := strings.Join(fails, "\n")
	if !rep.Failed() || !strings.Contains(all, "team: list v2/team: 400 Bad Request: Invalid filter (trackingId t-1)") ||
		!strings.Contains(all, "outdial_entry_point: the filter entryPointType==OUTBOUND let through") {
		t.Errorf("failures:\n%s", all)
	}
}

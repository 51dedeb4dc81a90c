package uitest

import (
	"net/http"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
	"github.com/bulkops/bulkops/sync/webex"
)

// Sandbox starts a sandbox of the demo organization for the test and returns it with a
// client signed in to it, fast enough that the rate limit never waits.
func Sandbox(t testing.TB) (*sandbox.Running, *webex.Client) {
	t.Helper()
	return SandboxWith(t, sandbox.Options{})
}

// SandboxWith is Sandbox started with opt (another seed, a state file).
func SandboxWith(t testing.TB, opt sandbox.Options) (*sandbox.Running, *webex.Client) {
	t.Helper()
	sb, err := sandbox.Start(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	hc := &http.Client{Transport: sandboxtest.Bearer{Token: sb.MintToken()}}
	api, err := webex.New(sb.URL(), sb.OrgID(), hc, webex.Options{RatePerMinute: 6_000_000, Burst: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return sb, api
}

package webex_test

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/webex"
)

// The sandbox answers a referenced delete with the live 412 body; the client reads the
// referring types out of it instead of showing "Precondition Failed".
func TestDeleteOfReferencedSiteReadsLive412(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{}, webex.Options{})
	ctx := context.Background()
	sites, err := c.List(ctx, "v2/site", url.Values{"filter": {"name==Prague"}})
	if err != nil || len(sites) != 1 {
		t.Fatalf("%v %v", sites, err)
	}
	err = c.Delete(ctx, "site", str(sites[0], "id"))
	var ae *webex.APIError
	if !errors.As(err, &ae) || ae.Status != 412 || !slices.Equal(ae.ReferencedBy, []string{"agent-profile", "team", "user"}) ||
		ae.Message() != "Referenced by other objects: agent-profile, team, user" {
		t.Errorf("delete: %v (ReferencedBy %v)", err, ae)
	}
}

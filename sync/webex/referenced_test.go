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

// Live, not in the spec (wxcc-skills _org_info): GET organization/{orgId} names the
// tenant; one page of a list comes with its paging as the server gave it.
func TestOrganizationRecordAndOnePage(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{}, webex.Options{})
	ctx := context.Background()
	org, err := c.Organization(ctx)
	if err != nil || str(org, "name") != sandbox.SandboxOrgName || str(org, "id") != c.OrgID() {
		t.Errorf("organization: %v %v", org, err)
	}
	pg, err := c.ListPage(ctx, "v2/site", url.Values{"pageSize": {"2"}})
	if err != nil || len(pg.Objects) != 2 || pg.Bare || pg.TotalPages < 2 || pg.TotalRecords < 3 {
		t.Errorf("page: %+v %v", pg, err)
	}
}

// Live: incoming-references answers one referring type at a time; walking the types
// finds all 104 objects that use the site Prague (a client that read one page saw 1).
func TestIncomingReferencesWalkedByType(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{}, webex.Options{})
	ctx := context.Background()
	sites, err := c.List(ctx, "v2/site", url.Values{"filter": {"name==Prague"}})
	if err != nil || len(sites) != 1 {
		t.Fatalf("%v %v", sites, err)
	}
	refs, err := c.AllIncomingReferences(ctx, "site", str(sites[0], "id"))
	if err != nil {
		t.Fatal(err)
	}
	if len(refs["team"]) != 3 || len(refs["user"]) != 100 || len(refs["agent-profile"]) != 1 || len(refs) != 3 {
		t.Errorf("references: %d teams, %d users, %d desktop profiles, %d types", len(refs["team"]), len(refs["user"]), len(refs["agent-profile"]), len(refs))
	}
	profiles, _ := c.List(ctx, "v3/user-profile", nil)
	if _, err := c.IncomingReferences(ctx, "v3/user-profile", str(profiles[0], "id"), "", 0); err != nil {
		t.Errorf("a v3 type's references: %v", err)
	}
}

// A referenced delete through bulk is a per-item 412 in the live shape; the item's
// error names the referring types.
func TestBulkDeleteOfReferencedSiteReadsLive412(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{}, webex.Options{})
	ctx := context.Background()
	sites, err := c.List(ctx, "v2/site", url.Values{"filter": {"name==Prague"}})
	if err != nil || len(sites) != 1 {
		t.Fatalf("%v %v", sites, err)
	}
	site, err := c.Get(ctx, "site", str(sites[0], "id"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.BulkSave(ctx, "site/bulk", "POST", []webex.BulkItem{{ItemIdentifier: 1, RequestAction: webex.ActionDelete, Item: site}})
	if err != nil || len(res) != 1 || res[0].Error == nil {
		t.Fatalf("%v %v", res, err)
	}
	if e := res[0].Error; e.Status != 412 || !slices.Equal(e.ReferencedBy, []string{"agent-profile", "team", "user"}) {
		t.Errorf("item error %v (ReferencedBy %v)", e, e.ReferencedBy)
	}
}

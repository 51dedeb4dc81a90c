package webex_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/webex"
)

// Live (wxcc-skills): a PUT of a multimedia profile as GET returned it fails on a tenant
// without the work-item feature with 400 "workItem is not allowed when feature flag is
// disabled". Update leaves the field out and sends again, remembers it for the next PUT
// (one request, not two), and a tenant with the feature keeps workItem.
func TestUpdateDropsWorkItemWhenFeatureFlagDisabled(t *testing.T) {
	for _, feature := range []bool{false, true} {
		_, c := startSandbox(t, sandbox.Options{WorkItemFeature: feature}, webex.Options{})
		ctx := context.Background()
		list, err := c.List(ctx, "v2/multimedia-profile", url.Values{"filter": {`name=="Voice Only"`}})
		if err != nil || len(list) != 1 {
			t.Fatalf("list: %v %v", list, err)
		}
		for i, text := range []string{"first", "second"} {
			obj, err := c.Get(ctx, "multimedia-profile", str(list[0], "id"))
			if err != nil {
				t.Fatal(err)
			}
			obj["description"] = text
			before := c.Stats().Requests
			out, err := c.Update(ctx, "multimedia-profile", str(obj, "id"), obj)
			if err != nil {
				t.Fatalf("feature %v, update %d: %v", feature, i, err)
			}
			sent := c.Stats().Requests - before
			if str(out, "description") != text {
				t.Errorf("feature %v: description %q, want %q", feature, str(out, "description"), text)
			}
			want := int64(1)
			if !feature && i == 0 {
				want = 2 // refused once, then sent without workItem
			}
			if sent != want {
				t.Errorf("feature %v, update %d: %d requests, want %d", feature, i, sent, want)
			}
		}
		if got := strings.Join(c.FlagOffFields(), ","); (got == "workItem") == feature {
			t.Errorf("feature %v: fields learnt as refused %q", feature, got)
		}
	}
}

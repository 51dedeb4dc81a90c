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

package webex

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkBulkSave100 measures the client's own cost of one 100-item bulk save over
// loopback HTTP (encoding, sending, decoding the 207), with the rate limiter out of the way.
func BenchmarkBulkSave100(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Items []BulkItem }
		body, _ := io.ReadAll(r.Body)
		json.Unmarshal(body, &req)
		out := make([]string, len(req.Items))
		for i, it := range req.Items {
			out[i] = fmt.Sprintf(`{"itemIdentifier":%d,"status":201,"operationType":"CREATE","href":"/api/organization/o/site/id-%d"}`, it.ItemIdentifier, i)
		}
		w.WriteHeader(http.StatusMultiStatus)
		io.WriteString(w, `{"items":[`+strings.Join(out, ",")+`]}`)
	}))
	defer srv.Close()
	c, err := New(srv.URL, "o", srv.Client(), Options{RatePerMinute: 1 << 30, Burst: 1 << 20})
	if err != nil {
		b.Fatal(err)
	}
	items := make([]BulkItem, 100)
	for i := range items {
		items[i] = BulkItem{ItemIdentifier: i + 2, RequestAction: ActionSave,
			Item: Object{"name": fmt.Sprintf("Site %d", i), "active": true, "multimediaProfileId": "mp1"}}
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := c.BulkSave(context.Background(), "site/bulk", http.MethodPost, items)
		if err != nil || len(res) != 100 || !res[99].OK() {
			b.Fatal(err)
		}
	}
}

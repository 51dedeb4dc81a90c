package webex_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
	"github.com/bulkops/bulkops/sync/webex"
)

// These tests run the client against the sandbox over real HTTP: the sandbox applies the
// API's rules, status codes and error bodies, its rate limit and its injected faults.

// startSandbox runs a sandbox and returns a client of its organization.
func startSandbox(t *testing.T, opt sandbox.Options, o webex.Options) (*sandbox.Running, *webex.Client) {
	t.Helper()
	r, err := sandbox.Start(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	hc := &http.Client{Transport: sandboxtest.Bearer{Token: r.MintToken()}}
	if o.RatePerMinute == 0 {
		o.RatePerMinute = 1 << 20
	}
	c, err := webex.New(r.URL(), r.OrgID(), hc, o)
	if err != nil {
		t.Fatal(err)
	}
	return r, c
}

func str(o webex.Object, k string) string { s, _ := o[k].(string); return s }

func TestSandboxListAndGet(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{}, webex.Options{})
	ctx := context.Background()
	all, err := c.List(ctx, "v2/site", nil)
	if err != nil {
		t.Fatal(err)
	}
	paged, err := c.List(ctx, "v2/site", url.Values{"pageSize": {"2"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 3 || len(paged) != len(all) {
		t.Fatalf("%d sites in one page, %d in pages of 2: want the same, at least 3", len(all), len(paged))
	}
	for i := range all {
		if str(all[i], "id") != str(paged[i], "id") {
			t.Errorf("site %d differs between the two listings", i)
		}
	}
	one, err := c.Get(ctx, "site", str(all[1], "id"))
	if err != nil || str(one, "name") != str(all[1], "name") {
		t.Errorf("Get = %v, %v", one, err)
	}
	_, err = c.Get(ctx, "site", "00000000-0000-0000-0000-000000000000")
	if !webex.IsNotFound(err) {
		t.Errorf("Get of an unknown id: %v", err)
	}
	filtered, err := c.List(ctx, "v2/site", url.Values{"filter": {`name=="` + str(all[0], "name") + `"`}})
	if err != nil || len(filtered) != 1 {
		t.Errorf("filtered list: %d, %v", len(filtered), err)
	}
}

func TestSandboxBulkSave(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{}, webex.Options{})
	ctx := context.Background()
	mmps, err := c.List(ctx, "v2/multimedia-profile", nil)
	if err != nil || len(mmps) == 0 {
		t.Fatalf("multimedia profiles: %v %v", mmps, err)
	}
	mmp := str(mmps[0], "id")
	res, err := c.BulkSave(ctx, "site/bulk", http.MethodPost, []webex.BulkItem{
		{ItemIdentifier: 2, RequestAction: webex.ActionSave, Item: webex.Object{"name": "E2E Prague", "active": true, "multimediaProfileId": mmp}},
		// Items the spec allows and the organization refuses: a profile it does not have.
		{ItemIdentifier: 3, RequestAction: webex.ActionSave, Item: webex.Object{"name": "E2E Brno", "active": true,
			"multimediaProfileId": "00000000-0000-0000-0000-000000000000"}},
		{ItemIdentifier: 4, RequestAction: webex.ActionSave, Item: webex.Object{"name": "E2E Ostrava", "active": true,
			"multimediaProfileId": "no-such-profile"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !res[0].OK() || res[0].ID() == "" || res[0].OperationType != "CREATE" {
		t.Fatalf("valid site: %+v %v", res[0], res[0].Error)
	}
	for _, r := range res[1:] {
		if r.OK() || r.Status != 400 || r.Error.Message() == "" || r.Error.Message() == "Bad Request" {
			t.Errorf("item %d: %+v, error %v: want a 400 with the server's reason", r.ItemIdentifier, r, r.Error)
		}
	}
	created, err := c.Get(ctx, "site", res[0].ID())
	if err != nil || str(created, "name") != "E2E Prague" {
		t.Fatalf("created site: %v %v", created, err)
	}
	// The same name again is a conflict. As on live tenants, a site is not updated
	// through its bulk route (an item with an id is refused) but with PUT site/{id}.
	created["name"] = "E2E Prague 2"
	res, err = c.BulkSave(ctx, "site/bulk", http.MethodPost, []webex.BulkItem{
		{ItemIdentifier: 5, RequestAction: webex.ActionSave, Item: webex.Object{"name": "e2e prague", "active": true, "multimediaProfileId": mmp}},
		{ItemIdentifier: 6, RequestAction: webex.ActionSave, Item: created},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].OK() || res[0].Status != http.StatusConflict {
		t.Errorf("duplicate name: %+v %v", res[0], res[0].Error)
	}
	if res[1].OK() || !strings.Contains(res[1].Error.Message(), "cannot have an id") {
		t.Errorf("update through the bulk route: %+v %v, want the id wall", res[1], res[1].Error)
	}
	updated, err := c.Update(ctx, "site", str(created, "id"), created)
	if err != nil || str(updated, "name") != "E2E Prague 2" {
		t.Errorf("PUT site/{id}: %v %v", updated, err)
	}
}

func TestSandboxSingleCallsAndErrors(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{}, webex.Options{})
	ctx := context.Background()
	_, err := c.Create(ctx, "site", webex.Object{"name": "No profile", "active": true,
		"multimediaProfileId": "00000000-0000-0000-0000-000000000000"})
	var ae *webex.APIError
	if !errors.As(err, &ae) || ae.Status != 400 || ae.TrackingID == "" || ae.Message() == "Bad Request" {
		t.Fatalf("error = %#v", err)
	}
	if !strings.HasPrefix(err.Error(), "POST /organization/") {
		t.Errorf("error does not name the call: %v", err)
	}
	wt, err := c.Create(ctx, "work-type", webex.Object{"name": "E2E Idle", "active": true, "workTypeCode": "IDLE_CODE"})
	if err != nil || str(wt, "id") == "" {
		t.Fatalf("create work type: %v %v", wt, err)
	}
	wt["description"] = "changed by the e2e test"
	upd, err := c.Update(ctx, "work-type", str(wt, "id"), wt)
	if err != nil || str(upd, "description") != "changed by the e2e test" {
		t.Fatalf("update work type: %v %v", upd, err)
	}
	users, err := c.List(ctx, "v2/user", url.Values{"attributes": {"id"}})
	if err != nil || len(users) == 0 {
		t.Fatalf("users: %v", err)
	}
	res, err := c.BulkSave(ctx, "user/bulk", http.MethodPatch, []webex.BulkItem{
		{ItemIdentifier: 1, Item: webex.Object{"id": str(users[0], "id"), "externalIdentifier": "E2E-42"}},
	})
	if err != nil || !res[0].OK() {
		t.Fatalf("PATCH user/bulk: %v %+v", err, res)
	}
	u, err := c.Get(ctx, "user", str(users[0], "id"))
	if err != nil || str(u, "externalIdentifier") != "E2E-42" {
		t.Errorf("patched user: %v %v", u, err)
	}
}

// muLawWAV is a mono 8 kHz 8-bit μ-law WAV of n samples of silence.
func muLawWAV(n int) []byte {
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(4 + 8 + 18 + 8 + n))
	b.WriteString("WAVEfmt ")
	le(uint32(18))
	le(uint16(7)) // μ-law
	le(uint16(1))
	le(uint32(8000))
	le(uint32(8000))
	le(uint16(1))
	le(uint16(8))
	le(uint16(0))
	b.WriteString("data")
	le(uint32(n))
	b.Write(bytes.Repeat([]byte{0xFF}, n))
	return b.Bytes()
}

func TestSandboxUploadAudio(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{}, webex.Options{})
	ctx := context.Background()
	info := webex.Object{"name": "e2e-greeting.wav", "contentType": "AUDIO_WAV", "description": "E2E"}
	got, err := c.UploadAudio(ctx, info, "e2e-greeting.wav", muLawWAV(800), "")
	if err != nil || str(got, "id") == "" {
		t.Fatalf("upload: %v %v", got, err)
	}
	got["description"] = "replaced"
	again, err := c.UploadAudio(ctx, got, "e2e-greeting.wav", muLawWAV(1600), str(got, "id"))
	if err != nil || str(again, "description") != "replaced" || str(again, "id") != str(got, "id") {
		t.Fatalf("replace: %v %v", again, err)
	}
	_, err = c.UploadAudio(ctx, webex.Object{"name": "not-audio.wav", "contentType": "AUDIO_WAV"}, "not-audio.wav", []byte("hello"), "")
	var ae *webex.APIError
	if !errors.As(err, &ae) || ae.Status/100 != 4 || !strings.HasPrefix(err.Error(), "audio file not-audio.wav: ") {
		t.Errorf("a file that is not WAV: %v", err)
	}
}

// The client's limiter keeps under the organization's rate: no 429 at all. A client
// without it meets 429s, waits as told, and still gets every answer.
func TestSandboxRateLimit(t *testing.T) {
	tests := []struct {
		name       string
		clientRate int
		want429    bool
	}{
		{"limiter at the org's rate", 120, false},
		{"no client limiter", 1 << 20, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The organization's bucket is a little deeper than the client's burst: the
			// client's spacing is measured when a request leaves, the server's when it
			// arrives, and scheduling on a loaded machine moves arrivals by milliseconds.
			_, c := startSandbox(t, sandbox.Options{Rate: 120, Burst: 4},
				webex.Options{RatePerMinute: tt.clientRate, Burst: 2})
			for i := 0; i < 8; i++ {
				_, err := c.Get(context.Background(), "site", "00000000-0000-0000-0000-000000000000")
				if !webex.IsNotFound(err) {
					t.Fatalf("request %d: %v", i, err)
				}
			}
			st := c.Stats()
			if (st.RateLimited > 0) != tt.want429 {
				t.Errorf("stats %+v: want 429s: %v", st, tt.want429)
			}
		})
	}
}

func TestSandboxFaultsAreRetried(t *testing.T) {
	_, c := startSandbox(t,
		sandbox.Options{Faults: sandbox.Faults{Error500: 0.15, Error503: 0.15, Reset: 0.15}, FaultSeed: 7},
		webex.Options{BackoffBase: time.Millisecond, BackoffMax: 5 * time.Millisecond, MaxRetries: 10})
	sites, err := c.List(context.Background(), "v2/site", nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 30; i++ {
		if _, err := c.Get(context.Background(), "site", str(sites[i%len(sites)], "id")); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	if st := c.Stats(); st.Retries == 0 || st.Requests <= 31 {
		t.Errorf("stats %+v: the faults were not met", st)
	} else {
		t.Logf("31 calls took %d requests, %d retries, %d 429s", st.Requests, st.Retries, st.RateLimited)
	}
}

func TestSandboxWrongOrganization(t *testing.T) {
	r, _ := startSandbox(t, sandbox.Options{}, webex.Options{})
	hc := &http.Client{Transport: sandboxtest.Bearer{Token: r.MintToken()}}
	other, _ := webex.New(r.URL(), "11111111-2222-3333-4444-555555555555", hc, webex.Options{})
	_, err := other.List(context.Background(), "v2/site", nil)
	var ae *webex.APIError
	if !errors.As(err, &ae) || ae.Status != http.StatusForbidden {
		t.Errorf("another organization's path: %v", err)
	}
}

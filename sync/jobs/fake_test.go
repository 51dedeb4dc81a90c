package jobs

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sync/webex"
)

// wrapAPI is the sandbox's client with BulkSave replaced, for answers the sandbox does
// not give.
type wrapAPI struct {
	API
	bulk func(ctx context.Context, path, method string, items []webex.BulkItem) ([]webex.BulkResult, error)
}

func (w wrapAPI) BulkSave(ctx context.Context, path, method string, items []webex.BulkItem) ([]webex.BulkResult, error) {
	return w.bulk(ctx, path, method, items)
}

// A whole request refused (400) for one item in it: the batch is split until that item
// is alone, and only its row fails, with the server's words.
func TestWholeBatchRefusalIsSplit(t *testing.T) {
	e := newEnv(t, envOptions{})
	var calls atomic.Int32
	e.eng.API = wrapAPI{API: e.api, bulk: func(ctx context.Context, path, method string, items []webex.BulkItem) ([]webex.BulkResult, error) {
		calls.Add(1)
		for _, it := range items {
			if it.Item["name"] == "Split-00013" {
				return nil, &webex.APIError{Status: http.StatusBadRequest, Reason: "Bad Request", Messages: []string{"name: reserved word"}}
			}
		}
		return e.api.BulkSave(ctx, path, method, items)
	}}
	e.eng.BatchSize = 16
	j := e.submitRun("site", e.pack("site", siteCSV("Split", 40, nil)))
	if j.Succeeded != 39 || j.Failed != 1 {
		t.Fatalf("job: %d succeeded, %d failed", j.Succeeded, j.Failed)
	}
	sh, errs, _ := e.store.ErrorSheet(context.Background(), j.ID)
	if errs[0].Row != 2 || sh.Value(0, "Name") != siteName("Split", 13) || errs[0].Message != "name: reserved word" || errs[0].Column != "Name" {
		t.Errorf("failed row: %+v", errs[0])
	}
	if n := calls.Load(); n > 3+2*4+2 { // 3 batches, one split 16 → 8 → 4 → 2 → 1
		t.Errorf("%d bulk requests for 40 items", n)
	}
}

// An answer that leaves items out: those are read again and sent again, never counted
// done without the server's word.
func TestItemsMissingFromTheAnswerAreSentAgain(t *testing.T) {
	e := newEnv(t, envOptions{})
	var dropped atomic.Bool
	e.eng.API = wrapAPI{API: e.api, bulk: func(ctx context.Context, path, method string, items []webex.BulkItem) ([]webex.BulkResult, error) {
		res, err := e.api.BulkSave(ctx, path, method, items)
		if err == nil && len(res) > 1 && dropped.CompareAndSwap(false, true) {
			res[1] = webex.BulkResult{ItemIdentifier: res[1].ItemIdentifier, Error: &webex.APIError{
				Reason: "the server's answer has no result for this item; it may or may not have been saved"}}
		}
		return res, err
	}}
	j := e.submitRun("site", e.pack("site", siteCSV("Gap", 10, nil)))
	if j.Status != Completed || j.Succeeded != 10 || !dropped.Load() {
		t.Fatalf("job: %s, %d succeeded", j.Status, j.Succeeded)
	}
	if n := e.names("site")["Gap-00002"]; n != 1 {
		t.Errorf("Gap-00002 exists %d times", n)
	}
}

// An organization that does not answer for longer than the engine's patience fails the
// job with the reason; every row still has an outcome.
func TestUnreachableOrganizationFailsTheJob(t *testing.T) {
	e := newEnv(t, envOptions{})
	e.eng.Patience = 300 * time.Millisecond
	e.eng.BatchSize = 5
	var n atomic.Int32
	e.eng.API = wrapAPI{API: e.api, bulk: func(ctx context.Context, path, method string, items []webex.BulkItem) ([]webex.BulkResult, error) {
		if n.Add(1) > 2 {
			return nil, errors.New("dial tcp 127.0.0.1:1: connect: connection refused")
		}
		return e.api.BulkSave(ctx, path, method, items)
	}}
	j := e.submitRun("site", e.pack("site", siteCSV("Gone", 30, nil)))
	if j.Status != Failed || !strings.HasPrefix(j.Reason, "the organization has not answered since ") ||
		!strings.HasSuffix(j.Reason, "connection refused") {
		t.Fatalf("job: %s, %q", j.Status, j.Reason)
	}
	e.checkAccounted(j)
	if j.Succeeded != 10 || j.Failed != 20 {
		t.Errorf("counts: %d succeeded, %d failed", j.Succeeded, j.Failed)
	}
}

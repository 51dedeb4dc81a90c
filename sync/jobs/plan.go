package jobs

import (
	"context"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// planner is a runner that only decides (a preview): the same reading, matching,
// building and comparing as a job, and no store.
func planner(api API, obj *catalog.Object) *runner {
	res := newResolver(api)
	return &runner{e: &Engine{}, api: api, obj: obj, m: newMapper(obj, "", res), org: newOrgIndex(obj),
		read: newReader(api, obj, res), progress: func(Progress) {}, decideOnly: true}
}

// writes is the number of requests that create creates, update updates and delete
// deletes records.
func (r *runner) writes(creates, updates, deletes int) int {
	n := 0
	for _, c := range []struct {
		rt catalog.Route
		n  int
	}{{r.obj.API.Routes.Create, creates}, {r.obj.API.Routes.Update, updates}, {r.obj.API.Routes.Delete, deletes}} {
		if c.n == 0 {
			continue
		}
		size := r.sizeOf(c.rt)
		n += (c.n + size - 1) / size
		if r.m.hooks.after != nil && c.rt != r.obj.API.Routes.Delete { // an address book's entries: a list and a bulk save
			n += 2 * c.n
		}
	}
	if r.m.hooks.kept != nil { // the job keeps what it deletes (an audio file's sound, an address book's entries): a read each at least
		n += deletes
	}
	return n
}

// readsBeforeUpdate is the number of GETs updates records need before they are sent:
// one each where the update sends the whole object back (PUT, or a SAVE with its id)
// and comparing it did not read it whole already.
func (r *runner) readsBeforeUpdate(updates int) int {
	if r.obj.API.Routes.Update.Method == http.MethodPatch || r.read.byGet || r.read.listed || r.obj.Format == catalog.FormatAudioZip {
		return 0
	}
	return updates
}

// countingAPI counts the requests made through it: a list as the pages it takes.
type countingAPI struct {
	API
	n, gets atomic.Int64 // gets: the GETs of one object among n
}

func (c *countingAPI) List(ctx context.Context, path string, query url.Values) ([]webex.Object, error) {
	objs, err := c.API.List(ctx, path, query)
	size := 100
	if query != nil && query.Get("pageSize") == "1000" {
		size = 1000
	}
	c.n.Add(int64(max(1, (len(objs)+size-1)/size)))
	return objs, err
}

func (c *countingAPI) Get(ctx context.Context, path, id string) (webex.Object, error) {
	c.n.Add(1)
	c.gets.Add(1)
	return c.API.Get(ctx, path, id)
}

// estimate is how long n requests take at api's rate limit.
func estimate(api API, n int) time.Duration {
	if a, ok := client(api).(interface{ Estimate(int) time.Duration }); ok {
		return a.Estimate(n)
	}
	return webex.EstimateAt(n, webex.Options{})
}

// rateOf is api's rate limit in requests a minute (300 unless the client says
// otherwise).
func rateOf(api API) int {
	if a, ok := client(api).(interface{ Rate() int }); ok {
		return a.Rate()
	}
	return (&webex.Client{}).Rate()
}

// client is the API under the engine's own wrappers (a cache, a counter).
func client(api API) API {
	for {
		inner, ok := unwrap(api)
		if !ok {
			return api
		}
		api = inner
	}
}

// unwrap is the API a wrapper of this package reads through; ok is false for any other.
func unwrap(api API) (API, bool) {
	switch a := api.(type) {
	case *OrgCache:
		return a.API, true
	case *countingAPI:
		return a.API, true
	case *pendingAPI:
		return a.API, true
	}
	return nil, false
}

// GetsWhy says why the job reads Gets objects one at a time: the organization's lists
// leave out fields the job compares or must send back whole (live-api.md).
func (p Preview) GetsWhy() i18n.Msg {
	return i18n.M("the organization's lists of %s leave out fields the job compares or must send back", pluralOf(p.Object))
}

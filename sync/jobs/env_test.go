package jobs

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/sandbox/sandboxtest"
	"github.com/bulkops/bulkops/sync/webex"
)

// env is a sandbox organization served over real HTTP, a client signed in to it, and an
// engine with its own store.
type env struct {
	t     testing.TB
	sb    *sandbox.Running
	token string
	api   *webex.Client
	store *Store
	eng   *Engine
	dir   string
	log   *requestLog // every request the engine's client sent
}

type envOptions struct {
	sandbox sandbox.Options
	client  webex.Options
}

func newEnv(t *testing.T, o envOptions) *env {
	t.Helper()
	sb, err := sandbox.Start(o.sandbox)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	e := &env{t: t, sb: sb, token: sb.MintToken(), dir: t.TempDir(), log: &requestLog{}}
	e.api = e.client(o.client)
	if e.store, err = Open(filepath.Join(e.dir, DBName)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.store.Close() })
	e.eng = &Engine{Store: e.store, API: e.api, OrgID: sb.OrgID(), OrgName: "Sandbox", Patience: 20 * time.Second}
	return e
}

// client is a webex client of the sandbox with quick retries, so tests with faults
// stay fast.
func (e *env) client(o webex.Options) *webex.Client {
	if o.RatePerMinute == 0 {
		o.RatePerMinute = 6_000_000
		o.Burst = 1000
	}
	if o.BackoffBase == 0 {
		o.BackoffBase, o.BackoffMax = 5*time.Millisecond, 50*time.Millisecond
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = 8
	}
	hc := &http.Client{Transport: sandboxtest.Bearer{Token: e.token, Seen: e.log.add}}
	c, err := webex.New(e.sb.URL(), e.sb.OrgID(), hc, o)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// requestLog records "METHOD path" of each request, the organization's prefix cut.
type requestLog struct {
	mu   sync.Mutex
	reqs []string
}

func (l *requestLog) add(r *http.Request) {
	if l == nil {
		return
	}
	p := r.URL.Path
	if i := strings.Index(p, "/organization/"); i >= 0 {
		if j := strings.Index(p[i+len("/organization/"):], "/"); j >= 0 {
			p = p[i+len("/organization/")+j+1:]
		}
	}
	l.mu.Lock()
	l.reqs = append(l.reqs, r.Method+" "+p)
	l.mu.Unlock()
}

// since returns the requests after the first n, and how many there are in all.
func (l *requestLog) since(n int) ([]string, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.reqs[min(n, len(l.reqs)):]...), len(l.reqs)
}

// writes are the requests of reqs that are not reads.
func writes(reqs []string) []string {
	var out []string
	for _, r := range reqs {
		if !strings.HasPrefix(r, "GET ") {
			out = append(out, r)
		}
	}
	return out
}

// pack reads CSV text as a sheet of object type key and packs it as Bulkops does before
// a submit; the package may be split into several files.
func (e *env) pack(key, csv string) Package {
	e.t.Helper()
	obj := mustObject(e.t, key)
	s, err := sheets.ReadCSV(strings.NewReader(csv), key+".csv", sheets.ReadOptions{Object: obj})
	if err != nil {
		e.t.Fatal(err)
	}
	return e.packSheet(s)
}

func (e *env) packSheet(s *sheets.Sheet) Package {
	e.t.Helper()
	p, err := sheets.Pack(s, filepath.Join(e.t.TempDir(), s.Object.Key), sheets.DefaultLimits)
	if err != nil {
		e.t.Fatal(err)
	}
	pkg, err := ReadPackage(p.Path)
	if err != nil {
		e.t.Fatal(err)
	}
	return pkg
}

func mustObject(t testing.TB, key string) *catalog.Object {
	o, ok := catalog.Lookup(key)
	if !ok {
		t.Fatalf("no object type %q", key)
	}
	return o
}

// submitRun submits a package and runs the job to its end.
func (e *env) submitRun(key string, pkg Package) Job {
	e.t.Helper()
	ctx := context.Background()
	j, err := e.eng.Submit(ctx, pkg, mustObject(e.t, key), "admin@example.com")
	if err != nil {
		e.t.Fatal(err)
	}
	if j, err = e.eng.Run(ctx, j.ID, nil); err != nil {
		e.t.Fatal(err)
	}
	return j
}

// names lists the key-field values of the organization's objects of type key.
func (e *env) names(key string) map[string]int {
	e.t.Helper()
	o := mustObject(e.t, key)
	objs, err := e.api.List(context.Background(), o.API.List, listQuery(o, ""))
	if err != nil {
		e.t.Fatal(err)
	}
	out := map[string]int{}
	for _, ob := range objs {
		out[str(getPath(ob, o.API.KeyField))]++
	}
	return out
}

// errorCSV is the job's error file as text.
func (e *env) errorCSV(id string) string {
	e.t.Helper()
	var b strings.Builder
	if _, err := e.store.WriteErrors(context.Background(), id, &b); err != nil {
		e.t.Fatal(err)
	}
	return b.String()
}

// checkAccounted asserts that every row of a job has an outcome and the counts add up.
func (e *env) checkAccounted(j Job) {
	e.t.Helper()
	rows, err := e.store.Rows(context.Background(), j.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	ok, bad := 0, 0
	for _, r := range rows {
		switch r.Outcome {
		case Succeeded:
			ok++
			if r.ObjectID == "" {
				e.t.Errorf("row %d succeeded without an object id", r.Number)
			}
		case Fail:
			bad++
			if r.Message == "" {
				e.t.Errorf("row %d failed without a message", r.Number)
			}
		default:
			e.t.Errorf("row %d has no outcome (%s)", r.Number, r.Outcome)
		}
	}
	if len(rows) != j.Total || ok != j.Succeeded || bad != j.Failed {
		e.t.Errorf("counts: %d rows (%d ok, %d failed) but the job says total %d, succeeded %d, failed %d",
			len(rows), ok, bad, j.Total, j.Succeeded, j.Failed)
	}
}

// siteCSV builds a site sheet of n rows named prefix-00001…; rows for which bad returns
// true name a multimedia profile the organization does not have.
func siteCSV(prefix string, n int, bad func(i int) bool) string {
	var b strings.Builder
	b.WriteString("Name,Multimedia Profile\n")
	for i := 1; i <= n; i++ {
		mp := "Voice Only"
		if bad != nil && bad(i) {
			mp = "Voice Onyl"
		}
		fmt.Fprintf(&b, "%s-%05d,%s\n", prefix, i, mp)
	}
	return b.String()
}

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(runChild())
	}
	os.Exit(sandboxtest.Run(m)) // and fail on a request outside Cisco's spec
}

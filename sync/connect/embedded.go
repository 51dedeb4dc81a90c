package connect

import (
	"github.com/bulkops/bulkops/internal/atomicfile"
	"github.com/bulkops/bulkops/internal/i18n"

	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/bulkops/bulkops/internal/flock"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/webex"
)

// Files of the embedded sandbox, in <datadir>/sandbox (<datadir>/sandbox-empty for the
// second, auth.EmptyName).
const (
	SandboxDir  = "sandbox"
	EmptyDir    = "sandbox-empty"
	lockFile    = "lock"
	urlFile     = "url"
	stateFile   = "state.json"
	waitForPeer = 10 * time.Second // how long to wait for another process's sandbox to answer
)

// embeddedClient is the client every Bulkops process signs in to the embedded sandbox
// with: a public client (RFC 8252 §8.4), as an installed app is, since no process can
// keep a secret from another of the same user. It has no secret; the sandbox requires
// PKCE of it instead, and the code comes back only to a loopback redirect URI.
const embeddedClient = "bulkops-embedded"

// embedded is this process's view of the embedded sandbox: the one it serves, or the
// address of the one another process serves. As an http.RoundTripper it sends each
// request to the current address with the current session's token, and when the
// sandbox is gone (connection refused) it finds or starts the next one and sends again.
type embedded struct {
	dir     string       // <datadir>/sandbox, or sandbox-empty
	profile auth.Profile // auth.EmbeddedName's, or auth.EmptyName's
	opts    Options

	mu        sync.Mutex
	gen       int               // bumps at each change of sandbox
	url       string            // base URL of the sandbox in use
	transport http.RoundTripper // the session's authenticating transport
	session   *auth.Session
	lock      *flock.Lock      // held while this process serves the sandbox
	running   *sandbox.Running // the sandbox this process serves
}

func openEmbedded(ctx context.Context, dataDir string, p auth.Profile, o Options) (*Conn, error) {
	e := &embedded{dir: filepath.Join(dataDir, SandboxDir), profile: p, opts: o}
	if e.empty() {
		e.dir = filepath.Join(dataDir, EmptyDir)
	}
	if err := os.MkdirAll(e.dir, 0o700); err != nil {
		return nil, err
	}
	e.mu.Lock()
	err := e.resolve(ctx)
	s := e.session
	e.mu.Unlock()
	if err != nil {
		return nil, err
	}
	copts := o.Client
	if copts.RatePerMinute == 0 {
		copts.RatePerMinute = o.sandboxRate()
	}
	api, err := webex.New(e.url, s.Identity.OrgID, &http.Client{Transport: e}, copts)
	if err != nil {
		e.close()
		return nil, err
	}
	return &Conn{Profile: s.Profile, Identity: s.Identity, API: api, OrgID: s.Identity.OrgID, embedded: e,
		org: jobs.NewOrgCache(api, jobs.OrgTTL)}, nil
}

// empty reports whether this is the second embedded sandbox, which starts empty.
func (e *embedded) empty() bool { return e.profile.Name == auth.EmptyName }

// orgName is the organization name the jobs of this sandbox store.
func (e *embedded) orgName() string {
	if e.empty() {
		return jobs.EmptySandboxOrgName
	}
	return jobs.SandboxOrgName
}

// tenantName is the name the sandbox's tenant record gives its organization (what
// bulkops doctor shows), told apart for the second.
func (e *embedded) tenantName() string {
	if e.empty() {
		return sandbox.SandboxOrgName + " (empty)"
	}
	return sandbox.SandboxOrgName
}

// seed is what a new organization of this sandbox starts with.
func (e *embedded) seed() string {
	if e.empty() {
		return sandbox.SeedEmpty
	}
	return sandbox.SeedDemo
}

func (o Options) sandboxRate() int {
	if o.SandboxRate > 0 {
		return o.SandboxRate
	}
	return sandbox.DefaultRate
}

// resolve finds the sandbox to use: this process starts one when it can take the lock,
// else it uses the address the holder wrote, once that answers. Then it signs in.
// e.mu is held.
func (e *embedded) resolve(ctx context.Context) error {
	deadline := time.Now().Add(waitForPeer)
	for {
		l, err := flock.TryLock(filepath.Join(e.dir, lockFile))
		if err == nil {
			if err := e.serve(l); err != nil {
				l.Unlock()
				return err
			}
			return e.signIn(ctx)
		}
		if !errors.Is(err, flock.ErrLocked) {
			return err
		}
		if url, ok := e.peer(ctx); ok {
			e.url = url
			return e.signIn(ctx)
		}
		if time.Now().After(deadline) {
			return i18n.Errorf("the embedded sandbox is held by another Bulkops process that does not answer (lock %s)",
				filepath.Join(e.dir, lockFile))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// serve starts the sandbox from the saved state, holding lock l, and publishes its
// address.
func (e *embedded) serve(l *flock.Lock) error {
	r, err := sandbox.Start(sandbox.Options{
		DataFile:    filepath.Join(e.dir, stateFile),
		Seed:        e.seed(),
		OrgName:     e.tenantName(),
		AutoApprove: true,
		Rate:        e.opts.sandboxRate(),
		Clients: []sandbox.Client{{ID: embeddedClient, Public: true, Name: "Bulkops",
			RedirectURIs: sandbox.DefaultRedirectURIs}},
	})
	if err != nil {
		return i18n.Errorf("starting the embedded sandbox: %w", err)
	}
	if err := atomicfile.WriteBytes(filepath.Join(e.dir, urlFile), 0o600, []byte(r.URL()+"\n")); err != nil {
		r.Close()
		return err
	}
	e.lock, e.running, e.url = l, r, r.URL()
	return nil
}

// peer returns the address another process published, if a sandbox answers there.
func (e *embedded) peer(ctx context.Context) (string, bool) {
	b, err := os.ReadFile(filepath.Join(e.dir, urlFile))
	if err != nil {
		return "", false
	}
	url := strings.TrimSpace(string(b))
	if _, err := webex.CheckBaseURL(url); err != nil || !strings.HasPrefix(url, "http://127.0.0.1:") {
		return "", false
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", false
	}
	defer resp.Body.Close()
	head, _ := io.ReadAll(io.LimitReader(resp.Body, 64))
	return url, resp.StatusCode == http.StatusOK && strings.HasPrefix(string(head), "Bulkops sandbox")
}

// signIn signs in to the sandbox at e.url the way a person would, with the app doing the
// browser's part, as the public embedded client: PKCE and no secret. The tokens stay in
// this process's memory.
func (e *embedded) signIn(ctx context.Context) error {
	base := auth.EmbeddedProfile()
	if e.empty() {
		base = auth.EmptyProfile()
	}
	p := base.WithAddress(e.url, embeddedClient)
	a, err := auth.New(p, auth.Options{Keyring: auth.MemoryKeyring()})
	if err != nil {
		return err
	}
	s, err := a.SignIn(ctx, auth.AutoBrowser(nil))
	if err != nil {
		return i18n.Errorf("signing in to the embedded sandbox at %s: %w", e.url, err)
	}
	e.session, e.transport = s, s.HTTPClient().Transport
	if e.transport == nil {
		e.transport = http.DefaultTransport
	}
	e.gen++
	return nil
}

// RoundTrip sends r to the sandbox in use; when it is gone, to the next one.
func (e *embedded) RoundTrip(r *http.Request) (*http.Response, error) {
	e.mu.Lock()
	url, tr, gen := e.url, e.transport, e.gen
	e.mu.Unlock()
	resp, err := tr.RoundTrip(retarget(r, url))
	if err == nil || !refused(err) {
		return resp, err
	}
	e.mu.Lock()
	if e.gen == gen { // nobody has moved on yet
		e.stopServing()
		if rerr := e.resolve(r.Context()); rerr != nil {
			e.mu.Unlock()
			return nil, i18n.Errorf("the embedded sandbox stopped and could not be started again: %w", rerr)
		}
	}
	url, tr = e.url, e.transport
	e.mu.Unlock()
	again, err := resend(r, url)
	if err != nil {
		return nil, err
	}
	return tr.RoundTrip(again)
}

// retarget points a copy of r at the sandbox at base.
func retarget(r *http.Request, base string) *http.Request {
	c := r.Clone(r.Context())
	if i := strings.Index(base, "://"); i > 0 {
		c.URL.Scheme, c.URL.Host, c.Host = base[:i], base[i+3:], ""
	}
	return c
}

// resend is retarget with a fresh body: a refused connection sent nothing, so the
// request is sent as it was.
func resend(r *http.Request, base string) (*http.Request, error) {
	c := retarget(r, base)
	if r.Body != nil && r.Body != http.NoBody {
		if r.GetBody == nil {
			return nil, i18n.Errorf("the embedded sandbox stopped while a request was being sent")
		}
		b, err := r.GetBody()
		if err != nil {
			return nil, err
		}
		c.Body = b
	}
	return c, nil
}

// refused reports a connection the sandbox's address no longer accepts.
func refused(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(err.Error(), "connection refused") ||
		strings.Contains(err.Error(), "actively refused")
}

// stopServing stops the sandbox this process serves, if any. e.mu is held.
func (e *embedded) stopServing() error {
	if e.running == nil {
		return nil
	}
	err := e.running.Close()
	os.Remove(filepath.Join(e.dir, urlFile)) // while the lock is held: never another's address
	e.lock.Unlock()
	e.running, e.lock = nil, nil
	return err
}

func (e *embedded) close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.stopServing()
}

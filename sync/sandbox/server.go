package sandbox

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/bulkops/bulkops/internal/apispec"
)

// Server is one sandbox organization with its sign-in endpoints. It is safe for
// concurrent use.
type Server struct {
	opt     Options
	org     string // fixed for the life of the Server
	mu      sync.RWMutex
	st      *state
	clients map[string]Client
	sess    *sessions
	limit   *limiter
	dice    *dice
	api     *router
	now     func() time.Time // replaced by tests
	saver   *saver
	spec    *apispec.Spec // nil: requests are not checked against the spec

	vmu        sync.Mutex
	violations []Violation
}

// New builds a sandbox from opt: it loads opt.DataFile when it exists, else seeds a new
// organization (and writes it there when DataFile is set).
func New(opt Options) (*Server, error) {
	if Harness != nil {
		Harness(&opt)
	}
	if os.Getenv(StrictEnv) == "1" {
		opt.CheckSpec = true
		if opt.OnViolation == nil { // a whole app's run: the violations go to its log
			opt.OnViolation = func(v Violation) { fmt.Fprintln(os.Stderr, "sandbox: "+v.String()) }
		}
	}
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	s := &Server{
		opt:     opt,
		clients: map[string]Client{},
		sess:    newSessions(),
		limit:   newLimiter(opt.Rate, opt.Burst),
		dice:    newDice(opt.Faults, opt.FaultSeed),
		now:     time.Now,
	}
	for _, c := range opt.Clients {
		s.clients[c.ID] = c
	}
	if err := s.loadOrSeed(); err != nil {
		return nil, err
	}
	s.org = s.st.org
	s.st.workItem, s.st.unsure = opt.WorkItemFeature, opt.Unverified
	s.api = s.apiRoutes()
	if opt.CheckSpec {
		if s.spec, err = apispec.Load(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// OrgID is the organization's UUID, the {orgid} of every config path.
func (s *Server) OrgID() string { return s.org }

// Client returns the first registered client (the default one unless Options.Clients
// said otherwise), with its secret.
func (s *Server) Client() Client { return s.opt.Clients[0] }

// Clients returns every registered client, with their secrets.
func (s *Server) Clients() []Client { return append([]Client(nil), s.opt.Clients...) }

// MintToken issues an access token of the first client for the given scopes (all of
// AllScopes when none are given), skipping the browser sign-in: for tests and for the
// app's embedded connection.
func (s *Server) MintToken(scopes ...string) string {
	if len(scopes) == 0 {
		scopes = AllScopes
	}
	g := grant{clientID: s.Client().ID, scopes: append([]string(nil), scopes...)}
	access, _ := s.sess.issue(s.org, g, s.now(), s.opt.TokenTTL, s.opt.RefreshTTL)
	return access
}

// Revoke forgets an access or refresh token at once; it reports whether it was known.
func (s *Server) Revoke(token string) bool { return s.sess.revoke(token) }

// Handler serves the whole sandbox: /v1/authorize, /v1/access_token, /v1/people/me and
// the config API under /organization/{orgid}/.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		path := r.URL.Path
		switch {
		case strings.HasPrefix(path, "/organization/") && s.spec != nil:
			s.serveChecked(w, r)
		case strings.HasPrefix(path, "/organization/"):
			s.serveAPI(w, r)
		case path == "/v1/authorize":
			s.serveAuthorize(w, r)
		case path == "/v1/access_token":
			s.serveToken(w, r)
		case path == "/v1/people/me":
			s.servePeopleMe(w, r)
		case strings.HasPrefix(path, "/blob/"):
			s.serveBlob(w, r)
		case path == "/":
			s.serveIndex(w, r)
		default:
			writeFail(w, r, http.StatusNotFound, "No resource found for "+r.Method+" "+path)
		}
	})
}

// serveIndex says what this is to a person who opens the base URL; no secrets.
func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "Bulkops sandbox: an emulator of the Webex Contact Center configuration API.\n\n"+
		"Organization: %s\nConfig API:   /organization/%s/...\nSign-in:      /v1/authorize, /v1/access_token\n",
		s.org, s.org)
}

func (s *Server) nowMS() int64 { return s.now().UnixMilli() }

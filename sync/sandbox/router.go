package sandbox

import (
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"
)

// params are the {name} segments of a matched route.
type params map[string]string

type handlerFunc func(w http.ResponseWriter, r *http.Request, p params)

type route struct {
	method string
	segs   []string
	lits   int // literal segments: the more, the more specific
	h      handlerFunc
}

// router matches method + path segments; unlike http.ServeMux it answers 404 and 405
// with the API's JSON error body.
type router struct {
	routes []route
	// keep, when set, decides which routes exist: add drops the others.
	keep func(method, pattern string) bool
}

func (rt *router) add(method, pattern string, h handlerFunc) {
	if rt.keep != nil && !rt.keep(method, pattern) {
		return
	}
	segs := strings.Split(strings.Trim(pattern, "/"), "/")
	lits := 0
	for _, s := range segs {
		if !strings.HasPrefix(s, "{") {
			lits++
		}
	}
	rt.routes = append(rt.routes, route{method: method, segs: segs, lits: lits, h: h})
}

// sortRoutes puts the most specific routes first, so "user/bulk" wins over "user/{id}".
func (rt *router) sortRoutes() {
	sort.SliceStable(rt.routes, func(i, j int) bool { return rt.routes[i].lits > rt.routes[j].lits })
}

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	segs := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	var allowed []string
	for _, ro := range rt.routes {
		p, ok := ro.match(segs)
		if !ok {
			continue
		}
		if ro.method == r.Method || (r.Method == http.MethodHead && ro.method == http.MethodGet) {
			ro.h(w, r, p)
			return
		}
		if !slices.Contains(allowed, ro.method) {
			allowed = append(allowed, ro.method)
		}
	}
	if len(allowed) > 0 {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeFrameworkError(w, r, http.StatusMethodNotAllowed)
		return
	}
	writeFrameworkError(w, r, http.StatusNotFound)
}

// writeFrameworkError answers a route that does not exist as live tenants do: with the
// web framework's default body {timestamp, status, error, path}, where error is a string,
// not the API's ApiErrorResponse (wxcc-skills, CHANGELOG: "the platform's default handler
// returns it for an unknown route").
func writeFrameworkError(w http.ResponseWriter, r *http.Request, status int) {
	writeJSON(w, status, map[string]any{"timestamp": time.Now().UTC().Format("2006-01-02T15:04:05.000+00:00"),
		"status": status, "error": http.StatusText(status), "path": r.URL.Path})
}

func (ro *route) match(segs []string) (params, bool) {
	if len(segs) != len(ro.segs) {
		return nil, false
	}
	var p params
	for i, s := range ro.segs {
		if strings.HasPrefix(s, "{") {
			if segs[i] == "" {
				return nil, false
			}
			if p == nil {
				p = params{}
			}
			p[strings.Trim(s, "{}")] = segs[i]
			continue
		}
		if s != segs[i] {
			return nil, false
		}
	}
	return p, true
}

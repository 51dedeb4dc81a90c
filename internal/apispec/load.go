package apispec

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
)

// Spec is the loaded document with the deviations applied and its operations indexed
// for matching request paths. It is safe for concurrent use.
type Spec struct {
	doc    *openapi3.T
	routes []route
	// LoadTime is how long parsing the document and applying the deviations took.
	LoadTime time.Duration
}

// route is one operation: its path split into segments ("{}" for a parameter).
type route struct {
	segs   []string
	params []string // parameter name by segment index, "" for literals
	lits   int
	r      routers.Route
}

// Load parses the embedded spec once per process and applies the deviations.
var Load = sync.OnceValues(load)

func load() (*Spec, error) {
	start := time.Now()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(JSON())
	if err != nil {
		return nil, fmt.Errorf("apispec: load the embedded spec: %w", err)
	}
	for _, d := range Deviations {
		if err := d.apply(doc); err != nil {
			return nil, fmt.Errorf("apispec: deviation %q: %w", d.What, err)
		}
	}
	s := &Spec{doc: doc}
	s.index()
	s.LoadTime = time.Since(start)
	return s, nil
}

// index builds the route table, the most specific paths first, as Spring matches them
// ("contact-service-queue/v2/bulk" before "contact-service-queue/{id}").
func (s *Spec) index() {
	for path, item := range s.doc.Paths.Map() {
		segs := strings.Split(strings.Trim(path, "/"), "/")
		params := make([]string, len(segs))
		lits := 0
		for i, sg := range segs {
			if strings.HasPrefix(sg, "{") && strings.HasSuffix(sg, "}") {
				params[i] = strings.Trim(sg, "{}")
				segs[i] = "{}"
			} else {
				lits++
			}
		}
		for method, op := range item.Operations() {
			s.routes = append(s.routes, route{segs: segs, params: params, lits: lits,
				r: routers.Route{Spec: s.doc, Path: path, PathItem: item, Method: method, Operation: op}})
		}
	}
	sort.SliceStable(s.routes, func(i, j int) bool {
		if s.routes[i].lits != s.routes[j].lits {
			return s.routes[i].lits > s.routes[j].lits
		}
		return s.routes[i].r.Path < s.routes[j].r.Path
	})
}

// find returns the operation of method on path and its path parameters; known is true
// when some operation has the path (so a miss is a wrong method, not a wrong path).
func (s *Spec) find(method, path string) (r *routers.Route, params map[string]string, known bool) {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i := range s.routes {
		ro := &s.routes[i]
		p, ok := ro.match(segs)
		if !ok {
			continue
		}
		known = true
		if ro.r.Method == method {
			return &ro.r, p, true
		}
	}
	return nil, nil, known
}

// Allowed lists the methods the spec has on path, e.g. for a 405's Allow header.
func (s *Spec) Allowed(path string) []string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var out []string
	for i := range s.routes {
		if _, ok := s.routes[i].match(segs); ok && !slices.Contains(out, s.routes[i].r.Method) {
			out = append(out, s.routes[i].r.Method)
		}
	}
	return out
}

func (ro *route) match(segs []string) (map[string]string, bool) {
	if len(segs) != len(ro.segs) {
		return nil, false
	}
	p := map[string]string{}
	for i, sg := range ro.segs {
		switch {
		case sg == "{}" && segs[i] != "":
			p[ro.params[i]] = segs[i]
		case sg != segs[i]:
			return nil, false
		}
	}
	return p, true
}

// compilePattern compiles a spec pattern written for Java's regex engine (the spec is
// generated from Spring's Bean Validation annotations) with Go's. Java reads an
// unescaped "-" beside a class escape inside brackets ([\d-_]) as a plain "-"; Go
// rejects it as a range, so such a "-" is escaped.
func compilePattern(expr string) (openapi3.RegexMatcher, error) {
	var b strings.Builder
	inClass := false
	isClassEscape := func(i int) bool { // expr[i:] starts with \d, \s, \w or their negations
		return i+1 < len(expr) && expr[i] == '\\' && strings.IndexByte("dswDSW", expr[i+1]) >= 0
	}
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case c == '\\' && i+1 < len(expr):
			b.WriteString(expr[i : i+2])
			i++
			continue
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '-' && inClass && (isClassEscape(i+1) || (i >= 2 && isClassEscape(i-2))):
			b.WriteString(`\-`)
			continue
		}
		b.WriteByte(c)
	}
	return regexp.Compile(b.String())
}

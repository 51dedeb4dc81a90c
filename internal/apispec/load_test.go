package apispec

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func mustLoad(t testing.TB) *Spec {
	t.Helper()
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLoad: the embedded spec loads with every deviation applied, and every pattern of
// its schemas compiles as the checks compile it.
func TestLoad(t *testing.T) {
	s := mustLoad(t)
	t.Logf("spec loaded in %v, %d operations", s.LoadTime, len(s.routes))
	for name, ref := range s.doc.Components.Schemas {
		for prop, p := range ref.Value.Properties {
			if p.Value != nil && p.Value.Pattern != "" {
				if _, err := compilePattern(p.Value.Pattern); err != nil {
					t.Errorf("%s.%s: pattern %q: %v", name, prop, p.Value.Pattern, err)
				}
			}
		}
	}
}

func check(t *testing.T, method, path, body string) []string {
	t.Helper()
	r, _ := http.NewRequest(method, "http://x"+path, strings.NewReader(body))
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	_, probs := mustLoad(t).CheckRequest(r, []byte(body))
	return probs
}

const org = "/organization/2f9eecc5-0472-4549-9a83-2afdae0d4ba1"

func TestCheckRequest(t *testing.T) {
	cases := []struct {
		name, method, path, body string
		want                     []string
	}{
		{"valid bulk", "POST", org + "/site/bulk",
			`{"items":[{"itemIdentifier":1,"requestAction":"SAVE","item":{"name":"Brno","active":true,"multimediaProfileId":"x"}}]}`, nil},
		{"missing required", "POST", org + "/site/bulk",
			`{"items":[{"itemIdentifier":1,"item":{"name":"Brno"}}]}`,
			[]string{`body items[0].item.active: property "active" is missing`, `body items[0].item.multimediaProfileId: property "multimediaProfileId" is missing`}},
		{"wrong type", "POST", org + "/site/bulk",
			`{"items":[{"itemIdentifier":"one","item":{"name":"Brno","active":true,"multimediaProfileId":"x"}}]}`,
			[]string{`body items[0].itemIdentifier: value must be an integer`}},
		{"Java pattern [\\d-_]", "POST", org + "/site/bulk",
			`{"items":[{"itemIdentifier":1,"item":{"name":"Brno_2-a","active":true,"multimediaProfileId":"x"}}]}`, nil},
		{"no such operation", "PATCH", org + "/team/bulk", `{"items":[]}`,
			[]string{"the spec has no PATCH operation on this path"}},
		{"no such path", "GET", org + "/teams", "", []string{"the spec has no such path"}},
		{"query type", "GET", org + "/v2/site?page=first", "", []string{`query parameter page: value first: an invalid integer: invalid syntax`}},
		{"team PUT body (deviation)", "PUT", org + "/team/abc",
			`{"name":"T","teamType":"AGENT","teamStatus":"IN_SERVICE","active":true,"siteId":"s","rankQueuesForTeam":false}`, nil},
		{"partial PATCH bulk (deviation)", "PATCH", org + "/contact-service-queue/bulk",
			`{"items":[{"itemIdentifier":0,"item":{"id":"q","description":null}}]}`, nil},
		{"upper-case skill type (deviation)", "POST", org + "/skill/bulk",
			`{"items":[{"itemIdentifier":0,"item":{"name":"S","active":true,"serviceLevelThreshold":1,"skillType":"Boolean"}}]}`,
			[]string{`body items[0].item.skillType: value is not one of the allowed values ["BOOLEAN","PROFICIENCY","TEXT","ENUM"]`}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := check(t, tt.method, tt.path, tt.body); !slices.Equal(got, tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCheckResponse(t *testing.T) {
	r, _ := http.NewRequest("GET", "http://x"+org+"/v2/site", nil)
	x, probs := mustLoad(t).CheckRequest(r, nil)
	if probs != nil {
		t.Fatal(probs)
	}
	h := http.Header{"Content-Type": {"application/json"}}
	if p := x.CheckResponse(200, h, []byte(`{"meta":{},"data":[{"name":"Brno","active":true,"multimediaProfileId":"x"}]}`)); p != nil {
		t.Errorf("valid response: %q", p)
	}
	p := x.CheckResponse(200, h, []byte(`{"meta":{},"data":[{"name":"Brno","active":"yes","multimediaProfileId":"x"}]}`))
	if want := []string{"response body data[0].active: value must be a boolean"}; !slices.Equal(p, want) {
		t.Errorf("bad response: %q, want %q", p, want)
	}
}

// BenchmarkLoad: what a test binary pays once, at its first sandbox.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckBulk100: checking one bulk request of 100 sites and its 207 answer.
func BenchmarkCheckBulk100(b *testing.B) {
	s := mustLoad(b)
	var items []string
	for i := range 100 {
		items = append(items, fmt.Sprintf(`{"itemIdentifier":%d,"requestAction":"SAVE","item":{"name":"Site %d","active":true,"multimediaProfileId":"x"}}`, i, i))
	}
	body := []byte(`{"items":[` + strings.Join(items, ",") + `]}`)
	for b.Loop() {
		r, _ := http.NewRequest("POST", "http://x"+org+"/site/bulk", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		x, p := s.CheckRequest(r, body)
		if p != nil {
			b.Fatal(p)
		}
		x.CheckResponse(207, http.Header{"Content-Type": {"application/json"}}, []byte(`{"items":[{"itemIdentifier":1,"status":201,"operationType":"CREATE","href":"/x"}]}`))
	}
}

package sandbox

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/apispec"
)

// TestExportDTOsMatchSpec: exportDTOs is the spec's GET …/bulk-export resources DTO of
// each type, property for property.
func TestExportDTOsMatchSpec(t *testing.T) {
	var doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Type  string `json:"type"`
					Items struct {
						Type string `json:"type"`
					} `json:"items"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(apispec.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for p := range doc.Paths {
		key, ok := strings.CutSuffix(strings.TrimPrefix(p, "/organization/{orgid}/"), "/bulk-export")
		if !ok {
			continue
		}
		keys = append(keys, key)
		inner := "" // the DTO inside BulkExportDTO<X>: read it from the $ref
		var op struct {
			Responses map[string]struct {
				Content map[string]struct {
					Schema struct {
						Ref string `json:"$ref"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"responses"`
		}
		json.Unmarshal(doc.Paths[p]["get"], &op)
		for _, c := range op.Responses["200"].Content {
			outer := strings.TrimPrefix(c.Schema.Ref, "#/components/schemas/")
			inner = strings.TrimPrefix(outer, "BulkExportDTO")
		}
		var want []string
		for name, pr := range doc.Components.Schemas[inner].Properties {
			code := map[string]string{"string": "s", "integer": "i", "boolean": "b", "object": "o", "": "o"}[pr.Type]
			if pr.Type == "array" {
				code = "A"
				if pr.Items.Type == "string" {
					code = "a"
				}
			}
			want = append(want, name+":"+code)
		}
		sort.Strings(want)
		if got := strings.Fields(exportDTOs[key]); !slices.Equal(got, want) {
			t.Errorf("%s (%s):\n got %v\nwant %v", key, inner, got, want)
		}
	}
	if len(keys) != len(exportDTOs) {
		t.Errorf("the spec has %d bulk-export routes, exportDTOs %d", len(keys), len(exportDTOs))
	}
}

// TestBulkExport: GET site/bulk-export pages the spec's SiteBulkExportDTO, naming the
// multimedia profile instead of giving its id.
func TestBulkExport(t *testing.T) {
	c := newTC(t, Options{})
	m := c.object("GET", "site/bulk-export?page=0&pageSize=2", nil, http.StatusOK)
	if num(m["totalResources"]) != 3 || num(m["pageSize"]) != 2 || m["rel"] != "next" {
		t.Fatalf("page 0: %v", m)
	}
	first := m["resources"].([]any)[0].(map[string]any)
	if first["name"] != "Prague" || first["multimediaProfileName"] != "Blended Digital" || len(first) != 2 {
		t.Errorf("first site: %v", first)
	}
	m = c.object("GET", "site/bulk-export?page=1&pageSize=2", nil, http.StatusOK)
	if len(m["resources"].([]any)) != 1 || m["rel"] != "last" {
		t.Errorf("page 1: %v", m)
	}
	q := c.object("GET", "contact-service-queue/bulk-export?type=OUTBOUND", nil, http.StatusOK)
	rs := q["resources"].([]any)
	if len(rs) != 1 || rs[0].(map[string]any)["type"] != "OUTBOUND" || rs[0].(map[string]any)["serviceLevelThreshold"] != "30" {
		t.Errorf("outbound queues: %v", q)
	}
	groups := rs[0].(map[string]any)["callDistributionGroups"].([]any)
	ag := groups[0].(map[string]any)["agentGroups"].([]any)[0].(map[string]any)
	if ag["teamName"] != "Sales" || ag["siteName"] != "Prague" {
		t.Errorf("agent group: %v", ag)
	}
	if st, _, _ := c.call("GET", "team/bulk-export", nil); st != http.StatusNotFound {
		t.Errorf("team/bulk-export is not in the spec: %d, want 404", st)
	}
}

// TestEveryBulkExportValidates: every bulk-export route of the spec answers the demo
// organization with export DTOs the spec describes (the response check of this package's
// sandboxes fails the test binary otherwise), one resource per stored object.
func TestEveryBulkExportValidates(t *testing.T) {
	c := newTC(t, Options{})
	for key := range exportDTOs {
		path := key + "/bulk-export?pageSize=1000"
		if key == "contact-service-queue" || key == "entry-point" {
			path += "&type=INBOUND" // required by the spec
		}
		m := c.object("GET", path, nil, http.StatusOK)
		c.s.mu.RLock()
		stored := 0
		for _, rec := range c.s.st.records(byKey[key], "") {
			if k := str(rec.obj["queueType"]) + str(rec.obj["entryPointType"]); k == "" || k == "INBOUND" {
				stored++
			}
		}
		c.s.mu.RUnlock()
		if n := len(m["resources"].([]any)); n != stored || num(m["totalResources"]) != stored {
			t.Errorf("%s: %d resources of %v, want %d", key, n, m["totalResources"], stored)
		}
	}
	if n := len(c.s.SpecViolations()); n != 0 {
		t.Errorf("%d spec violations: %v", n, c.s.SpecViolations())
	}
}

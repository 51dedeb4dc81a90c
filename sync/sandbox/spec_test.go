package sandbox

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/apispec"
)

// TestSpecViolationAnswered: with Options.CheckSpec (every sandbox of a test binary,
// sandbox.Harness) requests are checked against Cisco's spec; one the spec does not allow is answered 400, non-retryable, with a reason that
// names method, path and field, and it is recorded for the package's TestMain.
func TestSpecViolationAnswered(t *testing.T) {
	c := newTC(t, Options{})
	if c.s.spec == nil {
		t.Fatal("the spec check is off although the harness asked for it")
	}
	status, body := c.raw("POST", "site/bulk", map[string]any{"items": []any{
		save(1, map[string]any{"name": "Brno", "active": "yes", "multimediaProfileId": "m"})}}, "application/json")
	want := "spec violation: POST /organization/" + c.s.OrgID() + "/site/bulk: body items[0].item.active: value must be a boolean"
	if got := body["error"].(map[string]any)["reason"]; status != http.StatusBadRequest || got != want {
		t.Errorf("%d %q, want 400 %q", status, got, want)
	}
	vs := c.s.SpecViolations()
	if len(vs) != 1 || vs[0].Method != "POST" || vs[0].Response || !strings.Contains(vs[0].Problem, "items[0].item.active") {
		t.Errorf("recorded %v", vs)
	}
	if !wasReported(vs[0]) {
		t.Error("the violation was not reported to Options.OnViolation")
	}
	expectViolations(t, c.s, 1)
}

// TestSpecViolationInResponse: a response the spec does not describe is a sandbox bug;
// it is recorded as such (and still sent).
func TestSpecViolationInResponse(t *testing.T) {
	c := newTC(t, Options{})
	id := c.idOf("v2/site", "name", "Prague")
	c.s.mu.Lock()
	rec := c.s.st.tables["site"].recs[id]
	broken := cloneMap(rec.obj)
	broken["active"] = "yes" // a defect the spec check must catch
	rec.obj = broken
	c.s.mu.Unlock()
	got := c.object("GET", "site/"+id, nil, http.StatusOK)
	if got["active"] != "yes" {
		t.Errorf("the response was changed: %v", got)
	}
	vs := c.s.SpecViolations()
	if len(vs) != 1 || !vs[0].Response || vs[0].Problem != "response body active: value must be a boolean" {
		t.Errorf("recorded %v", vs)
	}
	if !strings.HasPrefix(vs[0].String(), "spec violation in the sandbox's response: GET /organization/") {
		t.Errorf("String: %s", vs[0])
	}
	expectViolations(t, c.s, 1)
}

// TestLeanV1MatchesSpec: leanV1 is set exactly for the types whose v1 list the spec
// gives as "…DTOList" objects.
func TestLeanV1MatchesSpec(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]struct {
				Content map[string]struct {
					Schema struct {
						Items struct {
							Ref string `json:"$ref"`
						} `json:"items"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(apispec.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, r := range resources {
		op, ok := doc.Paths["/organization/{orgid}/"+r.bases[0]]["get"]
		if !ok {
			continue
		}
		lean := false
		for _, c := range op.Responses["200"].Content {
			lean = strings.HasSuffix(c.Schema.Items.Ref, "DTOList")
		}
		if lean != r.leanV1 {
			t.Errorf("%s: leanV1 %v, the spec's v1 list of DTOList objects: %v", r.key, r.leanV1, lean)
		}
	}
}

// The spec check is an option of the server, not a property of the process: without
// CheckSpec (and no harness asking for it) nothing is checked, and violations are kept
// per server.
func TestSpecCheckIsAnOption(t *testing.T) {
	saved := Harness
	Harness = nil
	plain, err := New(Options{Seed: SeedEmpty})
	Harness = saved
	if err != nil {
		t.Fatal(err)
	}
	var told []Violation
	strict, err := New(Options{Seed: SeedEmpty, CheckSpec: true, OnViolation: func(v Violation) { told = append(told, v) }})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	defer strict.Close()
	if plain.spec != nil || strict.spec == nil {
		t.Errorf("spec check: without the option %v, with it %v", plain.spec != nil, strict.spec != nil)
	}
	strict.record(Violation{Method: "GET", Path: "/x", Problem: "p"})
	if len(strict.SpecViolations()) != 1 || len(plain.SpecViolations()) != 0 || len(told) != 1 {
		t.Errorf("violations: strict %v, plain %v, told %v", strict.SpecViolations(), plain.SpecViolations(), told)
	}
	forgetReported(strict.SpecViolations())
}

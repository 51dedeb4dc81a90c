package sandbox

import (
	"net/http"
	"strings"
	"testing"
)

// Live (wxcc-skills, verified 2026-07-22): agent personal greetings are served, every
// write a multipart upload (metadata part agentPersonalGreetingInfo); the item path
// works with and without v2, v3 lists but has no item path; a create without
// greetingPurposeId and any PATCH are a nameless 409; the purposes come from GET
// v2/greeting-purpose, which the spec lacks. The demo seed has greetings to list and
// read, and contact numbers.
func TestAgentPersonalGreetingServedAsLive(t *testing.T) {
	c := newTC(t, Options{OffSpecRequests: true}) // a JSON write on purpose
	for _, l := range []string{"v2/agent-personal-greeting", "v3/agent-personal-greeting", "v2/contact-number"} {
		page := c.object("GET", l, nil, http.StatusOK)
		if n := len(page["data"].([]any)); n < 2 {
			t.Errorf("GET %s: %d records, want the seeded ones", l, n)
		}
	}
	seeded := c.object("GET", "v2/agent-personal-greeting", nil, http.StatusOK)["data"].([]any)[0].(map[string]any)
	for _, p := range []string{"agent-personal-greeting/", "v2/agent-personal-greeting/"} {
		if got := c.object("GET", p+seeded["id"].(string), nil, http.StatusOK); got["name"] != seeded["name"] || got["agentId"] == nil {
			t.Errorf("GET %s{id}: %v", p, got)
		}
	}
	purposes := c.object("GET", "v2/greeting-purpose", nil, http.StatusOK)["data"].([]any)
	if len(purposes) != 1 || purposes[0].(map[string]any)["name"] != "Default" {
		t.Fatalf("greeting purposes: %v", purposes)
	}
	purpose := purposes[0].(map[string]any)["id"]

	agent := c.object("GET", "v2/user?pageSize=1", nil, http.StatusOK)["data"].([]any)[0].(map[string]any)["id"]
	info := map[string]any{"name": "Hello.wav", "contentType": "AUDIO_WAV", "agentId": agent}
	const nameless = "Internal error. Please contact Cisco Support Team"
	if status, body := c.uploadAs("agentPersonalGreetingInfo", "POST", "agent-personal-greeting", info, muLawWAV(100)); status != http.StatusConflict || messages(body)[0] != nameless {
		t.Errorf("create without greetingPurposeId: %d %q, want 409 %q", status, messages(body), nameless)
	}
	info["greetingPurposeId"] = purpose
	if status, _ := c.raw("POST", "agent-personal-greeting", map[string]any{"agentPersonalGreetingInfo": info, "audioFile": "string"}, "application/json"); status != http.StatusInternalServerError {
		t.Errorf("a JSON create: %d, want live's bare 500", status)
	}
	status, created := c.uploadAs("agentPersonalGreetingInfo", "POST", "v2/agent-personal-greeting", info, muLawWAV(100))
	if status != http.StatusOK || created["blobId"] == nil || created["greetingPurposeId"] != purpose {
		t.Fatalf("create: %d %v", status, created)
	}
	id := created["id"].(string)
	info["id"], info["version"], info["blobId"], info["name"] = id, 0, created["blobId"], "Hello-again.wav"
	if status, got := c.uploadAs("agentPersonalGreetingInfo", "PUT", "agent-personal-greeting/"+id, info, muLawWAV(50)); status != http.StatusOK || got["name"] != "Hello-again.wav" {
		t.Errorf("replace: %d %v", status, got)
	}
	if status, body := c.raw("PATCH", "agent-personal-greeting/"+id, map[string]any{"attributeTag": "VIP"}, "application/json"); status != http.StatusConflict || !strings.Contains(strings.Join(messages(body), ""), nameless) {
		t.Errorf("PATCH: %d %q, want live's nameless 409", status, messages(body))
	}
	c.object("DELETE", "agent-personal-greeting/"+id, nil, http.StatusOK) // the spec: 200
	c.object("GET", "v2/agent-personal-greeting/"+id, nil, http.StatusNotFound)
	for _, v := range c.s.SpecViolations() {
		t.Errorf("%v", v)
	}
	c.object("GET", "v3/agent-personal-greeting/"+seeded["id"].(string), nil, http.StatusNotFound) // off the spec too
}

// wxcc-skills' entity registry (mcp_server.py ENTITIES, its list and item paths as
// verified live): against the demo sandbox every entity lists records and reads one.
func TestWxccSkillsEntitiesListAndRead(t *testing.T) {
	c := newTC(t, Options{})
	for _, e := range []struct{ list, item string }{
		{"v2/user", "user/{id}"}, {"v2/team", "team/{id}"}, {"v2/site", "site/{id}"},
		{"v2/contact-service-queue", "contact-service-queue/{id}"}, {"v2/entry-point", "entry-point/{id}"},
		{"v2/dial-number", "dial-number/{id}"}, {"v2/skill", "skill/{id}"}, {"v2/skill-profile", "skill-profile/{id}"},
		{"v2/auxiliary-code", "auxiliary-code/{id}"}, {"v2/address-book", "address-book/{id}"},
		{"v2/outdial-ani", "outdial-ani/{id}"}, {"v2/agent-profile", "agent-profile/{id}"},
		{"v2/desktop-layout", "desktop-layout/{id}"}, {"v2/multimedia-profile", "multimedia-profile/{id}"},
		{"v2/cad-variable", "cad-variable/{id}"}, {"v3/user-profile", "v3/user-profile/{id}"},
		{"v2/business-hours", "business-hours/{id}"}, {"v2/holiday-list", "holiday-list/{id}"},
		{"v2/overrides", "overrides/{id}"}, {"v2/contact-number", "contact-number/{id}"},
		{"v2/audio-file", "audio-file/{id}"}, {"v2/agent-personal-greeting", "agent-personal-greeting/{id}"},
		{"v2/resource-collection", "resource-collection/{id}"},
	} {
		data := c.object("GET", e.list+"?pageSize=1", nil, http.StatusOK)["data"].([]any)
		if len(data) == 0 {
			t.Errorf("GET %s: no records", e.list)
			continue
		}
		id := data[0].(map[string]any)["id"].(string)
		if got := c.object("GET", strings.Replace(e.item, "{id}", id, 1), nil, http.StatusOK); got["id"] != id {
			t.Errorf("GET %s: %v", e.item, got)
		}
	}
	for _, v := range c.s.SpecViolations() {
		t.Errorf("%v", v)
	}
}

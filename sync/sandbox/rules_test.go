package sandbox

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestRules sends one bad item per case through the bulk endpoint and checks the
// per-item status and message a user would see.
func TestRules(t *testing.T) {
	// Many cases break the spec on purpose, to see the sandbox's own live-like messages.
	c := newTC(t, Options{OffSpecRequests: true})
	org := c.s.OrgID()
	voice := c.idOf("v2/multimedia-profile", "name", "Voice Only")
	prague, london := c.idOf("v2/site", "name", "Prague"), c.idOf("v2/site", "name", "London")
	pragueSales := teamID(c, "Prague", "Sales")
	wrapType := c.idOf("v2/work-type", "name", "Default Wrapup Work Type")
	team := func(o map[string]any) map[string]any {
		base := map[string]any{"name": "Rules Team", "teamType": "AGENT", "teamStatus": "IN_SERVICE", "active": true,
			"siteId": prague, "rankQueuesForTeam": false}
		for k, v := range o {
			base[k] = v
		}
		return base
	}
	queue := func(o map[string]any) map[string]any {
		base := map[string]any{"name": "Rules Queue", "queueType": "INBOUND", "channelType": "TELEPHONY",
			"checkAgentAvailability": false, "serviceLevelThreshold": 20, "maxActiveContacts": 10, "maxTimeInQueue": 600,
			"active": true, "routingType": "LONGEST_AVAILABLE_AGENT", "queueRoutingType": "TEAM_BASED",
			"monitoringPermitted": true, "parkingPermitted": false, "recordingPermitted": true,
			"recordingAllCallsPermitted": false, "pauseRecordingPermitted": false}
		for k, v := range o {
			base[k] = v
		}
		return base
	}
	cases := []struct {
		name   string
		path   string
		method string
		item   map[string]any
		status int
		want   []string
	}{
		{"required fields", "site/bulk", "", map[string]any{}, 400,
			[]string{"name: must not be blank", "active: must not be null", "multimediaProfileId: must not be blank"}},
		{"blank name", "site/bulk", "", map[string]any{"name": "  ", "active": true, "multimediaProfileId": voice}, 400,
			[]string{"name: must not be blank"}},
		{"too long", "site/bulk", "", map[string]any{"name": strings.Repeat("x", 81), "active": true, "multimediaProfileId": voice}, 400,
			[]string{"name: size must be between 1 and 80"}},
		{"pattern", "site/bulk", "", map[string]any{"name": "Brno!", "active": true, "multimediaProfileId": voice}, 400,
			[]string{`name: must match "^[a-zA-Z0-9_\\s-]+$"`}},
		{"unknown reference", "site/bulk", "", map[string]any{"name": "Brno", "active": true, "multimediaProfileId": "nope"}, 400,
			[]string{"multimediaProfileId: not found for given orgId."}},
		{"wrong type", "site/bulk", "", map[string]any{"name": "Brno", "active": "yes", "multimediaProfileId": voice}, 400,
			[]string{"active: must be true or false"}},
		{"duplicate name, other case", "site/bulk", "", map[string]any{"name": "PRAGUE", "active": true, "multimediaProfileId": voice}, 409,
			[]string{"Similar entity is already present"}},
		{"other organization", "site/bulk", "", map[string]any{"organizationId": newUUID(), "name": "Brno", "active": true, "multimediaProfileId": voice}, 400,
			nil},
		{"team name unique per site", "team/bulk", "", team(map[string]any{"name": "Sales"}), 409,
			[]string{"Similar entity is already present"}},
		{"enum", "team/bulk", "", team(map[string]any{"teamType": "ROBOT"}), 400,
			[]string{"teamType: must be one of [AGENT, CAPACITY]"}},
		{"nested range", "team/bulk", "", team(map[string]any{"rankQueuesForTeam": true,
			"queueRankings": []any{map[string]any{"queueId": c.idOf("v2/contact-service-queue", "name", "Sales Queue"), "rank": 51}}}), 400,
			[]string{"queueRankings[0].rank: must be less than or equal to 50"}},
		{"capacity team without agents", "team/bulk", "", team(map[string]any{"teamType": "CAPACITY", "dialedNumber": "+15125550000",
			"userIds": []any{c.idOf("v2/user", "email", "anna.novak@example.com")}}), 400,
			[]string{"userIds: a CAPACITY team cannot have agents"}},
		{"conditional required", "team/bulk", "", team(map[string]any{"teamType": "CAPACITY"}), 400,
			[]string{"dialedNumber: must not be blank"}},
		{"immutable team type", "team/" + pragueSales, "PUT", map[string]any{"id": pragueSales, "name": "Sales", "teamType": "CAPACITY",
			"dialedNumber": "+420225000999", "teamStatus": "IN_SERVICE", "active": true, "siteId": prague, "rankQueuesForTeam": false}, 400,
			[]string{"teamType: This configuration cannot be changed. Original value is AGENT"}},
		{"immutable site", "team/" + pragueSales, "PUT", team(map[string]any{"id": pragueSales, "name": "Sales", "siteId": london}), 400,
			[]string{"siteId: This configuration cannot be changed. Original value is " + prague}},
		{"stale version", "team/" + pragueSales, "PUT", team(map[string]any{"id": pragueSales, "name": "Sales", "version": 0}), 409,
			[]string{"version: 0 is stale; the entity was changed meanwhile (current version 2)"}},
		{"update of unknown id", "team/missing", "PUT", team(map[string]any{"id": "missing"}), 404,
			[]string{"id: missing not found for given orgId."}},
		{"work type kind", "auxiliary-code/bulk", "", map[string]any{"name": "Nap", "active": true, "defaultCode": false,
			"workTypeId": wrapType, "workTypeCode": "IDLE_CODE"}, 400,
			[]string{`workTypeId: work type "Default Wrapup Work Type" is a WRAP_UP_CODE work type, not IDLE_CODE`}},
		{"team-based queue needs groups", "contact-service-queue/bulk", "", queue(nil), 400,
			[]string{"callDistributionGroups: must not be null"}},
		{"unknown team in a group", "contact-service-queue/v2/bulk", "", queue(map[string]any{"callDistributionGroups": []any{
			map[string]any{"order": 1, "agentGroups": []any{map[string]any{"teamId": pragueSales}, map[string]any{"teamId": "gone"}}}}}), 400,
			[]string{"callDistributionGroups[0].agentGroups[1].teamId: not found for given orgId."}},
		{"outdial entry point is telephony", "entry-point/bulk", "", map[string]any{"name": "Outdial Chat", "entryPointType": "OUTBOUND",
			"channelType": "CHAT", "assetId": "asset", "active": true, "serviceLevelThreshold": 1, "maximumActiveContacts": 1}, 400,
			[]string{"channelType: an OUTBOUND entry point supports TELEPHONY only"}},
		{"site desktop profile needs a site", "agent-profile/bulk", "", map[string]any{"name": "Site Desk", "active": true,
			"parentType": "SITE", "accessWrapUpCode": "ALL", "accessIdleCode": "ALL", "accessQueue": "ALL", "accessEntryPoint": "ALL",
			"accessBuddyTeam": "ALL", "agentDNValidation": "ALL", "timeoutDesktopInactivityMins": 2,
			"viewableStatistics": map[string]any{"accessQueueStats": "ALL"}}, 400,
			[]string{"siteId: must not be blank", "viewableStatistics.accessTeamStats: must not be blank",
				"timeoutDesktopInactivityMins: must be greater than or equal to 3"}},
		{"skill profile needs a skill", "skill-profile/bulk", "", map[string]any{"name": "Empty"}, 400,
			[]string{"activeSkills: Atleast one skill is mandatory."}},
		{"dial number pattern", "dial-number/bulk", "", map[string]any{"dialledNumber": "12ab",
			"entryPointId": c.idOf("v2/entry-point", "name", "Main Line"), "entryPointName": "Main Line",
			"location": "Prague", "regionId": demoRegion}, 400,
			[]string{`dialledNumber: must match "^\\+?\\d+[\\d.\\-]*$"`}},
		{"users cannot be created", "user/bulk", "PATCH", map[string]any{"firstName": "New", "lastName": "Person"}, 400,
			[]string{"id: must not be blank; cc_user objects cannot be created through this API"}},
		{"user team must exist", "user/bulk", "PATCH", map[string]any{"id": c.idOf("v2/user", "email", "jan.novak@example.com"),
			"teamIds": []any{"nope"}}, 400, []string{"teamIds[0]: not found for given orgId."}},
		{"user email is Control Hub's", "user/bulk", "PATCH", map[string]any{"id": c.idOf("v2/user", "email", "jan.novak@example.com"),
			"email": "jan@example.org"}, 400, []string{"email: This configuration cannot be changed. Original value is jan.novak@example.com"}},
	}
	// The seed puts the team at version 1 (members added); this save makes it 2.
	c.object("PUT", "team/"+pragueSales, team(map[string]any{"id": pragueSales, "name": "Sales"}), http.StatusOK)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "POST"
			}
			c := &tc{t: t, s: c.s, url: c.url, token: c.token, hc: c.hc}
			var r map[string]any
			if method == "PUT" { // id-walled types are updated one by one (live-api.md)
				status, body := c.raw(method, tt.path, tt.item, "application/json")
				r = map[string]any{"status": float64(status), "apiError": body}
			} else {
				r = c.bulk(method, tt.path, save(3, tt.item))[0]
			}
			if num(r["status"]) != tt.status {
				t.Fatalf("status %v, want %d: %v", r["status"], tt.status, r)
			}
			got := messages(r)
			if tt.want != nil && !slices.Equal(got, tt.want) {
				t.Errorf("messages\n got %q\nwant %q", got, tt.want)
			}
			e := r["apiError"].(map[string]any)
			inner := e["error"].(map[string]any)
			msg := inner["message"].([]any)[0].(map[string]any)
			if !strings.HasPrefix(e["trackingId"].(string), "ccconfig_") || inner["key"] != msg["code"] || msg["entity"] == "" {
				t.Errorf("apiError shape: %v", e)
			}
			if _, ok := r["href"]; ok {
				t.Errorf("a failed item has an href: %v", r)
			}
		})
	}
	_ = org
}

// TestBulkItemsAreIndependent: one bad item does not stop the others, and results keep
// the request's order and identifiers.
func TestBulkItemsAreIndependent(t *testing.T) {
	c := newTC(t, Options{})
	voice := c.idOf("v2/multimedia-profile", "name", "Voice Only")
	site := func(name string) map[string]any {
		return map[string]any{"name": name, "active": true, "multimediaProfileId": voice}
	}
	rs := c.bulk("POST", "site/bulk", save(10, site("Brno")), save(11, map[string]any{"name": "Jihlava", "active": true, "multimediaProfileId": "gone"}), save(12, site("Ostrava")),
		save(13, site("brno")), map[string]any{"itemIdentifier": 10, "requestAction": "SAVE", "item": site("Zlin")},
		map[string]any{"itemIdentifier": 14, "requestAction": "UPSERT", "item": site("Plzen")},
		map[string]any{"itemIdentifier": 15, "requestAction": "SAVE"})
	want := []struct {
		id, status int
	}{{10, 201}, {11, 400}, {12, 201}, {13, 409}, {10, 400}, {14, 400}, {15, 400}}
	for i, w := range want {
		if num(rs[i]["itemIdentifier"]) != w.id || num(rs[i]["status"]) != w.status {
			t.Errorf("item %d: %v, want identifier %d status %d", i, rs[i], w.id, w.status)
		}
	}
	for i, m := range map[int]string{4: "itemIdentifier: 10 is used more than once in the request",
		5: "requestAction: must be SAVE or DELETE", 6: "item: must not be null"} {
		if got := messages(rs[i]); len(got) != 1 || got[0] != m {
			t.Errorf("item %d: %q, want %q", i, got, m)
		}
	}
	list := c.object("GET", "v2/site", nil, http.StatusOK)
	if n := num(list["meta"].(map[string]any)["totalRecords"]); n != 5 {
		t.Errorf("%d sites after the bulk, want 3 seeded + 2 created", n)
	}
}

// TestWholeRequestErrors: what fails before any item is looked at.
func TestWholeRequestErrors(t *testing.T) {
	c := newTC(t, Options{Seed: SeedEmpty, MaxBody: 4096, OffSpecRequests: true}) // broken bodies on purpose
	many := make([]map[string]any, 1001)
	for i := range many {
		many[i] = save(i, map[string]any{"name": "x"})
	}
	cases := []struct {
		name   string
		body   any
		ctype  string
		status int
		want   string
	}{
		{"too many items", map[string]any{"items": many}, "application/json", 413, "Request body is larger than 4096 bytes"},
		{"not JSON", []byte("{items:"), "application/json", 400, "JSON parse error"},
		{"identifier not an integer", []byte(`{"items":[{"itemIdentifier":1.5,"item":{}}]}`), "application/json", 400, "JSON parse error"},
		{"wrong content type", []byte(`{"items":[]}`), "text/plain", 415, "Content-Type 'text/plain' is not supported"},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			c := &tc{t: t, s: c.s, url: c.url, token: c.token, hc: c.hc}
			status, body := c.raw("POST", "site/bulk", tt.body, tt.ctype)
			if status != tt.status || !strings.Contains(strings.Join(messages(body), " "), tt.want) {
				t.Errorf("status %d %q, want %d %q", status, messages(body), tt.status, tt.want)
			}
		})
	}
	c = newTC(t, Options{Seed: SeedEmpty, OffSpecRequests: true})
	status, body := c.raw("POST", "site/bulk", map[string]any{"items": many}, "application/json")
	if status != 400 || messages(body)[0] != "items: size must be between 1 and 1000" {
		t.Errorf("1001 items: %d %q", status, messages(body))
	}
}

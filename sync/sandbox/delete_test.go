package sandbox

import (
	"net/http"
	"slices"
	"testing"
)

func TestDeleteReferenced(t *testing.T) {
	c := newTC(t, Options{})
	prague := c.idOf("v2/site", "name", "Prague")

	// Single delete: 412 with the referring objects named.
	status, body := c.raw("DELETE", "site/"+prague, nil, "application/json")
	if status != http.StatusPreconditionFailed {
		t.Fatalf("DELETE referenced site: %d %v", status, body)
	}
	msg := body["error"].(map[string]any)["message"].([]any)[0].(map[string]any)
	// Prague's 3 teams, its 100 agents and its site desktop profile refer to it.
	if want := "resource referred in other entity(s) (1 agent-profile, 3 team, 100 user)"; msg["description"] != want {
		t.Errorf("description %q, want %q", msg["description"], want)
	}
	var types []string
	for _, r := range msg["references"].([]any) {
		types = append(types, r.(map[string]any)["type"].(string))
	}
	if len(types) != maxReferences || !slices.Contains(types, "team") {
		t.Errorf("references: %v, want the first %d with the teams", types, maxReferences)
	}

	// The same through bulk: a per-item 412; the site is still there.
	r := c.bulk("POST", "site/bulk", c.delFull(1, "site/"+prague))[0]
	if num(r["status"]) != 412 || messages(r)[0] != msg["description"] {
		t.Errorf("bulk delete: %v", r)
	}
	c.object("GET", "site/"+prague, nil, http.StatusOK)

	// incoming-references lists the same referrers.
	in := c.object("GET", "site/"+prague+"/incoming-references", nil, http.StatusOK)
	if n := len(in["data"].([]any)); n != 104 {
		t.Errorf("incoming-references: %d, want all 104 referrers", n)
	}

	// Queues refer to their teams; a team without referrers can go.
	team := teamID(c, "London", "Retention")
	if r := c.bulk("POST", "team/bulk", c.delFull(2, "team/"+team))[0]; num(r["status"]) != 412 {
		t.Errorf("delete of a team in use: %v", r)
	}
	quiet := c.bulk("POST", "team/bulk", save(3, map[string]any{"name": "Quiet", "teamType": "AGENT", "teamStatus": "IN_SERVICE",
		"active": true, "siteId": prague, "rankQueuesForTeam": false}))[0]
	if r := c.bulk("POST", "team/bulk", c.delFull(4, "team/"+lastSegment(quiet["href"].(string))))[0]; num(r["status"]) != 204 {
		t.Errorf("delete of an unused team: %v", r)
	}

	// System defaults stay; unknown ids are 404.
	idle := c.idOf("v2/work-type", "name", "Default Idle Work Type")
	c.bulk("POST", "auxiliary-code/bulk", c.delFull(5, "auxiliary-code/"+c.idOf("v2/auxiliary-code", "name", "Lunch")))
	if r := c.bulk("POST", "work-type/bulk", c.delFull(6, "work-type/"+idle))[0]; num(r["status"]) == 204 {
		t.Errorf("a system default work type was deleted: %v", r)
	}
	gone := c.object("GET", "work-type/"+idle, nil, http.StatusOK)
	gone["id"] = "no-such-id"
	if r := c.bulk("POST", "work-type/bulk", map[string]any{"itemIdentifier": 7, "requestAction": "DELETE", "item": gone})[0]; num(r["status"]) != 404 {
		t.Errorf("delete of an unknown id: %v", r)
	}
}

// TestDeleteCascadesToEntries: an address book's entries go with it, and do not block it.
func TestDeleteCascadesToEntries(t *testing.T) {
	c := newTC(t, Options{})
	book := c.object("POST", "v3/address-book", map[string]any{"name": "Temp", "parentType": "ORGANIZATION"}, http.StatusCreated)
	id := book["id"].(string)
	r := c.bulk("POST", "address-book/"+id+"/entry/bulk", save(1, map[string]any{"name": "A", "number": "123"}))[0]
	entry := lastSegment(r["href"].(string))
	c.object("DELETE", "v3/address-book/"+id, nil, http.StatusNoContent)
	c.object("GET", "address-book/"+id+"/entry/"+entry, nil, http.StatusNotFound)
	c.s.mu.RLock()
	defer c.s.mu.RUnlock()
	if c.s.st.tables["address-book-entry"].recs[entry] != nil {
		t.Error("the entry outlived its address book")
	}
}

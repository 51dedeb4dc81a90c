package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"testing"
)

// Live (wxcc-skills wxcc_delete, "confirmed live on a 412"): a referenced delete is
// refused with {"error":{"referencedEntities":[…]}}, alone and as a bulk item; and
// incoming-references answers one referring type at a time (meta.referencedEntities,
// meta.currentEntity, ?type=), so a client that walks the types finds all 104 objects
// that use the site Prague.
func TestDeleteReferencedLive412AndIncomingReferencesByType(t *testing.T) {
	c := newTC(t, Options{})
	prague := c.idOf("v2/site", "name", "Prague")

	// Prague's 3 teams, its 100 agents and its site desktop profile refer to it.
	want := []any{"agent-profile", "team", "user"}
	status, body := c.raw("DELETE", "site/"+prague, nil, "application/json")
	if status != http.StatusPreconditionFailed {
		t.Fatalf("DELETE referenced site: %d %v", status, body)
	}
	inner := body["error"].(map[string]any)
	if got := inner["referencedEntities"]; !slices.Equal(anyList(got), want) || len(inner) != 1 {
		t.Errorf("412 error %v, want only referencedEntities %v", inner, want)
	}

	// The same through bulk: a per-item 412; the site is still there.
	r := c.bulk("POST", "site/bulk", c.delFull(1, "site/"+prague))[0]
	itemErr := r["apiError"].(map[string]any)["error"].(map[string]any)
	if num(r["status"]) != 412 || !slices.Equal(anyList(itemErr["referencedEntities"]), want) {
		t.Errorf("bulk delete: %v", r)
	}
	c.object("GET", "site/"+prague, nil, http.StatusOK)

	// incoming-references: the first type without ?type=, each type with it.
	first := c.object("GET", "site/"+prague+"/incoming-references", nil, http.StatusOK)
	meta := first["meta"].(map[string]any)
	if !slices.Equal(anyList(meta["referencedEntities"]), want) || meta["currentEntity"] != "agent-profile" ||
		len(first["data"].([]any)) != 1 {
		t.Errorf("incoming-references without type: %v", first)
	}
	total := 0
	for _, typ := range want {
		for page := 0; ; page++ {
			m := c.object("GET", "site/"+prague+"/incoming-references?pageSize=40&type="+typ.(string)+"&page="+strconv.Itoa(page), nil, http.StatusOK)
			meta := m["meta"].(map[string]any)
			if meta["currentEntity"] != typ {
				t.Fatalf("type=%s: currentEntity %v", typ, meta["currentEntity"])
			}
			total += len(m["data"].([]any))
			if page+1 >= num(meta["totalPages"]) {
				break
			}
		}
	}
	if m := c.object("GET", "site/"+prague+"/incoming-references?page=2", nil, http.StatusOK); m["meta"].(map[string]any)["currentEntity"] != "user" {
		t.Errorf("a bare page=2 (wxcc-skills: walks across types): %v", m["meta"])
	}
	if m := c.object("GET", "site/"+prague+"/incoming-references?currentEntity=team", nil, http.StatusOK); len(m["data"].([]any)) != 3 {
		t.Errorf("currentEntity=team (wxcc-remove-skill-definition's parameter): %v", m["meta"])
	}
	if total != 104 {
		t.Errorf("incoming-references walked by type: %d, want all 104 referrers", total)
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

// anyList is v as a list, or nil.
func anyList(v any) []any { l, _ := v.([]any); return l }

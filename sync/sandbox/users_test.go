package sandbox

import (
	"net/http"
	"testing"
)

func TestUsers(t *testing.T) {
	c := newTC(t, Options{OffSpecRequests: true}) // a partial PUT and a create on purpose
	id := c.idOf("v2/user", "email", "emma.novak@example.com")
	before := c.object("GET", "user/"+id, nil, http.StatusOK)
	london := c.idOf("v2/site", "name", "London")
	retention := teamID(c, "London", "Retention")

	// PATCH bulk changes only what it names.
	r := c.bulk("PATCH", "user/bulk", map[string]any{"itemIdentifier": 1,
		"item": map[string]any{"id": id, "siteId": london, "teamIds": []any{retention}, "externalIdentifier": nil}})[0]
	if num(r["status"]) != 200 || r["operationType"] != "UPDATE" || lastSegment(r["href"].(string)) != id {
		t.Fatalf("PATCH user/bulk: %v", r)
	}
	after := c.object("GET", "user/"+id, nil, http.StatusOK)
	if after["siteId"] != london || after["teamIds"].([]any)[0] != retention || after["email"] != before["email"] ||
		after["userProfileId"] != before["userProfileId"] || after["version"] != before["version"].(float64)+1 {
		t.Errorf("after PATCH: %v", after)
	}
	if _, ok := after["externalIdentifier"]; ok {
		t.Error("null did not clear externalIdentifier")
	}

	// PUT replaces: what is left out is gone, so required fields must be sent.
	status, body := c.raw("PUT", "user/"+id, map[string]any{"id": id, "siteId": london}, "application/json")
	if status != 400 || len(messages(body)) < 3 {
		t.Errorf("PUT with a partial user: %d %q", status, messages(body))
	}
	after["workPhone"] = "+420225111222"
	if got := c.object("PUT", "user/"+id, after, http.StatusOK); got["workPhone"] != "+420225111222" {
		t.Errorf("PUT: %v", got)
	}
	if got := c.object("PATCH", "user/"+id, map[string]any{"mobile": "+420777000111"}, http.StatusOK); got["workPhone"] != "+420225111222" || got["mobile"] != "+420777000111" {
		t.Errorf("PATCH user/{id}: %v", got)
	}
	// live: the identity fields are Control Hub's: "This configuration cannot be changed".
	status, body = c.raw("PATCH", "user/"+id, map[string]any{"firstName": "Emmy"}, "application/json")
	if want := "firstName: This configuration cannot be changed. Original value is Emma"; status != 400 || messages(body)[0] != want {
		t.Errorf("PATCH of firstName: %d %q, want 400 %q", status, messages(body), want)
	}

	// No creation, no deletion.
	c.object("POST", "user", map[string]any{"firstName": "New"}, http.StatusMethodNotAllowed)
	c.object("POST", "user/bulk", map[string]any{"items": []any{}}, http.StatusMultiStatus) // live: served, 207
	c.object("DELETE", "user/"+id, nil, http.StatusMethodNotAllowed)
	if r := c.bulk("PATCH", "user/bulk", del(2, id))[0]; num(r["status"]) != 400 {
		t.Errorf("DELETE item for a user: %v", r)
	}

	// Lookup by Common Identity id.
	got := c.object("GET", "v2/user/by-ci-user-id/"+before["ciUserId"].(string), nil, http.StatusOK)
	if got["id"] != id {
		t.Errorf("by-ci-user-id: %v", got["id"])
	}
	c.object("GET", "v2/user/by-ci-user-id/nobody", nil, http.StatusNotFound)
}

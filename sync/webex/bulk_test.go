package webex

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

const mixed207 = `{"items":[
 {"itemIdentifier":2,"status":201,"operationType":"CREATE","href":"/api/organization/org-1/site/new-id-2"},
 {"itemIdentifier":3,"status":400,"operationType":"UPDATE","apiError":{"trackingId":"ccconfig_b3",
   "error":{"key":"400","reason":"Bad request","message":[{"description":"multimediaProfileId: not found for given orgId.","code":"400"}]}}},
 {"itemIdentifier":4,"status":200,"operationType":"UPDATE","href":"/api/organization/org-1/site/s4/","apiError":null},
 {"itemIdentifier":5,"status":409,"operationType":"CREATE"}
]}`

func TestBulkSaveMixedResults(t *testing.T) {
	var sent struct {
		Items []BulkItem `json:"items"`
	}
	var method, path, ctype string
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		method, path, ctype = r.Method, r.URL.Path, r.Header.Get("Content-Type")
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &sent); err != nil {
			t.Errorf("request body: %v", err)
		}
		w.WriteHeader(http.StatusMultiStatus)
		fmt.Fprint(w, mixed207)
	}), Options{}, false)
	items := []BulkItem{
		{ItemIdentifier: 2, RequestAction: ActionSave, Item: Object{"name": "Chicago", "organizationId": "org-1"}},
		{ItemIdentifier: 3, RequestAction: ActionSave, Item: Object{"name": "Manila", "id": "s3"}},
		{ItemIdentifier: 4, RequestAction: ActionSave, Item: Object{"name": "Prague", "id": "s4"}},
		{ItemIdentifier: 5, RequestAction: ActionSave, Item: Object{"name": "Chicago"}},
		{ItemIdentifier: 6, RequestAction: ActionDelete, Item: Object{"id": "s6"}},
	}
	res, err := c.BulkSave(context.Background(), "site/bulk", http.MethodPost, items)
	if err != nil {
		t.Fatal(err)
	}
	if method != "POST" || path != "/organization/org-1/site/bulk" || ctype != "application/json" {
		t.Errorf("sent %s %s (%s)", method, path, ctype)
	}
	if len(sent.Items) != 5 || sent.Items[1].Item["id"] != "s3" || sent.Items[4].RequestAction != "DELETE" {
		t.Errorf("sent items %+v", sent.Items)
	}
	want := []struct {
		id     int
		ok     bool
		status int
		objID  string
		msg    string
	}{
		{2, true, 201, "new-id-2", ""},
		{3, false, 400, "", "400 Bad Request: Bad request; multimediaProfileId: not found for given orgId. (trackingId ccconfig_b3)"},
		{4, true, 200, "s4", ""},
		{5, false, 409, "", "409 Conflict"},
		{6, false, 0, "", "the server's answer has no result for this item; it may or may not have been saved"},
	}
	if len(res) != len(want) {
		t.Fatalf("%d results, want %d", len(res), len(want))
	}
	for i, w := range want {
		r := res[i]
		if r.ItemIdentifier != w.id || r.OK() != w.ok || r.Status != w.status || r.ID() != w.objID && w.ok {
			t.Errorf("result %d = %+v (ID %q), want %+v", i, r, r.ID(), w)
		}
		if w.msg != "" && (r.Error == nil || !strings.Contains(r.Error.Error(), w.msg)) {
			t.Errorf("result %d error = %v, want %q", i, r.Error, w.msg)
		}
	}
}

func TestBulkSaveWholeRequestFails(t *testing.T) {
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(409)
		fmt.Fprint(w, `{"trackingId":"ccconfig_x","error":{"key":"409","reason":"Similar entity is already present"}}`)
	}), Options{}, false)
	_, err := c.BulkSave(context.Background(), "user/bulk", http.MethodPatch, []BulkItem{{ItemIdentifier: 1, Item: Object{"id": "u"}}})
	want := "PATCH /organization/org-1/user/bulk: 409 Conflict: Similar entity is already present (trackingId ccconfig_x)"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant %s", err, want)
	}
}

func TestBulkSaveRefusesDuplicateIdentifiers(t *testing.T) {
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("request sent")
	}), Options{}, false)
	_, err := c.BulkSave(context.Background(), "site/bulk", "POST", []BulkItem{{ItemIdentifier: 7}, {ItemIdentifier: 7}})
	if err == nil || !strings.Contains(err.Error(), "itemIdentifier 7 is used twice") {
		t.Fatalf("error = %v", err)
	}
}

func TestBulkResultID(t *testing.T) {
	tests := map[string]string{
		"/api/organization/o/site/abc":     "abc",
		"/api/organization/o/site/abc/":    "abc",
		"https://h/organization/o/team/t1": "t1",
		"/organization/o/site/s9?x=1":      "s9",
		"":                                 "",
		"plain":                            "plain",
	}
	for href, want := range tests {
		if got := (BulkResult{Href: href}).ID(); got != want {
			t.Errorf("ID(%q) = %q, want %q", href, got, want)
		}
	}
}

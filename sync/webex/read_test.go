package webex

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// pagedSites serves 7 sites in pages of pageSize, describing them the way style says:
// "meta" (totalPages and links), "links" (links.next only) or "bare" (a v1 array).
func pagedSites(t *testing.T, style string, seen *[]url.Values) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/organization/org-1/v2/site" {
			t.Errorf("path %s", r.URL.Path)
		}
		*seen = append(*seen, r.URL.Query())
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		size, _ := strconv.Atoi(r.URL.Query().Get("pageSize"))
		const total = 7
		var data []string
		for i := page * size; i < min(total, (page+1)*size); i++ {
			data = append(data, fmt.Sprintf(`{"id":"s%d","name":"Site %d","version":12345678901234567}`, i, i))
		}
		list := "[" + strings.Join(data, ",") + "]"
		pages := (total + size - 1) / size
		next := ""
		if page+1 < pages {
			next = fmt.Sprintf(`,"next":"/organization/org-1/v2/site?page=%d&pageSize=%d"`, page+1, size)
		}
		switch style {
		case "meta":
			fmt.Fprintf(w, `{"meta":{"orgid":"org-1","page":%d,"pageSize":%d,"totalPages":%d,"totalRecords":%d,"links":{"self":"x"%s}},"data":%s}`,
				page, size, pages, total, next, list)
		case "links":
			fmt.Fprintf(w, `{"meta":{"links":{"self":"x"%s}},"data":%s}`, next, list)
		case "bare":
			all := make([]string, total)
			for i := range all {
				all[i] = fmt.Sprintf(`{"id":"s%d","name":"Site %d"}`, i, i)
			}
			fmt.Fprint(w, "["+strings.Join(all, ",")+"]")
		}
	}
}

func TestListPaging(t *testing.T) {
	tests := []struct {
		style     string
		query     url.Values
		wantCalls int
		wantSize  string
	}{
		{"meta", url.Values{"pageSize": {"3"}}, 3, "3"},
		{"links", url.Values{"pageSize": {"3"}}, 3, "3"},
		{"meta", nil, 1, "100"},
		{"bare", nil, 1, "100"},
		{"meta", url.Values{"pageSize": {"7"}, "attributes": {"id,name"}}, 1, "7"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.style, tt.query), func(t *testing.T) {
			var seen []url.Values
			c, _ := newTestClient(t, pagedSites(t, tt.style, &seen), Options{}, false)
			got, err := c.List(context.Background(), "v2/site", tt.query)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 7 {
				t.Fatalf("got %d sites, want 7", len(got))
			}
			for i, s := range got {
				if s["name"] != fmt.Sprintf("Site %d", i) {
					t.Errorf("site %d = %v", i, s)
				}
			}
			if len(seen) != tt.wantCalls {
				t.Errorf("%d requests, want %d", len(seen), tt.wantCalls)
			}
			for i, q := range seen {
				if q.Get("page") != strconv.Itoa(i) || q.Get("pageSize") != tt.wantSize {
					t.Errorf("request %d query %v", i, q)
				}
				if tt.query.Get("attributes") != "" && q.Get("attributes") != "id,name" {
					t.Errorf("attributes lost: %v", q)
				}
			}
		})
	}
}

func TestListKeepsBigNumbers(t *testing.T) {
	var seen []url.Values
	c, _ := newTestClient(t, pagedSites(t, "meta", &seen), Options{}, false)
	got, err := c.List(context.Background(), "v2/site", nil)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(got[0])
	if !strings.Contains(string(out), `"version":12345678901234567`) {
		t.Errorf("number changed on the way: %s", out)
	}
}

func TestListErrors(t *testing.T) {
	tests := []struct {
		name string
		h    http.HandlerFunc
		want string
	}{
		{"error on page 2", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Query().Get("page") == "1" {
				w.WriteHeader(403)
				fmt.Fprint(w, `{"trackingId":"t9","error":{"reason":"missing scope cjp:config_read"}}`)
				return
			}
			fmt.Fprint(w, `{"meta":{"totalPages":2},"data":[{"id":"a"}]}`)
		}, "GET /organization/org-1/v2/site: 403 Forbidden: missing scope cjp:config_read (trackingId t9)"},
		{"not JSON", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<html>login</html>`)
		}, "GET /organization/org-1/v2/site page 0: the answer is not the JSON expected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newTestClient(t, tt.h, Options{}, false)
			_, err := c.List(context.Background(), "v2/site", nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestGetEscapesIDAndReportsNotFound(t *testing.T) {
	var gotPath string
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath = r.URL.EscapedPath()
		w.WriteHeader(404)
		fmt.Fprint(w, `{"error":{"reason":"Site not found"}}`)
	}), Options{}, false)
	_, err := c.Get(context.Background(), "site", "a/b c")
	if !IsNotFound(err) {
		t.Fatalf("IsNotFound(%v) = false", err)
	}
	if gotPath != "/organization/org-1/site/a%2Fb%20c" {
		t.Errorf("path = %s", gotPath)
	}
}

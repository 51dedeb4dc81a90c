package webex

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestSingleObjectCalls(t *testing.T) {
	type seen struct{ method, path, body string }
	tests := []struct {
		name string
		call func(c *Client) (Object, error)
		want seen
	}{
		{"create", func(c *Client) (Object, error) {
			return c.Create(context.Background(), "v3/address-book", Object{"name": "Sales"})
		}, seen{"POST", "/organization/org-1/v3/address-book", `{"name":"Sales"}`}},
		{"update", func(c *Client) (Object, error) {
			return c.Update(context.Background(), "site", "s1", Object{"id": "s1", "version": 2})
		}, seen{"PUT", "/organization/org-1/site/s1", `{"id":"s1","version":2}`}},
		{"patch", func(c *Client) (Object, error) {
			return c.Patch(context.Background(), "user", "u1", Object{"siteId": nil})
		}, seen{"PATCH", "/organization/org-1/user/u1", `{"siteId":null}`}},
		{"delete", func(c *Client) (Object, error) {
			return nil, c.Delete(context.Background(), "team", "t1")
		}, seen{"DELETE", "/organization/org-1/team/t1", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got seen
			c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				got = seen{r.Method, r.URL.Path, string(b)}
				if r.Method == "DELETE" {
					w.WriteHeader(204)
					return
				}
				w.WriteHeader(201)
				fmt.Fprint(w, `{"id":"new1","version":0}`)
			}), Options{}, false)
			obj, err := tt.call(c)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("sent %+v, want %+v", got, tt.want)
			}
			if tt.name != "delete" && obj["id"] != "new1" {
				t.Errorf("object = %v", obj)
			}
		})
	}
}

func TestDeleteWithoutIDRefused(t *testing.T) {
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("request sent")
	}), Options{}, false)
	if err := c.Delete(context.Background(), "dial-number", ""); err == nil || !strings.Contains(err.Error(), "no id") {
		t.Fatalf("error = %v", err)
	}
}

func TestIdentityHostPaths(t *testing.T) {
	var path string
	srv := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path = r.URL.Path
		fmt.Fprint(w, `{"displayName":"Ada"}`)
	})
	c, _ := newTestClient(t, srv, Options{}, false)
	c.orgID = ""
	if _, err := c.Get(context.Background(), "/v1/people", "me"); err != nil {
		t.Fatal(err)
	}
	if path != "/v1/people/me" {
		t.Errorf("path = %s", path)
	}
}

package webex

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/bulkops/bulkops/internal/progress"
)

// maxPages stops a List whose server keeps announcing more pages.
const maxPages = 100000

// List returns every object of a list endpoint such as "v2/site", page after page
// (pageSize 100 unless query sets it), until meta.totalPages is reached or, when the
// server does not send it, until links.next is missing. A v1 list that answers with a
// bare JSON array is returned as it is. After each page the progress.Func ctx carries (if
// any) is told the objects read so far and meta.totalRecords when the server gives it.
// Note that v2 lists leave array fields out of
// their objects (api.md §3.1): Get each object to round-trip it.
func (c *Client) List(ctx context.Context, path string, query url.Values) ([]Object, error) {
	q := url.Values{}
	for k, v := range query {
		q[k] = append([]string(nil), v...)
	}
	if q.Get("pageSize") == "" {
		q.Set("pageSize", "100")
	}
	start, _ := strconv.Atoi(q.Get("page"))
	var all []Object
	report := progress.From(ctx)
	for page := start; page < start+maxPages; page++ {
		q.Set("page", strconv.Itoa(page))
		a, err := c.do(ctx, call{method: http.MethodGet, path: path, query: q})
		if err != nil {
			return nil, err
		}
		pg, err := decodePage(a.body)
		if err != nil {
			return nil, fmt.Errorf("GET %s page %d: %w", pathOf(c.endpoint(path, nil)), page, err)
		}
		all = append(all, pg.data...)
		report.Report(progress.Count{Done: len(all), Total: max(pg.totalRecords, 0)})
		if pg.last(page) {
			return all, nil
		}
	}
	return nil, fmt.Errorf("GET %s: more than %d pages", pathOf(c.endpoint(path, nil)), maxPages)
}

// Get returns the object id of the resource at path, e.g. Get(ctx, "site", id).
func (c *Client) Get(ctx context.Context, path, id string) (Object, error) {
	a, err := c.do(ctx, call{method: http.MethodGet, path: idPath(path, id)})
	if err != nil {
		return nil, err
	}
	return decodeObject(a.body, http.MethodGet, pathOf(c.endpoint(idPath(path, id), nil)))
}

// Organization returns the tenant record, GET organization/{orgId}: served live
// although the spec lacks it, with the tenant's name and subscriptionType
// (dwolgast-lab/wxcc-skills mcp_server.py _org_info).
func (c *Client) Organization(ctx context.Context) (Object, error) {
	a, err := c.do(ctx, call{method: http.MethodGet, path: ""})
	if err != nil {
		return nil, err
	}
	return decodeObject(a.body, http.MethodGet, pathOf(c.endpoint("", nil)))
}

// Page is one page of a list as the server gave it, for a check of its shape (bulkops
// doctor); List reads them all.
type Page struct {
	Objects      []Object
	Bare         bool // a v1 list: one JSON array, no paging
	TotalPages   int  // -1 when the server did not say
	TotalRecords int  // -1 when the server did not say
	Next         string
}

// ListPage reads one page of a list endpoint, query as given.
func (c *Client) ListPage(ctx context.Context, path string, query url.Values) (Page, error) {
	a, err := c.do(ctx, call{method: http.MethodGet, path: path, query: query})
	if err != nil {
		return Page{}, err
	}
	pg, err := decodePage(a.body)
	if err != nil {
		return Page{}, fmt.Errorf("GET %s: %w", pathOf(c.endpoint(path, nil)), err)
	}
	return Page{Objects: pg.data, Bare: pg.bare, TotalPages: pg.totalPages, TotalRecords: pg.totalRecords, Next: pg.next}, nil
}

// IsNotFound reports whether err is the API's 404.
func IsNotFound(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Status == http.StatusNotFound
}

type listPage struct {
	data       []Object
	bare       bool // a v1 list: one JSON array, no paging
	totalPages int  // -1 when the server did not say
	// totalRecords is -1 when the server did not say.
	totalRecords int
	next         string
}

// last reports whether page was the final one.
func (p listPage) last(page int) bool {
	switch {
	case p.bare || len(p.data) == 0:
		return true
	case p.totalPages >= 0:
		return page+1 >= p.totalPages
	}
	return p.next == ""
}

func decodePage(body []byte) (listPage, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var data []Object
		err := unmarshalNumbers(trimmed, &data)
		return listPage{data: data, bare: true}, err
	}
	var wire struct {
		Meta struct {
			TotalPages   *int `json:"totalPages"`
			TotalRecords *int `json:"totalRecords"`
			Links        struct {
				Next string `json:"next"`
			} `json:"links"`
		} `json:"meta"`
		Data []Object `json:"data"`
	}
	if err := unmarshalNumbers(trimmed, &wire); err != nil {
		return listPage{}, err
	}
	p := listPage{data: wire.Data, totalPages: -1, totalRecords: -1, next: wire.Meta.Links.Next}
	if wire.Meta.TotalPages != nil {
		p.totalPages = *wire.Meta.TotalPages
	}
	if wire.Meta.TotalRecords != nil {
		p.totalRecords = *wire.Meta.TotalRecords
	}
	return p, nil
}

// decodeObject reads one object; an empty body (a 204) is a nil object.
func decodeObject(body []byte, method, path string) (Object, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, nil
	}
	var obj Object
	if err := unmarshalNumbers(body, &obj); err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	return obj, nil
}

func unmarshalNumbers(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("the answer is not the JSON expected: %v", err)
	}
	return nil
}

// idPath joins a resource path and an id, escaping the id.
func idPath(path, id string) string {
	if id == "" {
		return path
	}
	return strings.TrimRight(path, "/") + "/" + url.PathEscape(id)
}

package webex

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// References is one page of GET {type}/{id}/incoming-references as live tenants answer
// it: one referring type at a time (dwolgast-lab/wxcc-skills mcp_server.py
// _find_references: "data[] holds only meta.currentEntity — walk ?type=<each>"; the
// spec's EntityReferenceInfoDTO).
type References struct {
	Types      []string // meta.referencedEntities: every type that refers to the object
	Current    string   // meta.currentEntity: the type of Objects
	Objects    []Object // data: objects of Current ({id, name, …})
	TotalPages int      // pages of Current; -1 when the server did not say
}

// IncomingReferences reads one page of what refers to the object id of the type whose
// single-object path is path (e.g. "site", "v3/user-profile": the route is always the
// unversioned one). typ selects the referring type; "" answers the first.
func (c *Client) IncomingReferences(ctx context.Context, path, id, typ string, page int) (References, error) {
	q := url.Values{"page": {strconv.Itoa(page)}, "pageSize": {"100"}}
	if typ != "" {
		q.Set("type", typ)
	}
	route := idPath(unversioned(path), id) + "/incoming-references"
	a, err := c.do(ctx, call{method: http.MethodGet, path: route, query: q})
	if err != nil {
		return References{}, err
	}
	var wire struct {
		Meta struct {
			ReferencedEntities []string `json:"referencedEntities"`
			CurrentEntity      string   `json:"currentEntity"`
			TotalPages         *int     `json:"totalPages"`
		} `json:"meta"`
		Data []Object `json:"data"`
	}
	if err := unmarshalNumbers(a.body, &wire); err != nil {
		return References{}, fmt.Errorf("GET %s: %w", pathOf(c.endpoint(route, nil)), err)
	}
	r := References{Types: wire.Meta.ReferencedEntities, Current: wire.Meta.CurrentEntity, Objects: wire.Data, TotalPages: -1}
	if wire.Meta.TotalPages != nil {
		r.TotalPages = *wire.Meta.TotalPages
	}
	return r, nil
}

// AllIncomingReferences walks every referring type and its pages: referring type →
// the objects of it that refer to the object id. What a delete checks first.
func (c *Client) AllIncomingReferences(ctx context.Context, path, id string) (map[string][]Object, error) {
	first, err := c.IncomingReferences(ctx, path, id, "", 0)
	if err != nil {
		return nil, err
	}
	out := map[string][]Object{}
	for _, typ := range first.Types {
		for page := 0; page < maxPages; page++ {
			r, err := c.IncomingReferences(ctx, path, id, typ, page)
			if err != nil {
				return nil, err
			}
			if r.Current != "" && r.Current != typ { // the server ignored ?type=: trust what it says it sent
				typ = r.Current
			}
			out[typ] = append(out[typ], r.Objects...)
			if len(r.Objects) == 0 || (r.TotalPages >= 0 && page+1 >= r.TotalPages) {
				break
			}
		}
	}
	return out, nil
}

// unversioned drops a leading v2/ or v3/: incoming-references live on the plain paths.
func unversioned(path string) string {
	if len(path) > 3 && path[0] == 'v' && path[2] == '/' && strings.ContainsRune("0123456789", rune(path[1])) {
		return path[3:]
	}
	return path
}

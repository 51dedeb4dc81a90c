package sandbox

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Paging of the v2/v3 lists (api.md §3.1).
const (
	defaultPageSize = 100
	maxPageSize     = 1000 // larger pageSize values are clamped silently, as the API does
)

// listQuery is a parsed list request.
type listQuery struct {
	page, pageSize int
	filter         filter
	search         string
	attributes     []string
}

// parseListQuery reads the paging, filter, search and attributes of a list request.
// Live: a raw (unencoded) double quote in the query is refused with 400, and a raw +
// reads as a space (dwolgast-lab/wxcc-skills, live-api.md "second pass"); url.Query
// already reads + as a space.
func parseListQuery(u *url.URL) (listQuery, *itemError) {
	if strings.Contains(u.RawQuery, `"`) {
		return listQuery{}, newItemError(http.StatusBadRequest, "", `filter: invalid character '"' in the query: encode it as %22`)
	}
	q := u.Query()
	lq := listQuery{pageSize: defaultPageSize, search: strings.ToLower(strings.TrimSpace(q.Get("search")))}
	var err error
	if v := q.Get("page"); v != "" {
		if lq.page, err = strconv.Atoi(v); err != nil || lq.page < 0 {
			return lq, newItemError(http.StatusBadRequest, "", "page: must be a whole number from 0")
		}
	}
	if v := q.Get("pageSize"); v != "" {
		if lq.pageSize, err = strconv.Atoi(v); err != nil || lq.pageSize < 1 {
			return lq, newItemError(http.StatusBadRequest, "", "pageSize: must be a whole number from 1")
		}
		lq.pageSize = min(lq.pageSize, maxPageSize)
	}
	if lq.filter, err = parseFilter(q.Get("filter")); err != nil {
		return lq, newItemError(http.StatusBadRequest, "", "filter: "+err.Error())
	}
	for _, a := range strings.Split(q.Get("attributes"), ",") {
		if a = strings.TrimSpace(a); a != "" {
			lq.attributes = append(lq.attributes, a)
		}
	}
	return lq, nil
}

func (lq listQuery) matches(obj map[string]any) bool {
	if !lq.filter.match(obj) {
		return false
	}
	if lq.search == "" {
		return true
	}
	return strings.Contains(strings.ToLower(str(obj["name"])), lq.search) ||
		strings.Contains(strings.ToLower(str(obj["description"])), lq.search)
}

// matching returns the objects of res under p's parent that the query selects.
func (s *Server) matching(res *resource, p params, lq listQuery) ([]map[string]any, *itemError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	parent, e := s.parentOf(res, p)
	if e != nil {
		return nil, e
	}
	var out []map[string]any
	for _, rec := range s.st.records(res, parent) {
		if lq.matches(rec.obj) {
			out = append(out, rec.obj)
		}
	}
	return out, nil
}

// listed parses a list request and returns the objects it selects; it answers the error
// itself and returns false when the query is wrong.
func (s *Server) listed(w http.ResponseWriter, r *http.Request, res *resource, p params) (listQuery, []map[string]any, bool) {
	lq, e := parseListQuery(r.URL)
	if e == nil {
		var all []map[string]any
		if all, e = s.matching(res, p, lq); e == nil {
			return lq, all, true
		}
	}
	writeAPIError(w, r, e)
	return lq, nil, false
}

// handleList serves a paged v2/v3 list: {"meta": {...}, "data": [...]}.
func (s *Server) handleList(res *resource) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p params) {
		lq, all, ok := s.listed(w, r, res, p)
		if !ok {
			return
		}
		total := len(all)
		pages := (total + lq.pageSize - 1) / lq.pageSize
		from := min(lq.page*lq.pageSize, total)
		to := min(from+lq.pageSize, total)
		// The spec's v2/v3 list DTOs are the full objects, arrays included
		// (ResponseEnvelopeTeamResponseDTO has userIds): a page is an export.
		data := make([]map[string]any, 0, to-from)
		if withEntries(res, r) {
			s.mu.RLock()
			for i, obj := range all[from:to] {
				all[from+i] = s.st.embedEntries(obj)
			}
			s.mu.RUnlock()
		}
		for _, obj := range all[from:to] {
			row := project(obj, lq.attributes, true)
			for _, f := range res.listOmits {
				delete(row, f)
			}
			data = append(data, row)
		}
		meta := map[string]any{"orgid": s.org, "page": lq.page, "pageSize": lq.pageSize,
			"totalPages": pages, "totalRecords": total, "links": pageLinks(r.URL, lq.page, pages)}
		writeJSON(w, http.StatusOK, map[string]any{"meta": meta, "data": data})
	}
}

// handleListV1 serves the old unpaged list (GET base): a bare JSON array, of the spec's
// "…DTOList" objects without array fields for some types (ContactServiceQueueDTOList).
func (s *Server) handleListV1(res *resource) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p params) {
		lq, all, ok := s.listed(w, r, res, p)
		if !ok {
			return
		}
		data := make([]map[string]any, 0, len(all))
		for _, obj := range all {
			data = append(data, project(obj, lq.attributes, !res.leanV1))
		}
		writeJSON(w, http.StatusOK, data)
	}
}

// project returns the fields of obj a list shows: the attributes asked for (all when
// none), without array fields unless keepArrays.
func project(obj map[string]any, attributes []string, keepArrays bool) map[string]any {
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		if _, isArray := v.([]any); isArray && !keepArrays {
			continue
		}
		out[k] = v
	}
	if len(attributes) == 0 {
		return out
	}
	picked := make(map[string]any, len(attributes))
	for _, a := range attributes {
		if v, ok := out[a]; ok {
			picked[a] = v
		}
	}
	return picked
}

// pageLinks are the relative links of meta.links, keeping the request's other parameters.
func pageLinks(u *url.URL, page, pages int) map[string]string {
	at := func(n int) string {
		q := u.Query()
		q.Set("page", strconv.Itoa(n))
		return u.Path + "?" + q.Encode()
	}
	links := map[string]string{"self": at(page), "first": at(0), "last": at(max(pages-1, 0))}
	if page+1 < pages {
		links["next"] = at(page + 1)
	}
	if page > 0 {
		links["prev"] = at(min(page-1, max(pages-1, 0)))
	}
	return links
}

package sandbox

import (
	"net/http"
	"strings"

	"github.com/bulkops/bulkops/internal/apispec"
)

// apiRoutes registers, for every resource of the table, the endpoints it has. A route
// is served only when Cisco's spec has the operation (apispec.Has): the sandbox never
// offers a client a route a real tenant lacks, so a wrong method on a real path gets
// the live 405 (PATCH team/bulk) and an invented path 404.
func (s *Server) apiRoutes() *router {
	rt := &router{keep: func(method, pattern string) bool { return apispec.Has(method, "/"+pattern) }}
	const org = "organization/{orgid}/"
	for _, res := range resources {
		for _, l := range res.lists {
			rt.add(http.MethodGet, org+l, s.handleList(res))
		}
		rt.add(http.MethodGet, org+res.bases[0], s.handleListV1(res))
		rt.add(http.MethodDelete, org+res.bases[0], s.handleDeleteAll(res)) // the spec has it for dial-number only
		for _, b := range res.bases {
			s.objectRoutes(rt, res, org+b)
		}
		if res.parent == "" {
			rt.add(http.MethodGet, org+unversioned(res.bases[0])+"/{id}/incoming-references", s.handleIncoming(res))
			rt.add(http.MethodGet, org+unversioned(res.bases[0])+"/bulk-export", s.handleExport(res))
		}
		for _, b := range res.bulk {
			rt.add(http.MethodPost, org+b, s.handleBulk(res, false))
		}
		for _, b := range res.patchBulk {
			rt.add(http.MethodPatch, org+b, s.handleBulk(res, true))
		}
	}
	rt.add(http.MethodGet, org+"v2/user/by-ci-user-id/{ciUserId}", s.handleUserByCI)
	rt.add(http.MethodGet, org+"user/by-ci-user-id/{ciUserId}", s.handleUserByCI)
	s.outdialEntryRoutes(rt)
	s.addBeyondSpec(rt)
	rt.sortRoutes()
	return rt
}

// objectRoutes registers create, get, update and delete under one base path.
func (s *Server) objectRoutes(rt *router, res *resource, base string) {
	rt.add(http.MethodGet, base+"/{id}", s.handleGet(res))
	switch {
	case res.multipart:
		rt.add(http.MethodPost, base, s.handleUpload(res))
		rt.add(http.MethodPut, base+"/{id}", s.handleUpload(res))
		if res.patchConflict {
			rt.add(http.MethodPatch, base+"/{id}", s.handleConflictPatch)
		} else {
			rt.add(http.MethodPatch, base+"/{id}", s.handleAudioPatch(res))
		}
	default:
		if !res.noCreate {
			rt.add(http.MethodPost, base, s.handleCreate(res))
		}
		rt.add(http.MethodPut, base+"/{id}", s.handleUpdate(res, false))
		rt.add(http.MethodPatch, base+"/{id}", s.handleUpdate(res, true))
	}
	if !res.noDelete {
		rt.add(http.MethodDelete, base+"/{id}", s.handleDelete(res, deleteStatus(base+"/{id}")))
	}
}

// unversioned drops a leading v2/ or v3/: incoming-references live on the plain paths.
func unversioned(path string) string {
	if len(path) > 3 && path[0] == 'v' && path[2] == '/' {
		return path[3:]
	}
	return path
}

// href is the link a bulk result gives to an object, as in api.md §3.3.
func (s *Server) href(res *resource, parent, id string) string {
	return "/api/organization/" + s.org + "/" + strings.ReplaceAll(res.bases[0], "{parentId}", parent) + "/" + id
}

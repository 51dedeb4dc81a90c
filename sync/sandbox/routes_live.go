package sandbox

import (
	"net/http"
	"strings"
)

// beyondSpec are served by live tenants although Cisco's spec lacks them, and real
// clients call them (wxcc-skills, wxcc-sandbox-exporter, Cisco's SDK; live-api.md,
// "Still served live"). They are registered without the spec filter and are not
// checked against the spec.
var beyondSpec = []struct{ method, pattern string }{
	{http.MethodGet, "organization/{orgid}"},               // the tenant record
	{http.MethodGet, "organization/{orgid}/blob/{blobId}"}, // an audio file's bytes
	{http.MethodPost, "organization/{orgid}/user/bulk"},    // users: 207, like PATCH
	// the purposes a greeting is for (wxcc-skills: "absent from Cisco's own OpenAPI spec")
	{http.MethodGet, "organization/{orgid}/v2/greeting-purpose"},
}

// addBeyondSpec registers the handlers of beyondSpec on rt.
func (s *Server) addBeyondSpec(rt *router) {
	keep := rt.keep
	rt.keep = nil
	defer func() { rt.keep = keep }()
	handlers := []handlerFunc{s.handleTenant, s.handleOrgBlob, s.handleBulk(userResource, true), s.handleList(greetingPurposeResource)}
	for i, lr := range beyondSpec {
		rt.add(lr.method, lr.pattern, handlers[i])
	}
}

// isLiveRoute reports whether r is one of beyondSpec.
func isLiveRoute(r *http.Request) bool {
	segs := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	for _, lr := range beyondSpec {
		ro := route{segs: strings.Split(lr.pattern, "/")}
		if _, ok := ro.match(segs); ok && lr.method == r.Method {
			return true
		}
	}
	return false
}

// handleTenant: GET organization/{orgId} is the tenant record; live it carries the
// tenant's name and subscriptionType (SUBSCRIPTION for a paying customer; wxcc-skills
// mcp_server.py _org_info).
func (s *Server) handleTenant(w http.ResponseWriter, r *http.Request, _ params) {
	name := s.opt.OrgName
	if name == "" {
		name = SandboxOrgName
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": s.org, "name": name,
		"subscriptionType": "TRIAL", "environment": "sandbox"})
}

// handleOrgBlob: GET organization/{orgId}/blob/{blobId} answers an audio file's bytes,
// RIFF/WAVE (wxcc-sandbox-exporter).
func (s *Server) handleOrgBlob(w http.ResponseWriter, r *http.Request, p params) {
	s.mu.RLock()
	b, ok := s.st.blobs[p["blobId"]]
	s.mu.RUnlock()
	if !ok {
		writeAPIError(w, r, newItemError(http.StatusNotFound, "audio_file", "blobId: "+p["blobId"]+" not found for given orgId."))
		return
	}
	w.Header().Set("Content-Type", "audio/wav")
	w.Write(b)
}

// SandboxOrgName is the name the tenant record gives the sandbox's organization.
const SandboxOrgName = "Bulkops Sandbox"

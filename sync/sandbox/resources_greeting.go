package sandbox

import "net/http"

// Agent personal greetings: the spec's AgentPersonalGreetingDTO (…WithGreetingPurpose),
// with what dwolgast-lab/wxcc-skills verified live (mcp_server.py's registry and its
// wxcc-agent-greetings skill, 2026-07-22):
//   - every write is a multipart upload like an audio file's, the metadata in the part
//     agentPersonalGreetingInfo and the bytes in audioFile (a JSON body is a bare 500);
//   - the item path works with and without v2; v3 lists but has no item path;
//   - a create without greetingPurposeId is a nameless 409 "Internal error. Please
//     contact Cisco Support Team"; the purpose ids come from GET v2/greeting-purpose, a
//     route the spec lacks (served in routes_live.go; a tenant has a "Default" one);
//   - PATCH answers the same nameless 409: there is no metadata-only update.
var greetingResource = &resource{key: "agent-personal-greeting", entity: "agent_personal_greeting",
	createStatus: 200, multipart: true, infoPart: "agentPersonalGreetingInfo", patchConflict: true,
	bases: []string{"agent-personal-greeting", "v2/agent-personal-greeting"},
	lists: []string{"v2/agent-personal-greeting", "v3/agent-personal-greeting"},
	check: checkAudioFile, refuse: refuseGreeting,
	fields: []field{
		{path: "name", kind: kString, req: true, maxLen: 80, pattern: `^[a-zA-Z0-9._\-\s]*$`},
		{path: "contentType", kind: kString, req: true,
			enum: []string{"AUDIO_WAV", "TEXT_HTML", "TEXT_PHP", "AUDIO_X_WAV", "APPLICATION_OCTET_STREAM"}},
		{path: "blobId", kind: kString},
		{path: "url", kind: kString},
		{path: "audioFile", kind: kString},
		{path: "agentId", kind: kString, req: true, minLen: 1, ref: "user"},
		{path: "greetingPurposeId", kind: kString, ref: "greeting-purpose"},
		{path: "greetingPurposeName", kind: kString},
		{path: "attributeTag", kind: kString, maxLen: 80, pattern: `^[a-zA-Z0-9_-]*$`},
		{path: "firstName", kind: kString},
		{path: "lastName", kind: kString},
		{path: "email", kind: kString},
		{path: "agentActive", kind: kBool},
		{path: "ciUserId", kind: kString},
	}}

// greetingPurposeResource: the purposes a greeting is for. Live they are read only
// (GET v2/greeting-purpose, beyond the spec); the sandbox seeds them.
var greetingPurposeResource = &resource{key: "greeting-purpose", entity: "greeting_purpose",
	noCreate: true, noDelete: true, bulk: []string{}, unique: &unique{field: "name"},
	fields: []field{{path: "name", kind: kString, req: true, maxLen: 80}, fDescription}}

// internalError is the nameless answer live gives a greeting create without a purpose
// and any greeting PATCH (wxcc-skills).
func internalError() *itemError {
	return newItemError(http.StatusConflict, "", "Internal error. Please contact Cisco Support Team")
}

func refuseGreeting(_ *state, item, old map[string]any) *itemError {
	if old == nil && str(item["greetingPurposeId"]) == "" {
		return internalError()
	}
	return nil
}

// handleConflictPatch serves PATCH agent-personal-greeting/{id} as live does.
func (s *Server) handleConflictPatch(w http.ResponseWriter, r *http.Request, _ params) {
	writeAPIError(w, r, internalError())
}

package sandbox

import (
	"encoding/base64"
	"net/http"
	"slices"
)

// AdminEmail is the sandbox's signed-in administrator.
const AdminEmail = "admin@example.com"

// webexID encodes a UUID the way Webex's identity APIs do: base64 of
// "ciscospark://us/<KIND>/<uuid>" without padding (api.md §1).
func webexID(kind, uuid string) string {
	return base64.RawStdEncoding.EncodeToString([]byte("ciscospark://us/" + kind + "/" + uuid))
}

// servePeopleMe is GET /v1/people/me: the administrator the token was issued to.
func (s *Server) servePeopleMe(w http.ResponseWriter, r *http.Request) {
	token, _ := bearer(r) // the identity host answers 401 either way
	g, ok := s.sess.check(token, s.now())
	switch {
	case r.Method != http.MethodGet:
		webexError(w, http.StatusMethodNotAllowed, "Use GET.")
	case !ok:
		webexError(w, http.StatusUnauthorized, "The request requires a valid access token set in the Authorization request header.")
	case !slices.Contains(g.scopes, "spark:people_read"):
		webexError(w, http.StatusForbidden, "The access token lacks the scope spark:people_read.")
	default:
		writeJSON(w, http.StatusOK, map[string]any{
			"id":          webexID("PEOPLE", nameUUID(s.org, "admin")),
			"emails":      []string{AdminEmail},
			"displayName": "Sandbox Admin",
			"firstName":   "Sandbox",
			"lastName":    "Admin",
			"orgId":       webexID("ORGANIZATION", s.org),
			"type":        "person",
		})
	}
}

// webexError answers in the shape of the Webex platform APIs (not the config API's).
func webexError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]any{
		"message":    message,
		"errors":     []map[string]string{{"description": message}},
		"trackingId": "ROUTER_" + newUUID(),
	})
}

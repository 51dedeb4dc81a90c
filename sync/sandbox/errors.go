package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// apiMessage is one entry of error.message in the config API's error body.
type apiMessage struct {
	Description string `json:"description"`
	Code        string `json:"code,omitempty"`
	Entity      string `json:"entity,omitempty"`
}

// refInfo names an object that refers to another, as incoming-references lists it (the
// spec's EntityInfo); Type is the referring object type, kept out of the JSON.
type refInfo struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Type string `json:"-"`
}

// apiErrorResponse is the config API's ApiErrorResponse (api.md §8.1), used both for a
// failed request and inside a failed bulk item.
type apiErrorResponse struct {
	TrackingID string      `json:"trackingId"`
	Error      apiErrorKey `json:"error"`
}

type apiErrorKey struct {
	Key     string       `json:"key,omitempty"`
	Reason  string       `json:"reason,omitempty"`
	Message []apiMessage `json:"message,omitempty"`
	// ReferencedEntities: the only field of a referenced delete's 412 (referredError).
	ReferencedEntities []string `json:"referencedEntities,omitempty"`
}

// itemError is why one object could not be saved or deleted: a status and the messages,
// or, for a delete that something blocks, the types of what still refers to it.
type itemError struct {
	status     int
	msgs       []apiMessage
	referenced []string
}

func newItemError(status int, entity string, descriptions ...string) *itemError {
	e := &itemError{status: status}
	for _, d := range descriptions {
		e.msgs = append(e.msgs, apiMessage{Description: d, Code: strconv.Itoa(status), Entity: entity})
	}
	return e
}

// body renders the error as an ApiErrorResponse with a fresh trackingId. The reason is
// the messages themselves, as live tenants give it ({apiError:{error:{reason}}},
// live-api.md); message[] keeps them one by one, as the spec's ErrorDetails has them.
func (e *itemError) body() *apiErrorResponse {
	if e.referenced != nil {
		return &apiErrorResponse{TrackingID: trackingID(), Error: apiErrorKey{ReferencedEntities: e.referenced}}
	}
	reason := http.StatusText(e.status)
	if len(e.msgs) > 0 {
		ds := make([]string, len(e.msgs))
		for i, m := range e.msgs {
			ds[i] = m.Description
		}
		reason = strings.Join(ds, "; ")
	}
	return &apiErrorResponse{
		TrackingID: trackingID(),
		Error:      apiErrorKey{Key: strconv.Itoa(e.status), Reason: reason, Message: e.msgs},
	}
}

// writeJSON writes v as the JSON body of a response with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if v == nil {
		return
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// writeAPIError answers a whole request with the config API's error body. A TrackingID
// request header is used as the trackingId, as the API does for correlation.
func writeAPIError(w http.ResponseWriter, r *http.Request, e *itemError) {
	b := e.body()
	if id := r.Header.Get("TrackingID"); id != "" && len(id) <= 200 {
		b.TrackingID = id
	}
	w.Header().Set("TrackingID", b.TrackingID)
	writeJSON(w, e.status, b)
}

// writeFail is writeAPIError for a single message.
func writeFail(w http.ResponseWriter, r *http.Request, status int, description string) {
	writeAPIError(w, r, newItemError(status, "", description))
}

// writeGateway429 answers like the API gateway does when the rate limit is exceeded:
// Retry-After in whole seconds and no body (Cisco's "Common API errors": "The 429
// response will have proper CORS headers, but will not have a body").
func writeGateway429(w http.ResponseWriter, retryAfterSeconds int) {
	w.Header().Set("Retry-After", strconv.Itoa(retryAfterSeconds))
	w.WriteHeader(http.StatusTooManyRequests)
}

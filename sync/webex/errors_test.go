package webex

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestDecodeErrorShapes(t *testing.T) {
	tests := []struct {
		file    string
		status  int
		header  string // TrackingID header
		wantMsg string // what a user sees on the row
		wantErr string // the whole error
	}{
		{"config-api.json", 400, "", `Invalid request; name: must match "^[a-zA-Z\d-_\s]+$"`,
			`POST /organization/o1/site: 400 Bad Request: Invalid request; name: must match "^[a-zA-Z\d-_\s]+$" (trackingId ccconfig_af9eecc5-0472-4549-9a83-2afdae0d4ba0)`},
		{"referenced.json", 412, "", "Resource referred in other entity(s); Team is referenced (referenced by: Sales Queue, Support Queue)",
			"POST /organization/o1/site: 412 Precondition Failed: Resource referred in other entity(s); Team is referenced (referenced by: Sales Queue, Support Queue) (trackingId ccconfig_0b1c)"},
		// live (wxcc-skills, "confirmed live on a 412"): only the referencing types.
		{"referenced-live.json", 412, "t-412", "Referenced by other objects: user, team",
			"POST /organization/o1/site: 412 Precondition Failed: Referenced by other objects: user, team (trackingId t-412)"},
		{"api-error-4xx.json", 403, "", "Access denied for the user; cjp:config_write scope is missing",
			"POST /organization/o1/site: 403 Forbidden: Access denied for the user; cjp:config_write scope is missing (trackingId WXCC_123)"},
		{"gateway-429.json", 429, "", "Too many requests",
			"POST /organization/o1/site: 429 Too Many Requests: Too many requests (trackingId GTWY_f00d)"},
		{"identity.json", 404, "", "The requested resource could not be found.",
			"POST /organization/o1/site: 404 Not Found: The requested resource could not be found. (trackingId ROUTER_6743D0C1)"},
		{"oauth.json", 400, "", "The refresh token provided is expired, revoked, malformed, or invalid.",
			"POST /organization/o1/site: 400 Bad Request: The refresh token provided is expired, revoked, malformed, or invalid."},
		{"plain.txt", 503, "tid-from-header", "upstream connect error or disconnect/reset before headers",
			"POST /organization/o1/site: 503 Service Unavailable: upstream connect error or disconnect/reset before headers (trackingId tid-from-header)"},
		{"html.html", 502, "", "Bad Gateway", "POST /organization/o1/site: 502 Bad Gateway"},
		{"no-reason.json", 409, "", "Similar entity is already present",
			"POST /organization/o1/site: 409 Conflict: Similar entity is already present"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", "errors", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			h := http.Header{}
			if tt.header != "" {
				h.Set("TrackingID", tt.header)
			}
			e := DecodeError(tt.status, h, body)
			e.Method, e.Path = "POST", "/organization/o1/site"
			if got := e.Message(); got != tt.wantMsg {
				t.Errorf("Message() = %q\nwant        %q", got, tt.wantMsg)
			}
			if got := e.Error(); got != tt.wantErr {
				t.Errorf("Error() = %q\nwant      %q", got, tt.wantErr)
			}
		})
	}
}

// The live 412 of a referenced delete names the referencing types: they are kept for
// whoever explains the refusal, not only shown.
func TestLive412ReferencedEntitiesDecoded(t *testing.T) {
	e := DecodeError(412, nil, []byte(`{"error":{"referencedEntities":["user"]}}`))
	if len(e.ReferencedBy) != 1 || e.ReferencedBy[0] != "user" || e.Message() != "Referenced by other objects: user" {
		t.Errorf("ReferencedBy %v, Message %q", e.ReferencedBy, e.Message())
	}
	e = DecodeError(412, nil, []byte(`{"error":{"reason":"Entity is referenced","referencedEntities":["team"]}}`))
	if e.Message() != "Entity is referenced; Referenced by other objects: team" {
		t.Errorf("with a reason: %q", e.Message())
	}
}

func TestDecodeErrorOddBodies(t *testing.T) {
	tests := []struct {
		name, body string
		want       string
	}{
		{"empty", "", "500 Internal Server Error"},
		{"null", "null", "500 Internal Server Error"},
		{"array", `["a"]`, "500 Internal Server Error"},
		{"numbers as key", `{"error":{"key":500,"reason":"boom"}}`, "500 Internal Server Error: boom"},
		{"messages map", `{"errors":{"name":"is required"}}`, "500 Internal Server Error: name: is required"},
		{"not utf-8", "\xff\xfe", "500 Internal Server Error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DecodeError(500, nil, []byte(tt.body)).Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAPIErrorRetryAfterShown(t *testing.T) {
	e := &APIError{Status: 429, RetryAfter: 90 * time.Second}
	if got, want := e.Error(), "429 Too Many Requests (retry after 1m30s)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !e.Temporary() || (&APIError{Status: 404}).Temporary() {
		t.Error("Temporary() wrong")
	}
}

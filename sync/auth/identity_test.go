package auth

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestDecodeOrgID(t *testing.T) {
	const uuid = "1eb65fdf-9643-417f-9974-ad72cae0e10f"
	webexID := base64.StdEncoding.EncodeToString([]byte("ciscospark://us/ORGANIZATION/" + uuid))
	tests := []struct {
		name, in, want, err string
	}{
		{"padded", webexID, uuid, ""},
		{"without padding", strings.TrimRight(webexID, "="), uuid, ""},
		{"url alphabet", base64.RawURLEncoding.EncodeToString([]byte("ciscospark://eu/ORGANIZATION/" + uuid)), uuid, ""},
		{"plain uuid", strings.ToUpper(uuid), uuid, ""},
		{"the doc's example", "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE",
			"96abc2aa-3dcc-11e5-a152-fe34819cdc9a", ""},
		{"a person, not an org", base64.StdEncoding.EncodeToString([]byte("ciscospark://us/PEOPLE/" + uuid)), "", "which names no organization"},
		{"garbage", "not an id", "", "is neither a UUID nor a Webex id"},
		{"empty", "", "", "is neither a UUID nor a Webex id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeOrgID(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestIdentityString(t *testing.T) {
	tests := []struct {
		id   Identity
		want string
	}{
		{Identity{"Ada Lovelace", "ada@example.com", "o1"}, "Ada Lovelace <ada@example.com>, organization o1"},
		{Identity{"", "ada@example.com", "o1"}, "ada@example.com, organization o1"},
		{Identity{"Ada", "", "o1"}, "Ada, organization o1"},
	}
	for _, tt := range tests {
		if got := tt.id.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

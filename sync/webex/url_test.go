package webex

import (
	"strings"
	"testing"
)

func TestCheckBaseURL(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"https://api.wxcc-us1.cisco.com", "https://api.wxcc-us1.cisco.com", ""},
		{"https://webexapis.com/", "https://webexapis.com", ""},
		{" https://example.com/base/ ", "https://example.com/base", ""},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", ""},
		{"http://127.4.5.6:1", "http://127.4.5.6:1", ""},
		{"http://localhost:9000", "http://localhost:9000", ""},
		{"http://[::1]:9000", "http://[::1]:9000", ""},
		{"http://api.wxcc-us1.cisco.com", "", "HTTPS is required"},
		{"http://10.0.0.1:8080", "", "HTTPS is required"},
		{"http://localhost.evil.com", "", "HTTPS is required"},
		{"ftp://example.com", "", `scheme "ftp" is not supported`},
		{"https://user:pw@example.com", "", "must not contain a user name or password"},
		{"https://example.com?x=1", "", "must not contain a query"},
		{"example.com", "", "has no host name"},
		{"https://", "", "has no host name"},
		{"://", "", "is not a valid URL"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			u, err := CheckBaseURL(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.err)
				}
				if strings.Contains(err.Error(), "pw") {
					t.Errorf("error shows the password: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if u.String() != tt.want {
				t.Errorf("got %s, want %s", u, tt.want)
			}
		})
	}
}

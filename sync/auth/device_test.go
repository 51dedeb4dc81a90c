package auth

import (
	"context"
	"strings"
	"testing"
)

func TestSignInDevice(t *testing.T) {
	tests := []struct {
		name    string
		pending int
		deny    string
		want    string
	}{
		{name: "428 while pending, then tokens", pending: 1},
		{name: "denied", deny: "access_denied",
			want: "device sign-in to test: the identity server answered 400 Bad Request: The user denied the request [access_denied]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeIdP(t)
			f.pendingPolls, f.deny = tt.pending, tt.deny
			a, _ := newTestAuth(t, f, Options{})
			var code, where string
			s, err := a.SignInDevice(context.Background(), func(c, u string) { code, where = c, u })
			if code != "ABCD-1234" || where != f.srv.URL+"/verify?userCode=ABCD-1234" {
				t.Errorf("shown %q at %q", code, where)
			}
			if tt.want != "" {
				if err == nil || err.Error() != tt.want {
					t.Fatalf("error = %v\nwant    %s", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.devicePolls != tt.pending+1 {
				t.Errorf("%d polls, want %d", f.devicePolls, tt.pending+1)
			}
			if s.Identity.OrgID != fakeOrgUUID {
				t.Errorf("identity %+v", s.Identity)
			}
			if saved, ok := savedBundle(t, "test"); !ok || saved.RefreshToken == "" {
				t.Error("device sign-in not saved")
			}
		})
	}
}

func TestSignInDeviceCancelled(t *testing.T) {
	f := newFakeIdP(t)
	f.pendingPolls = 1000
	a, _ := newTestAuth(t, f, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	_, err := a.SignInDevice(ctx, func(string, string) { cancel() })
	if err == nil || !strings.HasPrefix(err.Error(), "sign-in cancelled") {
		t.Fatalf("error = %v", err)
	}
}

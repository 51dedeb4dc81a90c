package auth

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProfileValidate(t *testing.T) {
	webexP, _ := WebexProfile("Acme EU", "eu2", "C1")
	tests := []struct {
		name string
		p    Profile
		err  string
	}{
		{"webex", webexP, ""},
		{"embedded without address", EmbeddedProfile(), ""},
		{"embedded on loopback", EmbeddedProfile().WithAddress("http://127.0.0.1:8085", "bulkops-desktop"), ""},
		{"sandbox on localhost", Profile{Name: "lab", Kind: KindSandbox, ClientID: "c"}.WithAddress("http://localhost:8085", ""), ""},
		{"sandbox on the LAN over http", Profile{Name: "lab", Kind: KindSandbox, ClientID: "c"}.WithAddress("http://192.168.1.5:8085", ""),
			`profile "lab", identity host: address http://192.168.1.5:8085: HTTPS is required`},
		{"sandbox on the LAN over https", Profile{Name: "lab", Kind: KindSandbox, ClientID: "c"}.WithAddress("https://192.168.1.5:8085", ""), ""},
		{"webex over http", Profile{Name: "x", Kind: KindWebex, ClientID: "c", IdentityURL: "http://webexapis.com", APIURL: "https://api.wxcc-us1.cisco.com"},
			"HTTPS is required"},
		{"no client id", Profile{Name: "x", Kind: KindWebex, IdentityURL: WebexIdentityURL, APIURL: "https://api.wxcc-us1.cisco.com"},
			`profile "x": the client id is missing`},
		{"slash in name", Profile{Name: "a/b", Kind: KindEmbedded}, `profile name "a/b"`},
		{"empty name", Profile{Kind: KindEmbedded}, `profile name ""`},
		{"unknown kind", Profile{Name: "x", Kind: "ftp"}, `unknown kind "ftp"`},
		{"port 0 for webex", Profile{Name: "x", Kind: KindWebex, ClientID: "c", IdentityURL: WebexIdentityURL,
			APIURL: "https://api.wxcc-us1.cisco.com", RedirectPorts: []int{0}}, "redirect port 0 is not valid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("Validate() = %v, want %q", err, tt.err)
			}
		})
	}
}

func TestWebexProfile(t *testing.T) {
	p, err := WebexProfile("Acme", " EU2 ", " C1 ")
	if err != nil {
		t.Fatal(err)
	}
	if p.APIURL != "https://api.wxcc-eu2.cisco.com" || p.IdentityURL != "https://webexapis.com" || p.ClientID != "C1" || p.Region != "eu2" {
		t.Errorf("profile %+v", p)
	}
	want := []string{"http://127.0.0.1:53682/callback", "http://127.0.0.1:53683/callback", "http://127.0.0.1:53684/callback"}
	if got := p.RedirectURIs(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("RedirectURIs() = %v", got)
	}
	if p.String() != "Acme (Webex eu2)" {
		t.Errorf("String() = %q", p)
	}
	if _, err := WebexProfile("Acme", "evil.com/x", "C1"); err == nil || !strings.Contains(err.Error(), `region "evil.com/x" has no known public`) {
		t.Errorf("bad region: %v", err)
	}
}

func TestProfileSetFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("BULKOPS_HOME", dir)
	set, err := LoadProfiles()
	if err != nil {
		t.Fatal(err)
	}
	if set.Current != EmbeddedName || len(set.Profiles) != 1 || set.Active().Kind != KindEmbedded {
		t.Fatalf("default set %+v", set)
	}
	acme, _ := WebexProfile("Acme", "us1", "C1")
	if err := set.Put(acme); err != nil {
		t.Fatal(err)
	}
	if err := set.Use("Acme"); err != nil {
		t.Fatal(err)
	}
	if err := set.Save(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, ProfilesFile)
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("profiles file: %v %v", info, err)
	}
	again, err := LoadProfiles()
	if err != nil {
		t.Fatal(err)
	}
	if again.Active().APIURL != "https://api.wxcc-us1.cisco.com" || len(again.Profiles) != 2 {
		t.Errorf("reloaded %+v", again)
	}
	if err := again.Remove("Acme"); err != nil || again.Current != EmbeddedName {
		t.Errorf("Remove: %v, current %q", err, again.Current)
	}
	for _, bad := range []func() error{
		func() error { return again.Remove(EmbeddedName) },
		func() error { return again.Use("nope") },
		func() error {
			return again.Put(Profile{Name: EmbeddedName, Kind: KindSandbox, ClientID: "c", IdentityURL: "http://127.0.0.1:1", APIURL: "http://127.0.0.1:1"})
		},
	} {
		if bad() == nil {
			t.Error("accepted")
		}
	}
}

func TestLoadProfilesErrorsNameTheFile(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"bad json", `{"profiles": [`, "not valid JSON"},
		{"insecure host", `{"profiles":[{"name":"x","kind":"webex","clientId":"c","identityUrl":"http://webexapis.com","apiUrl":"https://a.example"}]}`,
			"entry 1: profile \"x\", identity host: address http://webexapis.com: HTTPS is required"},
		{"duplicate", `{"profiles":[{"name":"sandbox","kind":"sandbox-embedded"},{"name":"sandbox","kind":"sandbox-embedded"}]}`,
			`entry 2: the name "sandbox" is used twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "profiles.json")
			os.WriteFile(path, []byte(tt.content), 0o600)
			_, err := LoadProfilesFile(path)
			if err == nil || !strings.Contains(err.Error(), "profiles "+path) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want the file and %q", err, tt.want)
			}
		})
	}
	// A profile in use that disappeared falls back to the sandbox.
	path := filepath.Join(t.TempDir(), "profiles.json")
	os.WriteFile(path, []byte(`{"current":"gone","profiles":[]}`), 0o600)
	set, err := LoadProfilesFile(path)
	if err != nil || set.Current != EmbeddedName {
		t.Errorf("%+v %v", set, err)
	}
}

// Cisco's SDK names api.wxcc-in1.cisco.com (India): it is offered like the others, and
// a region without a known host is refused with a message that says what to do.
func TestIndiaRegionFromCiscoSDK(t *testing.T) {
	var codes []string
	for _, r := range Regions {
		codes = append(codes, r.Code)
	}
	if got := strings.Join(codes, ","); got != "us1,eu1,eu2,anz1,ca1,jp1,sg1,in1" {
		t.Errorf("regions %s", got)
	}
	in, err := WebexProfile("India", "in1", "C1")
	if err != nil || in.APIURL != "https://api.wxcc-in1.cisco.com" || in.Region != "in1" {
		t.Errorf("in1: %+v %v", in, err)
	}
	if err := in.Validate(); err != nil {
		t.Errorf("saved in1 profile: %v", err)
	}
	_, err = WebexProfile("Mars", "mars1", "C1")
	if err == nil || !strings.Contains(err.Error(), `region "mars1" has no known public Webex Contact Center host`) ||
		!strings.Contains(err.Error(), "custom URL") {
		t.Errorf("mars1: %v", err)
	}
	p, err := WebexProfileAt("Custom", "https://api.wxcc-xx9.example.com/", "C1")
	if err != nil || p.APIURL != "https://api.wxcc-xx9.example.com" || p.Region != "" {
		t.Errorf("custom URL: %+v %v", p, err)
	}
	if _, err := WebexProfileAt("Plain", "http://api.example.com", "C1"); err == nil {
		t.Error("a custom URL that is not HTTPS was accepted")
	}
}

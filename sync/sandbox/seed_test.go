package sandbox

import (
	"strings"
	"testing"
)

func TestDemoSeed(t *testing.T) {
	org := newUUID()
	st, err := seed(org, SeedDemo, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"multimedia-profile": 3, "site": 3, "team": 8, "work-type": 2, "auxiliary-code": 8, "skill": 6,
		"skill-profile": 3, "entry-point": 7, "contact-service-queue": 6, "agent-profile": 3, "user-profile": 4,
		"audio-file": 5, "user": 300, "dial-number": 4, "address-book": 1, "address-book-entry": 3, "outdial-ani": 1,
		"greeting-purpose": 1, "agent-personal-greeting": 2, "contact-number": 3, "resource-collection": 1}
	for key, n := range want {
		if got := len(st.tables[key].recs); got != n {
			t.Errorf("%d %s objects, want %d", got, key, n)
		}
	}
	types := map[string]bool{}
	for _, rec := range st.tables["skill"].recs {
		types[strings.ToUpper(str(rec.obj["skillType"]))] = true
	}
	if len(types) != 4 {
		t.Errorf("skill types %v, want all four", types)
	}
	// Every reference points to an object that exists, and every agent is in a team.
	for _, r := range resources {
		for _, rec := range st.tables[r.key].recs {
			for _, f := range r.fields {
				for _, v := range values(rec.obj, f.path) {
					if f.ref != "" && !st.exists(f.ref, v.(string)) {
						t.Errorf("%s %s: %s %v does not exist", r.key, displayName(rec.obj), f.path, v)
					}
				}
			}
		}
	}
	emails := map[string]bool{}
	for _, rec := range st.tables["user"].recs {
		emails[str(rec.obj["email"])] = true
		if len(rec.obj["teamIds"].([]any)) != 1 {
			t.Errorf("user %s is in %v", rec.obj["email"], rec.obj["teamIds"])
		}
	}
	if len(emails) != 300 || !emails["anna.novak@example.com"] {
		t.Errorf("%d distinct emails", len(emails))
	}
	for blob := range st.blobs {
		if !isWAV(st.blobs[blob]) {
			t.Errorf("seeded audio %s is not a WAV", blob)
		}
	}
	// The same organization id gives the same ids.
	again, _ := seed(org, SeedDemo, 2)
	for id := range st.tables["user"].recs {
		if again.tables["user"].recs[id] == nil {
			t.Fatal("the demo seed is not deterministic")
		}
	}
}

func TestEmptySeed(t *testing.T) {
	st, err := seed(newUUID(), SeedEmpty, 1)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, tb := range st.tables {
		total += len(tb.recs)
	}
	if total != 4 || len(st.tables["work-type"].recs) != 2 || len(st.tables["greeting-purpose"].recs) != 1 || len(st.tables["desktop-layout"].recs) != 1 {
		t.Errorf("the empty organization holds %d objects, want the 2 default work types, the Default greeting purpose and the Global Layout", total)
	}
}

func TestOptionsChecked(t *testing.T) {
	for name, opt := range map[string]Options{
		"seed":         {Seed: "full"},
		"org id":       {OrgID: "org-1"},
		"rate":         {Rate: -1},
		"faults":       {Faults: Faults{Error500: 2}},
		"client id":    {Clients: []Client{{ID: ""}}},
		"redirect URI": {Clients: []Client{{ID: "x", RedirectURIs: []string{"/relative"}}}},
	} {
		if _, err := New(opt); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	s, err := New(Options{Seed: SeedEmpty, Clients: []Client{{ID: "a", Secret: "s3"}, {ID: "b"}}})
	if err != nil {
		t.Fatal(err)
	}
	if cs := s.Clients(); cs[0].Secret != "s3" || len(cs[1].Secret) < 20 || s.Client().ID != "a" {
		t.Errorf("clients: given secret kept, missing one generated: %q %d", cs[0].Secret, len(cs[1].Secret))
	}
}

package sandbox

import "testing"

// TestSimilarNameNormalized: a team named "Zoë Team" typed with the combining diaeresis
// (NFD) is the same name as one typed with ë (NFC), as case is: the sandbox refuses the
// second as a similar entity, by the rule the sheets' duplicate check follows.
func TestSimilarNameNormalized(t *testing.T) {
	c := newTC(t, Options{})
	prague := c.idOf("v2/site", "name", "Prague")
	team := func(name string) map[string]any {
		return map[string]any{"name": name, "teamType": "AGENT", "teamStatus": "IN_SERVICE", "active": true,
			"siteId": prague, "rankQueuesForTeam": false}
	}
	if r := c.bulk("POST", "team/bulk", save(3, team("Zo\u00eb Team")))[0]; num(r["status"]) != 201 && num(r["status"]) != 200 {
		t.Fatalf("first team: %v", r)
	}
	for _, name := range []string{"Zoe\u0308 Team", "ZOË TEAM"} {
		r := c.bulk("POST", "team/bulk", save(3, team(name)))[0]
		if num(r["status"]) != 409 {
			t.Errorf("%q: status %v, want 409 Similar entity: %v", name, r["status"], r)
		}
	}
}

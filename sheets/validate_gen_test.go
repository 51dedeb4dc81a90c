package sheets

import (
	"strconv"
	"testing"
)

var vUserHeader = []string{"Email", "User Profile", "Contact Center Enabled", "Site", "Teams", "Skill Profile",
	"Desktop Profile", "Multimedia Profile", "External Id", "Default DN"}

// vUsers generates a user sheet of n valid records, as a migration would produce: every
// third user on each of three sites, two teams each.
func vUsers(t testing.TB, n int) *Sheet {
	s := vSheet(t, "user", "users.csv", vUserHeader)
	sites := []string{"Prague", "Brno", "Ostrava"}
	s.Rows = make([]Row, n)
	for i := range s.Rows {
		id := strconv.Itoa(i)
		s.Rows[i].Cells = []string{"agent" + id + "@example.com", "Agent Profile", "On", sites[i%3],
			"Sales " + sites[i%3] + "|Support", "", "Desk " + sites[i%3], "", "ext-" + id, "+420 222 " + id}
	}
	return s
}

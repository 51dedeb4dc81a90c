package sheets

import (
	"strings"
	"testing"
)

// TestNamesCompareAsTheOrganization: two teams "Zoë Team" (one typed NFC, one NFD) and
// "Case Team" / "CASE TEAM" are one name to the organization (it refuses the second as a
// "similar entity", or creates two teams that look the same), so they are duplicates
// here too, in the window's check and in the streamed one; a name over two lines is
// refused.
func TestNamesCompareAsTheOrganization(t *testing.T) {
	text := "Name,Site,Type\n" +
		"Zo\u00eb Team,S,AGENT\n" +
		"Case Team,S,AGENT\n" +
		"Zoe\u0308 Team,S,AGENT\n" +
		"CASE TEAM,S,AGENT\n" +
		"\"Two\nLines\",S,AGENT\n"
	s := mustRead(t)(ReadCSV(strings.NewReader(text), "teams.csv", ReadOptions{}))
	got := vLines(Validate([]*Sheet{s}, nil))
	for _, want := range []string{
		`teams.csv:2:Name: error: Name "Zoë Team" with Site "S" is also on row 4`,
		"teams.csv:4:Name: error: Name \"Zoe\u0308 Team\" with Site \"S\" is already on row 2",
		`teams.csv:3:Name: error: Name "Case Team" with Site "S" is also on row 5`,
		`teams.csv:5:Name: error: Name "CASE TEAM" with Site "S" is already on row 3`,
		`teams.csv:6:Name: error: Name "Two\nLines" holds a line break at character 4; a name is one line of text`,
	} {
		if !containsPrefix(got, want) {
			t.Errorf("no finding %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
	compareStreamCheck(t, "names", []*Sheet{s}, nil)
}

func containsPrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

package sheets

import (
	"testing"
)

// TestValidateFixtures checks real CSV files, one per object type family, each with good
// rows and bad ones; the findings are what a user sees, in order.
func TestValidateFixtures(t *testing.T) {
	mm := Known{"multimedia_profile": {"Blended MM"}}
	tests := []struct {
		name  string
		files []string // the set checked together
		known Known
		file  string // whose findings are compared
		want  []string
	}{{
		name:  "sites: required, pattern, reference with did-you-mean",
		files: []string{"sites.csv", "multimedia_profiles.csv"}, known: mm, file: "sites.csv",
		want: []string{
			`sites.csv:4:Multimedia Profile: error: Multimedia Profile is required`,
			`sites.csv:5:Name: error: Name "Bad/Site" may contain only the letters A–Z without accents, digits, spaces, '-' and '_'`,
			`sites.csv:5:Multimedia Profile: error: Multimedia Profile "Blended" is not a multimedia profile in these sheets or the organization; did you mean "Blended MM"?`,
		},
	}, {
		name:  "sites: a reference to a type neither open nor known is not checked",
		files: []string{"sites.csv"}, file: "sites.csv",
		want: []string{
			`sites.csv:4:Multimedia Profile: error: Multimedia Profile is required`,
			`sites.csv:5:Name: error: Name "Bad/Site" may contain only the letters A–Z without accents, digits, spaces, '-' and '_'`,
		},
	}, {
		name:  "teams: conditional rules, enum did-you-mean, duplicate name+site, phone, min",
		files: []string{"sites.csv", "teams.csv"}, file: "teams.csv",
		want: []string{
			`teams.csv:2:Name: error: Name "Sales" with Site "Prague" is also on row 6: two teams with the same name and site would overwrite each other`,
			`teams.csv:3:Site: error: Site "Praha" is not a site in these sheets; did you mean "Prague"?`,
			`teams.csv:5:Multimedia Profile: error: Multimedia Profile must be empty when Type is CAPACITY`,
			`teams.csv:5:Skill Profile: error: Skill Profile must be empty when Type is CAPACITY`,
			`teams.csv:5:DN: error: DN is required when Type is CAPACITY`,
			`teams.csv:5:Capacity: error: Capacity is required when Type is CAPACITY`,
			`teams.csv:6:Name: error: Name "Sales" with Site "Prague" is already on row 2: a second team with the same name and site would overwrite the first`,
			`teams.csv:6:Type: error: Type must be AGENT or CAPACITY; did you mean AGENT?`,
			`teams.csv:7:DN: error: DN "12ab" is not a phone number: use digits, an optional leading +, and spaces, dashes, dots or brackets`,
			`teams.csv:7:Capacity: error: Capacity "0" must be at least 1`,
			`teams.csv:8:Type: error: Type must be AGENT or CAPACITY; did you mean AGENT?`,
		},
	}, {
		name:  "teams: sites known from the organization only",
		files: []string{"teams.csv"}, known: Known{"site": {"Prague", "Brno"}}, file: "teams.csv",
		want: []string{
			`teams.csv:2:Name: error: Name "Sales" with Site "Prague" is also on row 6: two teams with the same name and site would overwrite each other`,
			`teams.csv:3:Site: error: Site "Praha" is not a site in the organization; did you mean "Prague"?`,
			`teams.csv:5:Multimedia Profile: error: Multimedia Profile must be empty when Type is CAPACITY`,
			`teams.csv:5:Skill Profile: error: Skill Profile must be empty when Type is CAPACITY`,
			`teams.csv:5:DN: error: DN is required when Type is CAPACITY`,
			`teams.csv:5:Capacity: error: Capacity is required when Type is CAPACITY`,
			`teams.csv:6:Name: error: Name "Sales" with Site "Prague" is already on row 2: a second team with the same name and site would overwrite the first`,
			`teams.csv:6:Type: error: Type must be AGENT or CAPACITY; did you mean AGENT?`,
			`teams.csv:7:DN: error: DN "12ab" is not a phone number: use digits, an optional leading +, and spaces, dashes, dots or brackets`,
			`teams.csv:7:Capacity: error: Capacity "0" must be at least 1`,
			`teams.csv:8:Type: error: Type must be AGENT or CAPACITY; did you mean AGENT?`,
		},
	}, {
		name:  "users: e-mail, on/off, list references (Team and Team: Site), duplicates, requiredWhen",
		files: []string{"sites.csv", "teams.csv", "users.csv"}, file: "users.csv",
		want: []string{
			`users.csv:2:Email: error: Email "ann@example.com" is also on row 5: two users with the same email would overwrite each other`,
			`users.csv:3:Email: error: Email "bob@example" is not an e-mail address`,
			`users.csv:3:Contact Center Enabled: error: Contact Center Enabled "yes" must be ON or OFF`,
			`users.csv:4:User Profile: error: User Profile is required`,
			`users.csv:4:Teams: error: Teams has an empty item in its list "Sales: Brno|Sales: Prague||Sale"; separate items with a single |`,
			`users.csv:4:Teams: error: Teams: "Sale" is not a team in these sheets; did you mean "Sales"?`,
			`users.csv:5:Email: error: Email "ann@example.com" is already on row 2: a second user with the same email would overwrite the first`,
			`users.csv:5:Teams: warning: Teams lists "Sales" twice`,
			`users.csv:5:Desktop Profile: error: Desktop Profile is required when Teams is filled`,
			`users.csv:5:Default DN: error: Default DN "555-12x" is not a phone number: use digits, an optional leading +, and spaces, dashes, dots or brackets`,
			`users.csv:6:Desktop Profile: error: Desktop Profile is required when Site is filled`,
		},
	}, {
		name:  "users: teams known from the organization by name only; Team: Site is taken on trust",
		files: []string{"users.csv"}, known: Known{"team": {"Sales", "Support"}}, file: "users.csv",
		want: []string{
			`users.csv:2:Email: error: Email "ann@example.com" is also on row 5: two users with the same email would overwrite each other`,
			`users.csv:3:Email: error: Email "bob@example" is not an e-mail address`,
			`users.csv:3:Contact Center Enabled: error: Contact Center Enabled "yes" must be ON or OFF`,
			`users.csv:4:User Profile: error: User Profile is required`,
			`users.csv:4:Teams: error: Teams has an empty item in its list "Sales: Brno|Sales: Prague||Sale"; separate items with a single |`,
			`users.csv:4:Teams: error: Teams: "Sale" is not a team in the organization; did you mean "Sales"?`,
			`users.csv:5:Email: error: Email "ann@example.com" is already on row 2: a second user with the same email would overwrite the first`,
			`users.csv:5:Teams: warning: Teams lists "Sales" twice`,
			`users.csv:5:Desktop Profile: error: Desktop Profile is required when Teams is filled`,
			`users.csv:5:Default DN: error: Default DN "555-12x" is not a phone number: use digits, an optional leading +, and spaces, dashes, dots or brackets`,
			`users.csv:6:Desktop Profile: error: Desktop Profile is required when Site is filled`,
		},
	}, {
		name:  "queues: parent and child rows, sequence, time zones, a queue split in two",
		files: []string{"sites.csv", "teams.csv", "queues.csv"}, file: "queues.csv",
		want: []string{
			`queues.csv:2:Name: error: Name "Q Sales" is also on row 10: the rows of one queue must be next to each other`,
			`queues.csv:5:Timezone: error: Timezone "europe/prague" is not a time zone name such as America/New_York; did you mean "Europe/Prague"?`,
			`queues.csv:5:Skill-Based Agent Selection: error: Skill-Based Agent Selection is required when Routing Type is SKILLS_BASED`,
			`queues.csv:7:Distribution Group Seq: error: Distribution Group Seq 2 is already used on row 6 of queue "Q Chat"; number them 1 to 2`,
			`queues.csv:8:Max Time In Queue: error: Max Time In Queue "abc" is not a whole number`,
			`queues.csv:8:Timezone: error: Timezone "Europe/Prage" is not a time zone name such as America/New_York; did you mean "Europe/Prague"?`,
			`queues.csv:8:Distribution Group: error: Distribution Group goes on the rows that follow the first row of queue "Q Mail", one row each, not on the first row`,
			`queues.csv:9:: error: this row repeats queue "Q Mail" but fills none of Distribution Group, Distribution Group Seq, Group Fallback Time or Group Teams`,
			`queues.csv:9:Description: error: Description goes on the first row of queue "Q Mail" only; leave it empty on the rows that follow`,
			`queues.csv:10:Name: error: Name "Q Sales" is already on row 2: the rows of one queue must be next to each other`,
		},
	}, {
		name:  "skill profiles: child rows need a skill, enum of one value, name pattern",
		files: []string{"skill_profiles.csv"}, file: "skill_profiles.csv",
		want: []string{
			`skill_profiles.csv:4:Skill Name: error: Skill Name is required when Skill Values is filled`,
			`skill_profiles.csv:5:Skill Values: error: Skill Values is required when Skill Name is filled`,
			`skill_profiles.csv:7:Delete: error: Delete must be Yes, not "no"`,
			`skill_profiles.csv:8:Name: error: Name "Bad Name!" may contain only the letters A–Z without accents, digits, spaces, ',', '@', '_', '.' and '-'`,
		},
	}, {
		name:  "entry points: warnPattern, integer, min, requiredWhen and forbiddenWhen, length in characters",
		files: []string{"entry_points.csv"}, file: "entry_points.csv",
		want: []string{
			`entry_points.csv:3:Name: warning: Name "1st Line" does not follow the documented rule ^[A-Za-z][A-Za-z0-9 ]*$; Control Hub may refuse it`,
			`entry_points.csv:4:Name: warning: Name "Line_2" does not follow the documented rule ^[A-Za-z][A-Za-z0-9 ]*$; Control Hub may refuse it`,
			`entry_points.csv:4:Service Level Threshold: error: Service Level Threshold "-5" must be at least 0`,
			`entry_points.csv:4:Social Channel Type: error: Social Channel Type must be empty when Channel Type is TELEPHONY`,
			`entry_points.csv:5:Social Channel Type: error: Social Channel Type is required when Channel Type is SOCIAL CHANNEL`,
			`entry_points.csv:6:Service Level Threshold: error: Service Level Threshold "20.5" is not a whole number`,
			`entry_points.csv:7:Description: error: Description is 256 characters long; at most 255 are allowed`,
		},
	}, {
		name:  "multimedia profiles: ranges",
		files: []string{"multimedia_profiles.csv"}, file: "multimedia_profiles.csv",
		want: []string{
			`multimedia_profiles.csv:3:Voice: error: Voice "2" must be at most 1`,
			`multimedia_profiles.csv:3:Chat: error: Chat "6" must be at most 5`,
			`multimedia_profiles.csv:3:Email: error: Email "-1" must be at least 0`,
			`multimedia_profiles.csv:3:Social: error: Social "x" is not a whole number`,
			`multimedia_profiles.csv:4:Name: error: Name is required`,
		},
	}, {
		name:  "holiday lists: dates, times, enum lists, ranges",
		files: []string{"holidays.csv"}, file: "holidays.csv",
		want: []string{
			`holidays.csv:4:Start Date: error: Start Date "2026-04-31" is not a date written YYYY-MM-DD`,
			`holidays.csv:4:Start Time: error: Start Time "24:00" is not a time written HH:MM (00:00 to 23:59)`,
			`holidays.csv:4:End Time: error: End Time "9:00" is not a time written HH:MM (00:00 to 23:59)`,
			`holidays.csv:4:Repeat Every: error: Repeat Every is required when Frequency is Yearly`,
			`holidays.csv:4:Days Of Week: error: Days Of Week: "MOM" must be one of SUN, MON, TUE, WED, THU, FRI or SAT; did you mean MON?`,
			`holidays.csv:4:Day Of Month: error: Day Of Month "32" must be at most 31`,
		},
	}, {
		name:  "header: missing required column once per file, unknown column kept, repeated column",
		files: []string{"teams_columns.csv"}, file: "teams_columns.csv",
		want: []string{
			`teams_columns.csv:0:Type: error: required column "Type" is missing`,
			`teams_columns.csv:0:Colour: warning: column "Colour" is not a team column; it is kept as it is and not checked`,
			`teams_columns.csv:0:NAME: error: column "NAME" repeats column 1 ("Name"); only the first would be read, so delete one of them`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var set []*Sheet
			for _, f := range tt.files {
				set = append(set, vFixture(t, f))
			}
			vDiff(t, vLines(vOnly(Validate(set, tt.known), tt.file)), tt.want)
		})
	}
}

package jobs

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/webex"
)

// Export writes what the organization holds in the sheet's terms: names for ids (a team
// that shares its name with another as "Team: Site"), ON/OFF, the sheet's enum spelling,
// child rows for arrays, one value per skill by its type.
func TestExportWritesTheSheetsTerms(t *testing.T) {
	e := newEnv(t, envOptions{})
	tests := []struct {
		object string
		lines  []string // lines the export must hold
	}{
		{"site", []string{"Prague,Blended Digital", "Austin,Voice Only"}},
		{"team", []string{"Overflow,Austin,CAPACITY,,,+15125550123,10,"}},
		{"queue", []string{"Sales Queue,,,,,,,,,,,,,,,1,0,Sales: Prague|Sales: London"}},
		{"skill_profile", []string{"Support Agent,,Account Tier,Gold,", "Support Agent,,Technical Support,8,", "Czech Support,,Czech,true,"}},
		{"auxiliary_code", []string{"Lunch,Lunch (idle),ON,Default Idle Work Type"}},
		{"outdial_ani", []string{"Main ANIs,,Prague Main,+420225000100,ON"}},
		{"desktop_profile", []string{"Supervisor Desktop,Desktop of supervisors,,ON,OFF,MANUAL,"}},
	}
	for _, tt := range tests {
		s, err := Export(context.Background(), e.api, mustObject(t, tt.object))
		if err != nil {
			t.Fatal(err)
		}
		text := sheetText(t, s)
		for _, l := range tt.lines {
			if !strings.Contains(text, l) {
				t.Errorf("%s export lacks %q:\n%s", tt.object, l, text)
			}
		}
	}
	if _, err := Export(context.Background(), e.api, mustObject(t, "audio_file")); err == nil {
		t.Error("exporting audio files as a sheet: no error")
	}
}

// Export, edit a few cells, submit: the organization has the edits and keeps everything
// the sheet does not say.
func TestExportEditSubmit(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	q, err := Export(ctx, e.api, mustObject(t, "queue"))
	if err != nil {
		t.Fatal(err)
	}
	q = only(q, "Sales Queue")
	setCell(t, q, 0, "Max Time In Queue", "1800")
	setCell(t, q, 0, "Recording Pause Duration", "10")
	setCell(t, q, 1, "Group Teams", "Sales: Prague")
	q.Rows = append(q.Rows, sheets.Row{Cells: make([]string, len(q.Columns))})
	setCell(t, q, 2, "Name", "Sales Queue")
	setCell(t, q, 2, "Distribution Group Seq", "2")
	setCell(t, q, 2, "Group Fallback Time", "60")
	setCell(t, q, 2, "Group Teams", "Retention")
	j := e.submitRun("queue", e.packSheet(q))
	if j.Status != Completed || j.Total != 3 {
		t.Fatalf("queue job: %s, %d rows:\n%s", j.Status, j.Total, e.errorCSV(j.ID))
	}
	got := e.object("queue", "Sales Queue")
	if got["maxTimeInQueue"] != json.Number("1800") || got["recordingPauseDuration"] != json.Number("10") || got["description"] != "Sales Queue" || got["queueRoutingType"] != "TEAM_BASED" {
		t.Errorf("queue after the edit: maxTimeInQueue %v, description %v, queueRoutingType %v",
			got["maxTimeInQueue"], got["description"], got["queueRoutingType"])
	}
	groups := jsonText(got["callDistributionGroups"])
	want := `[{"agentGroups":[{"teamId":"` + e.id("team", "Sales: Prague") + `"}],"duration":0,"order":1},` +
		`{"agentGroups":[{"teamId":"` + e.id("team", "Retention") + `"}],"duration":60,"order":2}]`
	if groups != want {
		t.Errorf("distribution groups:\n%s\nwant\n%s", groups, want)
	}
}

// A skill profile row adds or changes one skill and leaves the others; Delete = Yes
// removes one; an enum skill's value goes to activeEnumSkills by the value's id.
func TestSkillProfileRowsMergeSkills(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := "Name,Description,Skill Name,Skill Values,Delete\n" +
		"Sales Agent,Sales people,,,\n" +
		"Sales Agent,,Account Tier,silver,\n" +
		"Sales Agent,,English,true,Yes\n" +
		"Sales Agent,,Sales Expertise,9,\n" +
		"Night Shift,,,,\n" +
		"Night Shift,,Czech,true,\n" +
		"Bad Tier,,,,\n" +
		"Bad Tier,,Account Tier,Platnum,\n" +
		"Typo Tier,,,,\n" +
		"Typo Tier,,Account Tier,Silvr,\n"
	j := e.submitRun("skill_profile", e.pack("skill_profile", csv))
	if j.Succeeded != 6 || j.Failed != 4 {
		t.Fatalf("job: %s, %d succeeded, %d failed:\n%s", j.Status, j.Succeeded, j.Failed, e.errorCSV(j.ID))
	}
	sales := e.object("skill_profile", "Sales Agent")
	if s := jsonText(sales["activeSkills"]); !strings.Contains(s, `"proficiencyValue":9`) || strings.Contains(s, e.id("skill_definition", "English")) {
		t.Errorf("Sales Agent skills: %s", s)
	}
	if s := jsonText(sales["activeEnumSkills"]); !strings.Contains(s, e.enumValueID("Account Tier", "Silver")) {
		t.Errorf("Sales Agent enum skills: %s", s)
	}
	if sales["description"] != "Sales people" {
		t.Errorf("description: %v", sales["description"])
	}
	want := `"Platnum" is not a value of skill "Account Tier"; its values are Bronze, Gold, Silver`
	typo := `"Silvr" is not a value of skill "Account Tier" (did you mean "Silver"?)`
	for _, w := range []string{want, typo} {
		if !strings.Contains(e.errorCSV(j.ID), strings.ReplaceAll(w, `"`, `""`)) {
			t.Errorf("error file lacks %s:\n%s", w, e.errorCSV(j.ID))
		}
	}
}

// Users are only updated (PATCH user/bulk); a row for an e-mail the organization does
// not have fails with Control Hub's advice.
func TestUsersAreUpdatedOnly(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := "Email,User Profile,Contact Center Enabled,Site,Teams,Desktop Profile\n" +
		"anna.brown@example.com,Supervisor,ON,London,Retention|Support: London,Agent Default\n" +
		"nobody@example.com,Supervisor,ON,London,Retention,Agent Default\n"
	j := e.submitRun("user", e.pack("user", csv))
	if j.Succeeded != 1 || j.Failed != 1 {
		t.Fatalf("job: %d succeeded, %d failed:\n%s", j.Succeeded, j.Failed, e.errorCSV(j.ID))
	}
	rows, _ := e.store.Rows(context.Background(), j.ID, Fail)
	if want := "user nobody@example.com does not exist in the organization; create them in Control Hub first"; rows[0].Message != want || rows[0].Column != "Email" {
		t.Errorf("failed row: %q on %q; want %q on Email", rows[0].Message, rows[0].Column, want)
	}
	u := e.object("user", "anna.brown@example.com")
	if got, want := jsonText(u["teamIds"]), `["`+e.id("team", "Retention")+`","`+e.id("team", "Support: London")+`"]`; got != want {
		t.Errorf("teamIds %s, want %s", got, want)
	}
	if u["externalIdentifier"] != "EMP0101" {
		t.Errorf("the PATCH lost a field the sheet does not have: externalIdentifier %v", u["externalIdentifier"])
	}
}

// object reads the object of type key whose key field is name, whole.
func (e *env) object(key, name string) webex.Object {
	e.t.Helper()
	o := mustObject(e.t, key)
	id := e.id(key, name)
	obj, err := e.api.Get(context.Background(), pathOf(o.API.Get), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return obj
}

// id resolves a name (or e-mail) of type key as a sheet would write it.
func (e *env) id(key, name string) string {
	e.t.Helper()
	ent, err := newResolver(e.api).find(context.Background(), key, name)
	if err != nil {
		e.t.Fatalf("no %s %q: %v", key, name, err)
	}
	return ent.id
}

func (e *env) enumValueID(skill, value string) string {
	s, err := e.api.Get(context.Background(), "skill", e.id("skill_definition", skill))
	if err != nil {
		e.t.Fatal(err)
	}
	for _, v := range s["enumSkillValues"].([]any) {
		if m := v.(map[string]any); m["name"] == value {
			return str(m["id"])
		}
	}
	e.t.Fatalf("skill %s has no value %s", skill, value)
	return ""
}

func only(s *sheets.Sheet, name string) *sheets.Sheet {
	out := s.Clone()
	out.Rows = nil
	for r, row := range s.Rows {
		if s.Value(r, "Name") == name {
			out.Rows = append(out.Rows, row)
		}
	}
	return out
}

func setCell(t *testing.T, s *sheets.Sheet, r int, header, v string) {
	i := s.Index(header)
	if i < 0 {
		t.Fatalf("no column %s", header)
	}
	s.Rows[r].Cells[i] = v
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// An address book's child rows are its entries, saved under it by name: an entry it
// has is updated, a new one added, and the export shows them as child rows again.
func TestAddressBookEntries(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := "Name,Description,Parent Type,Site,Entry Name,Entry Number\n" +
		"Company Directory,,ORGANIZATION,,,\n" +
		"Company Directory,,,,Night Desk,+420225000999\n" +
		"Sales Book,Sales contacts,ORGANIZATION,,,\n" +
		"Sales Book,,,,Key Account,+15125550100\n" +
		"Sales Book,,,,Partner,+15125550101\n"
	pkg := e.pack("address_book", csv)
	j := e.submitRun("address_book", pkg)
	if j.Status != Completed {
		t.Fatalf("job: %s\n%s", j.Status, e.errorCSV(j.ID))
	}
	s, err := Export(context.Background(), e.api, mustObject(t, "address_book"))
	if err != nil {
		t.Fatal(err)
	}
	text := sheetText(t, s)
	for _, l := range []string{"Company Directory,,,,Night Desk,+420225000999", "Sales Book,Sales contacts,ORGANIZATION,,,",
		"Sales Book,,,,Key Account,+15125550100", "Sales Book,,,,Partner,+15125550101"} {
		if !strings.Contains(text, l) {
			t.Errorf("export lacks %q:\n%s", l, text)
		}
	}
	if strings.Count(text, "Company Directory,,,,") < 4 { // the three demo entries stay
		t.Errorf("the demo entries were lost:\n%s", text)
	}
}

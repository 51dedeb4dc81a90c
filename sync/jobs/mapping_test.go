package jobs

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
)

// A server's refusal that names a field lands on the column that field comes from.
func TestServerErrorLandsOnItsColumn(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := "Name,Description,Service Level Threshold,Type,List Values For Enum\n" +
		"English,,30,PROFICIENCY,\n" +
		"Spanish,,30,BOOLEAN,\n"
	j := e.submitRun("skill_definition", e.pack("skill_definition", csv))
	if j.Succeeded != 1 || j.Failed != 1 {
		t.Fatalf("job: %d succeeded, %d failed", j.Succeeded, j.Failed)
	}
	_, errs, err := e.store.ErrorSheet(context.Background(), j.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := sheets.Finding{File: "skill_definition_" + j.ID + "_errors.csv", Row: 2, Col: 3, Column: "Type", Message: "skillType: This configuration cannot be changed. Original value is BOOLEAN"}
	if len(errs) != 1 {
		t.Fatalf("row errors: %+v\nwant %+v", errs, want)
	}
	got := errs[0]
	if got.Text.In(i18n.Czech) != want.Message { // the server's reason, as the server said it
		t.Errorf("in Czech the server's reason reads %q", got.Text.In(i18n.Czech))
	}
	if got.Text = (i18n.Msg{}); !reflect.DeepEqual(got, want) {
		t.Fatalf("row errors: %+v\nwant %+v", errs, want)
	}
}

// A desktop profile from a sheet: nested fields (viewableStatistics.*), a value the API
// spells as a boolean (Wrap Up Type AUTO → autoWrapUp true), lists of names → ids, and
// the access levels through their API spelling.
func TestDesktopProfileMapping(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := "Name,Description,Parent Site,Screen Popups,Last Agent Routing,Wrap Up Type,Auto Wrap Up Time," +
		"Agent Available After Outdial,Allow Auto Wrap Up Extension,Wrap Up Options,Wrap Up Codes,Idle Options,Idle Codes," +
		"Transfer Options,Transfer Targets,Buddy Team Option,Buddy Teams,Consult To Queue,Outdial Enabled,Outdial EP," +
		"Address Book,Dial Plan Enabled,Dial Plan,Outdial ANI,DN Validation Option,Validation Criteria,Agent Statistics," +
		"Queue Statistics Option,Selected Queues,Logged In Team Statistics,Team Statistics Option,Selected Teams\n" +
		"Night Desk,Night shift,Prague,ON,OFF,AUTO,20,ON,OFF,ALL,,SPECIFIC,Lunch|Break,ALL,,ALL,,OFF,OFF,,," +
		"OFF,,,UNRESTRICTED,,ON,SPECIFIC,Sales Queue,OFF,ALL,\n"
	j := e.submitRun("desktop_profile", e.pack("desktop_profile", csv))
	if j.Status != Completed {
		t.Fatalf("job: %s\n%s", j.Status, e.errorCSV(j.ID))
	}
	p := e.object("desktop_profile", "Night Desk")
	checks := map[string]string{
		"autoWrapUp":                          `true`,
		"autoWrapAfterSeconds":                `20`,
		"screenPopup":                         `true`,
		"siteId":                              `"` + e.id("site", "Prague") + `"`,
		"idleCodes":                           `["` + e.id("auxiliary_code", "Lunch") + `","` + e.id("auxiliary_code", "Break") + `"]`,
		"agentDNValidation":                   `"ALL"`,
		"viewableStatistics.accessQueueStats": `"SPECIFIC"`,
		"viewableStatistics.contactServiceQueues": `["` + e.id("queue", "Sales Queue") + `"]`,
		"viewableStatistics.agentStats":           `true`,
		"active":                                  `true`,
		"parentType":                              `"SITE"`,
		"accessEntryPoint":                        `"ALL"`,
	}
	for path, want := range checks {
		if got := jsonText(getPath(p, path)); got != want {
			t.Errorf("%s = %s, want %s", path, got, want)
		}
	}
}

// The fields the API requires and no column fills get Control Hub's defaults on create:
// a queue's routing (from its routing type) and capacity (the catalog's api.fixed), an
// auxiliary code's kind (its work type's), a desktop profile's parent type (from its
// site) and access to entry points (api.fixed).
func TestCreateDefaults(t *testing.T) {
	e := newEnv(t, envOptions{})
	q := "Name,Description,Channel Type,Max Time In Queue,Service Level Threshold,Timezone,Permit Monitoring," +
		"Permit Recording,Record All Calls,Pause or Resume Enabled,Recording Pause Duration,Default Music in Queue," +
		"Routing Type,Skill-Based Agent Selection,Distribution Group,Distribution Group Seq,Group Fallback Time,Group Teams\n" +
		"Night Queue,,CHAT,600,20,,,,,,,,LONGEST_AVAILABLE_AGENT,,,,,\n" +
		"Night Queue,,,,,,,,,,,,,,Group 1,1,0,Support: Prague\n"
	if j := e.submitRun("queue", e.pack("queue", q)); j.Status != Completed {
		t.Fatalf("queue: %s\n%s", j.Status, e.errorCSV(j.ID))
	}
	got := e.object("queue", "Night Queue")
	for k, want := range map[string]string{"queueRoutingType": `"TEAM_BASED"`, "checkAgentAvailability": `false`,
		"queueType": `"INBOUND"`, "maxTimeInQueue": `600`, "maxActiveContacts": `100`} {
		if s := jsonText(got[k]); s != want {
			t.Errorf("queue %s = %s, want %s", k, s, want)
		}
	}
	a := "Name,Description,Default,Work Type\nOvertime,,OFF,Default Wrapup Work Type\n"
	if j := e.submitRun("auxiliary_code", e.pack("auxiliary_code", a)); j.Status != Completed {
		t.Fatalf("auxiliary code: %s\n%s", j.Status, e.errorCSV(j.ID))
	}
	if c := e.object("auxiliary_code", "Overtime"); c["workTypeCode"] != "WRAP_UP_CODE" {
		t.Errorf("workTypeCode %v", c["workTypeCode"])
	}
}

// A team name shared by two sites must say which; "Name: Site" does.
func TestAmbiguousTeamReference(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := "Email,User Profile,Contact Center Enabled,Site,Teams,Desktop Profile\n" +
		"anna.brown@example.com,Supervisor,ON,London,Sales,Agent Default\n"
	j := e.submitRun("user", e.pack("user", csv))
	rows, _ := e.store.Rows(context.Background(), j.ID, Fail)
	want := `Team "Sales" is ambiguous: the organization has "Sales: London" and "Sales: Prague"; write one of them`
	if len(rows) != 1 || rows[0].Message != want || rows[0].Column != "Teams" {
		b, _ := json.Marshal(rows)
		t.Fatalf("rows: %s\nwant %q", b, want)
	}
	if !strings.Contains(e.errorCSV(j.ID), "Error Message") {
		t.Error("no error file")
	}
}

// The catalog's api.fixed values go on new objects only: an update starts from the object
// as stored and keeps what it has, even where it differs from them.
func TestFixedValuesAreForNewObjectsOnly(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	ep := "Name,Description,Service Level Threshold,Timezone,Channel Type\nNight Line,,30,Europe/Prague,TELEPHONY\n"
	if j := e.submitRun("entry_point", e.pack("entry_point", ep)); j.Status != Completed {
		t.Fatalf("entry point: %s\n%s", j.Status, e.errorCSV(j.ID))
	}
	got := e.object("entry_point", "Night Line")
	if s := jsonText(got["maximumActiveContacts"]); s != "100" {
		t.Fatalf("a new entry point has maximumActiveContacts %s, want the catalog's 100", s)
	}
	got["maximumActiveContacts"], got["active"] = 7, false
	if _, err := e.api.Update(ctx, "entry-point", str(got["id"]), got); err != nil {
		t.Fatal(err)
	}
	ep = "Name,Description,Service Level Threshold,Timezone,Channel Type\nNight Line,Calls after hours,30,Europe/Prague,TELEPHONY\n"
	if j := e.submitRun("entry_point", e.pack("entry_point", ep)); j.Status != Completed {
		t.Fatalf("entry point update: %s\n%s", j.Status, e.errorCSV(j.ID))
	}
	got = e.object("entry_point", "Night Line")
	for k, want := range map[string]string{"maximumActiveContacts": "7", "active": "false",
		"description": `"Calls after hours"`, "entryPointType": `"INBOUND"`} {
		if s := jsonText(got[k]); s != want {
			t.Errorf("after an update %s = %s, want %s", k, s, want)
		}
	}
}

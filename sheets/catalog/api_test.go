package catalog

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAPIBlock(t *testing.T) {
	for _, o := range All() {
		a := o.API
		if !a.Covered {
			t.Errorf("%s: every type in the catalog has a public API", o.Key)
		}
		if a.List == "" || a.Get == "" {
			t.Errorf("%s: list and get paths are required", o.Key)
		}
		if !strings.Contains(a.Get, "{id}") {
			t.Errorf("%s: get %q must address one object by {id}", o.Key, a.Get)
		}
		if a.Routes.Update.Path == "" {
			t.Errorf("%s: no way to update an object", o.Key)
		}
		for _, p := range []string{a.List, a.Get, a.Routes.Create.Path, a.Routes.Update.Path, a.Routes.Delete.Path} {
			if strings.HasPrefix(p, "/") || strings.Contains(p, "organization") {
				t.Errorf("%s: path %q must be relative to /organization/{orgid}/", o.Key, p)
			}
		}
	}
}

// Types sharing one API resource must be told apart by a filter on list and a fixed
// field on save, or an export would mix inbound and outbound objects. The filter value is
// unquoted: Cisco's SDK (webex-js-sdk contact-center config constants.ts) says a quoted
// filter value gets 400.
func TestSharedResources(t *testing.T) {
	cases := []struct {
		key, filter, field, value string
	}{
		{"entry_point", `entryPointType==INBOUND`, "entryPointType", "INBOUND"},
		{"outdial_entry_point", `entryPointType==OUTBOUND`, "entryPointType", "OUTBOUND"},
		{"queue", `queueType==INBOUND`, "queueType", "INBOUND"},
		{"outdial_queue", `queueType==OUTBOUND`, "queueType", "OUTBOUND"},
	}
	for _, c := range cases {
		o, _ := Lookup(c.key)
		if o.API.Filter != c.filter {
			t.Errorf("%s: filter %q, want %q", c.key, o.API.Filter, c.filter)
		}
		if got := o.API.Fixed[c.field]; got != c.value {
			t.Errorf("%s: fixed %s = %v, want %s", c.key, c.field, got, c.value)
		}
	}
}

// The routes live tenants take (reference/live-api.md), not the ones the spec offers.
func TestLiveRoutes(t *testing.T) {
	cases := []struct{ key, create, update, delete string }{
		{"queue", "POST contact-service-queue/v2/bulk", "PATCH contact-service-queue/bulk", "POST contact-service-queue/v2/bulk"},
		{"outdial_queue", "POST contact-service-queue/v2/bulk", "PATCH contact-service-queue/bulk", "POST contact-service-queue/v2/bulk"},
		{"auxiliary_code", "POST auxiliary-code/bulk", "PATCH auxiliary-code/bulk", "POST auxiliary-code/bulk"},
		{"user", "", "PATCH user/bulk", ""},
		{"entry_point", "POST entry-point/bulk", "POST entry-point/bulk", "POST entry-point/bulk"},
		{"global_variable", "POST cad-variable/bulk", "POST cad-variable/bulk", "POST cad-variable/bulk"},
		{"entry_point_mapping", "POST dial-number/bulk", "POST dial-number/bulk", "DELETE dial-number/{id}"},
		{"user_profile", "POST v3/user-profile/bulk", "POST v3/user-profile/bulk", "POST v3/user-profile/bulk"},
		{"team", "POST team/bulk", "PUT team/{id}", "POST team/bulk"},
		{"site", "POST site/bulk", "PUT site/{id}", "POST site/bulk"},
		{"skill_definition", "POST skill/bulk", "PUT skill/{id}", "POST skill/bulk"},
		{"skill_profile", "POST skill-profile/bulk", "PUT skill-profile/{id}", "POST skill-profile/bulk"},
		{"multimedia_profile", "POST multimedia-profile/bulk", "PUT multimedia-profile/{id}", "POST multimedia-profile/bulk"},
		{"desktop_profile", "POST agent-profile/bulk", "PUT agent-profile/{id}", "POST agent-profile/bulk"},
		{"desktop_layout", "", "PUT desktop-layout/{id}", "POST desktop-layout/bulk"},
		{"outdial_ani", "POST outdial-ani/bulk", "PUT outdial-ani/{id}", "POST outdial-ani/bulk"},
		{"working_hours", "POST business-hours/bulk", "PUT business-hours/{id}", "POST business-hours/bulk"},
		{"holiday_list", "POST holiday-list/bulk", "PUT holiday-list/{id}", "POST holiday-list/bulk"},
		{"override", "POST overrides/bulk", "PUT overrides/{id}", "POST overrides/bulk"},
		{"address_book", "POST v3/address-book", "PUT v3/address-book/{id}", "DELETE v3/address-book/{id}"},
		{"audio_file", "POST audio-file", "PUT audio-file/{id}", "DELETE audio-file/{id}"},
	}
	for _, c := range cases {
		o, _ := Lookup(c.key)
		r := o.API.Routes
		if r.Create.String() != c.create || r.Update.String() != c.update || r.Delete.String() != c.delete {
			t.Errorf("%s: routes create %q update %q delete %q, want %q %q %q", c.key, r.Create, r.Update, r.Delete,
				c.create, c.update, c.delete)
		}
	}
	user, _ := Lookup("user")
	if user.API.CanCreate() {
		t.Error("user: users are never created through the API")
	}
	audio, _ := Lookup("audio_file")
	if audio.Format != FormatAudioZip || !audio.API.Multipart {
		t.Errorf("audio_file: a zip uploaded one multipart file at a time: format %q api %+v", audio.Format, audio.API)
	}
}

// Required fields that Control Hub's sheet has no column for get a documented default.
func TestRequiredDefaults(t *testing.T) {
	q, _ := Lookup("queue")
	for _, f := range []string{"monitoringPermitted", "parkingPermitted", "recordingPermitted",
		"recordingAllCallsPermitted", "pauseRecordingPermitted"} {
		if q.API.Fixed[f] != false || q.API.Why[f] == "" {
			t.Errorf("queue: %s defaults to %v (why: %q), want false with a reason", f, q.API.Fixed[f], q.API.Why[f])
		}
	}
	mp, _ := Lookup("multimedia_profile")
	if mp.API.Fixed["manuallyAssignable"] == nil || mp.API.Derived["blendingModeEnabled"] == "" {
		t.Errorf("multimedia_profile: manuallyAssignable and blendingModeEnabled are required on create: %+v", mp.API)
	}
	epm, _ := Lookup("entry_point_mapping")
	rules, err := epm.API.CreateRules()
	if err != nil || len(rules) != 2 || rules[0].Field != "location" || rules[1].Field != "regionId" {
		t.Errorf("entry_point_mapping: required on create %+v, %v", rules, err)
	}
	ep, _ := Lookup("entry_point")
	if rules, _ := ep.API.CreateRules(); len(rules) != 1 || rules[0].Field != "assetId" || rules[0].When != "channelType" {
		t.Errorf("entry_point: assetId for digital channels: %+v", rules)
	}
	if c := ep.Columns[ep.Column("Asset Name")]; c.APIField != "assetId" {
		t.Errorf("entry_point: Asset Name is sent as %q", c.APIField)
	}
	dp, _ := Lookup("desktop_profile")
	if c := dp.Columns[dp.Column("Agent Threshold Alerts Enabled")]; !c.Unsent {
		t.Error("desktop_profile: Agent Threshold Alerts Enabled reaches no field and must say so")
	}
}

// Conventions the job engine relies on: child columns address an array of the object,
// single-valued parent columns do not (a list may fill one array item per value), and a
// column that is not sent says why.
func TestAPIFieldConventions(t *testing.T) {
	for _, o := range All() {
		for _, c := range o.Columns {
			switch {
			case c.APIField == "" && c.Note == "":
				t.Errorf("%s.%s: not sent to the API and no note says why", o.Key, c.Header)
			case c.APIField == "":
			case c.Child && !strings.Contains(c.APIField, "[]."):
				t.Errorf("%s.%s: child column mapped to %q, not into an array", o.Key, c.Header, c.APIField)
			case !c.Child && !c.List && strings.Contains(c.APIField, "[]"):
				t.Errorf("%s.%s: parent column mapped into an array (%q)", o.Key, c.Header, c.APIField)
			case c.Type == Ref && !c.List && !strings.HasSuffix(c.APIField, "Id"):
				t.Errorf("%s.%s: a reference is sent as an id field, not %q", o.Key, c.Header, c.APIField)
			}
			for sheet := range c.APIValues {
				if c.Type == Enum && !canHold(c, sheet) {
					t.Errorf("%s.%s: apiValues maps %q, which is not a value of the column", o.Key, c.Header, sheet)
				}
			}
		}
	}
}

func TestKnownMappings(t *testing.T) {
	cases := []struct{ key, column, field string }{
		{"site", "Multimedia Profile", "multimediaProfileId"},
		{"user", "Teams", "teamIds"},
		{"user", "Desktop Profile", "agentProfileId"},
		{"queue", "Distribution Group Seq", "callDistributionGroups[].order"},
		{"queue", "Group Fallback Time", "callDistributionGroups[].duration"},
		{"queue", "Group Teams", "callDistributionGroups[].agentGroups[].teamId"},
		{"skill_profile", "Skill Name", "activeSkills[].skillId"},
		{"skill_profile", "Skill Values", "activeSkills[].value"},
		{"desktop_profile", "Wrap Up Codes", "wrapUpCodes"},
		{"desktop_profile", "Idle Codes", "idleCodes"},
		{"desktop_profile", "Buddy Teams", "buddyTeams"},
		{"desktop_profile", "Dial Plan", "dialPlans"},
		{"global_variable", "Variable Type", "variableType"},
		{"entry_point_mapping", "Entry Point", "entryPointId"},
	}
	for _, c := range cases {
		o, _ := Lookup(c.key)
		i := o.Column(c.column)
		if i < 0 {
			t.Errorf("%s has no column %s", c.key, c.column)
			continue
		}
		if got := o.Columns[i].APIField; got != c.field {
			t.Errorf("%s.%s: apiField %q, want %q", c.key, c.column, got, c.field)
		}
	}
	gv, _ := Lookup("global_variable")
	if got := gv.Columns[gv.Column("Variable Type")].APIValues["DATE TIME"]; got != "DATE_TIME" {
		t.Errorf("global_variable: DATE TIME is sent as %q", got)
	}
	ep, _ := Lookup("entry_point")
	if got := ep.Columns[ep.Column("Channel Type")].APIValues["SOCIAL CHANNEL"]; got != "SOCIAL_CHANNEL" {
		t.Errorf("entry_point: SOCIAL CHANNEL is sent as %q", got)
	}
}

// A DELETE route names one object: DELETE dial-number without an id deletes every
// mapping of the organization (the spec's deleteAllConfig), so the catalog refuses it;
// and DELETE is no way to create or update.
func TestDeleteRouteNamesOneObject(t *testing.T) {
	var ok API
	if err := json.Unmarshal([]byte(`{"routes":{"create":"POST dial-number/bulk","update":"POST dial-number/bulk","delete":"DELETE dial-number/{id}"}}`), &ok); err != nil || ok.checkAPI() != nil {
		t.Fatalf("DELETE dial-number/{id}: %v %v", err, ok.checkAPI())
	}
	if !ok.Routes.Delete.One() || ok.Routes.Delete.Method != "DELETE" {
		t.Errorf("delete route %+v", ok.Routes.Delete)
	}
	for _, routes := range []string{
		`{"create":"POST dial-number/bulk","update":"POST dial-number/bulk","delete":"DELETE dial-number"}`,
		`{"create":"POST site/bulk","update":"DELETE site/{id}","delete":"POST site/bulk"}`,
	} {
		var a API
		if err := json.Unmarshal([]byte(`{"routes":`+routes+`}`), &a); err != nil {
			t.Fatal(err)
		}
		if err := a.checkAPI(); err == nil || !strings.Contains(err.Error(), "DELETE") {
			t.Errorf("%s: %v, want refused", routes, err)
		}
	}
	var bad Route
	if err := json.Unmarshal([]byte(`"GET site/{id}"`), &bad); err == nil {
		t.Error("GET is no write route")
	}
}

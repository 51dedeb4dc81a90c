package sandbox

import (
	"slices"
	"strings"
)

// demo adds a small, consistent contact center: three sites, their teams, queues and
// entry points, codes, skills, profiles, audio prompts and 300 agents.
func (sd *seeder) demo() {
	sd.media()
	sd.codesAndSkills()
	sd.directories()
	sd.teams()
	sd.routing()
	sd.profiles()
	sd.users()
	sd.greetings()
	sd.contactNumbers()
	// a scoped-access set like a real tenant's (wxcc-skills lists and reads them)
	sd.add("resource-collection", "Prague Scope", obj{"description": "What Prague supervisors see",
		"resources": []any{obj{"name": "site", "accessLevel": "SPECIFIC", "ids": []any{sd.id("site", "Prague")}},
			obj{"name": "team", "accessLevel": "ALL", "ids": []any{}}, obj{"name": "queue", "accessLevel": "ALL", "ids": []any{}},
			obj{"name": "channel", "accessLevel": "ALL", "ids": []any{}}}})
}

// greetings: the first agents' personal greetings, for the Default purpose.
func (sd *seeder) greetings() {
	var agents []map[string]any
	for _, rec := range sd.st.tables["user"].recs {
		agents = append(agents, rec.obj)
	}
	slices.SortFunc(agents, func(a, b map[string]any) int { return strings.Compare(str(a["email"]), str(b["email"])) })
	for i, u := range agents[:min(2, len(agents))] {
		local, _, _ := strings.Cut(str(u["email"]), "@")
		name := local + "-greeting.wav"
		blob := nameUUID(sd.st.org, "blob", "greeting/"+name)
		sd.add("agent-personal-greeting", name, obj{"contentType": "AUDIO_WAV", "blobId": blob, "agentId": u["id"],
			"greetingPurposeId": sd.id("greeting-purpose", "Default"), "greetingPurposeName": "Default",
			"firstName": u["firstName"], "lastName": u["lastName"], "email": u["email"], "agentActive": u["active"],
			"ciUserId": u["ciUserId"]})
		sd.st.blobs[blob] = muLawWAV(600 * (i + 1))
	}
}

// contactNumbers: the caller ids of internal calls; live at most 9 characters.
func (sd *seeder) contactNumbers() {
	for _, n := range []string{"5551000", "5551001", "8001"} {
		sd.add("contact-number", n, obj{"number": n})
	}
}

// sites: name → multimedia profile, time zone.
var demoSites = []struct{ name, media, tz string }{
	{"Prague", "Blended Digital", "Europe/Prague"},
	{"London", "Blended Digital", "Europe/London"},
	{"Austin", "Voice Only", "America/Chicago"},
}

func (sd *seeder) media() {
	for _, m := range []struct {
		name, mode                 string
		voice, chat, email, social int
	}{{"Voice Only", "EXCLUSIVE", 1, 0, 0, 0}, {"Blended Digital", "BLENDED", 1, 3, 2, 1}, {"Digital Only", "BLENDED", 0, 5, 5, 5}} {
		sd.add("multimedia-profile", m.name, obj{"description": m.name + " agents", "blendingMode": m.mode,
			"blendingModeEnabled": m.mode == "BLENDED", "telephony": m.voice, "chat": m.chat, "email": m.email,
			"social": m.social, "active": true, "manuallyAssignable": obj{"telephony": 0, "chat": m.chat, "email": m.email, "social": 0}})
	}
	for _, s := range demoSites {
		sd.add("site", s.name, obj{"active": true, "multimediaProfileId": sd.id("multimedia-profile", s.media),
			"description": s.name + " contact center"})
	}
	for i, name := range []string{"welcome.wav", "hold-music.wav", "after-hours.wav", "queue-full.wav", "survey-intro.wav"} {
		blob := nameUUID(sd.st.org, "blob", name)
		sd.add("audio-file", name, obj{"contentType": "AUDIO_WAV", "blobId": blob, "description": "Demo prompt " + name})
		sd.st.blobs[blob] = muLawWAV(800 * (i + 1))
	}
}

func (sd *seeder) codesAndSkills() {
	idle, wrap := sd.id("work-type", "Default Idle Work Type"), sd.id("work-type", "Default Wrapup Work Type")
	for i, n := range []string{"Lunch", "Break", "Meeting", "Training"} {
		sd.add("auxiliary-code", n, obj{"active": true, "defaultCode": i == 0, "isSystemCode": false,
			"workTypeId": idle, "workTypeCode": "IDLE_CODE", "description": n + " (idle)"})
	}
	for i, n := range []string{"Resolved", "Follow-up Required", "Escalated", "Wrong Number"} {
		sd.add("auxiliary-code", n, obj{"active": true, "defaultCode": i == 0, "isSystemCode": false,
			"workTypeId": wrap, "workTypeCode": "WRAP_UP_CODE", "description": n + " (wrap-up)"})
	}
	for _, s := range []struct{ name, kind string }{{"English", "BOOLEAN"}, {"Czech", "BOOLEAN"},
		{"Sales Expertise", "PROFICIENCY"}, {"Technical Support", "PROFICIENCY"}, {"Customer Notes", "TEXT"}} {
		sd.add("skill", s.name, obj{"active": true, "serviceLevelThreshold": 30, "skillType": s.kind})
	}
	var tiers []any
	for _, t := range []string{"Gold", "Silver", "Bronze"} {
		tiers = append(tiers, obj{"id": nameUUID(sd.st.org, "enum", t), "name": t})
	}
	sd.add("skill", "Account Tier", obj{"active": true, "serviceLevelThreshold": 30, "skillType": "ENUM", "enumSkillValues": tiers})
	skill := func(name string, v obj) obj {
		v["skillId"], v["skillName"] = sd.id("skill", name), name
		if v["booleanValue"] == nil {
			v["booleanValue"] = false // ActiveSkillDTO requires it for every skill
		}
		return v
	}
	sd.add("skill-profile", "Sales Agent", obj{"activeSkills": []any{
		skill("English", obj{"booleanValue": true}), skill("Sales Expertise", obj{"proficiencyValue": 7})}})
	sd.add("skill-profile", "Support Agent", obj{"activeSkills": []any{
		skill("English", obj{"booleanValue": true}), skill("Technical Support", obj{"proficiencyValue": 8})},
		"activeEnumSkills": []any{obj{"enumSkillValueId": nameUUID(sd.st.org, "enum", "Gold")}}})
	sd.add("skill-profile", "Czech Support", obj{"activeSkills": []any{
		skill("Czech", obj{"booleanValue": true}), skill("Technical Support", obj{"proficiencyValue": 6})}})
}

func (sd *seeder) directories() {
	sd.add("dial-plan", "US Dial Plan", obj{"regularExpression": `^\+?1?[2-9]\d{9}$`, "prefix": "", "strippedChars": "()- ", "active": true})
	sd.add("dial-plan", "Europe Dial Plan", obj{"regularExpression": `^\+?(420|44)\d{9,10}$`, "prefix": "", "strippedChars": "()- ", "active": true})
	sd.add("cad-variable", "CustomerTier", obj{"variableType": "String", "defaultValue": "Standard", "desktopLabel": "Customer tier",
		"agentEditable": false, "agentViewable": true, "reportable": true, "sensitive": false, "active": true})
	sd.add("cad-variable", "AccountNumber", obj{"variableType": "String", "defaultValue": "Unknown", "desktopLabel": "Account number",
		"agentEditable": true, "agentViewable": true, "reportable": false, "sensitive": true, "active": true})
	sd.add("holiday-list", "Czech Holidays 2027", obj{"holidays": []any{
		obj{"name": "New Year", "startDate": "2027-01-01", "endDate": "2027-01-01", "frequency": "DontRepeat"},
		obj{"name": "Christmas", "startDate": "2027-12-24", "endDate": "2027-12-26", "frequency": "DontRepeat"}}})
	sd.add("overrides", "Year End Override", obj{"timezone": "Europe/Prague", "overrides": []any{
		obj{"name": "Inventory", "startDateTime": "2027-12-31T08:00", "endDateTime": "2027-12-31T12:00", "workingHours": false, "frequency": "DontRepeat"}}})
	sd.add("business-hours", "Prague Business Hours", obj{"timezone": "Europe/Prague", "workingHours": []any{
		obj{"name": "Weekdays", "days": []any{"MON", "TUE", "WED", "THU", "FRI"}, "startTime": "08:00", "endTime": "18:00"}}})
	book := sd.add("address-book", "Company Directory", obj{"parentType": "ORGANIZATION", "description": "Numbers agents call often"})
	for _, e := range [][2]string{{"Reception", "+420225000000"}, {"IT Helpdesk", "+442038080999"}, {"Facilities", "+15125550100"}} {
		sd.addUnder("address-book-entry", book, e[0], obj{"number": e[1]})
	}
	sd.add("outdial-ani", "Main ANIs", obj{"description": "Caller ids for outdial", "outdialANIEntries": []any{
		obj{"name": "Prague Main", "number": "+420225000100", "defaultANIEntry": true},
		obj{"name": "London Main", "number": "+442038080100", "defaultANIEntry": false},
		obj{"name": "Austin Main", "number": "+15125550111", "defaultANIEntry": false}}})
}

// demoTeams: site → agent teams and their skill profiles.
var demoTeams = []struct{ site, name, skills string }{
	{"Prague", "Sales", "Sales Agent"}, {"Prague", "Support", "Support Agent"}, {"Prague", "Czech Support", "Czech Support"},
	{"London", "Sales", "Sales Agent"}, {"London", "Support", "Support Agent"}, {"London", "Retention", "Sales Agent"},
	{"Austin", "Support", "Support Agent"},
}

// teamKey names a team in sd.ids: team names repeat across sites.
func teamKey(site, name string) string { return site + " " + name }

func (sd *seeder) teams() {
	layout := sd.id("desktop-layout", "Global Layout")
	for _, t := range demoTeams {
		id := nameUUID(sd.st.org, "team", t.site, t.name)
		sd.save("team", "", t.name, obj{"id": id, "name": t.name, "teamType": "AGENT", "teamStatus": "IN_SERVICE",
			"active": true, "siteId": sd.id("site", t.site), "rankQueuesForTeam": false, "desktopLayoutId": layout,
			"skillProfileId": sd.id("skill-profile", t.skills), "description": t.name + " agents in " + t.site}, false)
		sd.ids["team/"+teamKey(t.site, t.name)] = id
	}
	id := nameUUID(sd.st.org, "team", "Austin", "Overflow")
	sd.save("team", "", "Overflow", obj{"id": id, "name": "Overflow", "teamType": "CAPACITY", "teamStatus": "IN_SERVICE",
		"active": true, "siteId": sd.id("site", "Austin"), "rankQueuesForTeam": false, "dialedNumber": "+15125550123",
		"capacity": 10, "description": "Answering service for overflow calls"}, false)
	sd.ids["team/"+teamKey("Austin", "Overflow")] = id
}

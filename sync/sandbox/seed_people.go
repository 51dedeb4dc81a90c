package sandbox

import (
	"fmt"
	"strings"
)

// profiles adds desktop (agent) profiles and user profiles.
func (sd *seeder) profiles() {
	stats := obj{"agentStats": true, "accessQueueStats": "ALL", "loggedInTeamStats": true, "accessTeamStats": "ALL"}
	base := func(o obj) obj {
		for k, v := range (obj{"active": true, "parentType": "ORGANIZATION", "accessWrapUpCode": "ALL", "accessIdleCode": "ALL",
			"accessQueue": "ALL", "accessEntryPoint": "ALL", "accessBuddyTeam": "ALL", "agentDNValidation": "PROVISIONED_VALUE",
			"loginVoiceOptions": []any{"AGENT_DN", "EXTENSION", "BROWSER"}, "viewableStatistics": stats,
			"screenPopup": true, "lastAgentRouting": false, "agentAvailableAfterOutdial": false, "consultToQueue": false,
			"autoWrapUp": true, "autoWrapAfterSeconds": 30, "timeoutDesktopInactivityMins": 15,
			"outdialEnabled": true, "outdialEntryPointId": sd.id("entry-point", "Outdial Prague"),
			"outdialANIId": sd.id("outdial-ani", "Main ANIs"), "addressBookId": sd.id("address-book", "Company Directory"),
			"dialPlanEnabled": true, "dialPlans": sd.idList("dial-plan", "US Dial Plan", "Europe Dial Plan")}) {
			if _, set := o[k]; !set {
				o[k] = v
			}
		}
		return o
	}
	sd.add("agent-profile", "Agent Default", base(obj{"description": "Desktop of most agents"}))
	supervisor := base(obj{"description": "Desktop of supervisors", "consultToQueue": true, "autoWrapUp": false})
	delete(supervisor, "autoWrapAfterSeconds") // live: only together with autoWrapUp
	sd.add("agent-profile", "Supervisor Desktop", supervisor)
	sd.add("agent-profile", "Prague Agents", base(obj{"description": "Desktop of the Prague site", "parentType": "SITE",
		"siteId": sd.id("site", "Prague"), "accessQueue": "SPECIFIC",
		"queues":         sd.idList("contact-service-queue", "Sales Queue", "Support Queue", "Czech Support Queue"),
		"accessIdleCode": "SPECIFIC", "idleCodes": sd.idList("auxiliary-code", "Lunch", "Break"),
		"accessBuddyTeam": "SPECIFIC", "buddyTeams": sd.idList("team", "Prague Sales", "Prague Support", "Prague Czech Support"),
		"outdialEntryPointId": sd.id("entry-point", "Outdial Prague")}))
	for _, p := range []struct{ name, kind, access string }{{"Administrator", "ADMINISTRATOR", "ALL"},
		{"Supervisor", "SUPERVISOR", "SPECIFIC"}, {"Premium Agent", "PREMIUM_AGENT", "ALL"}, {"Standard Agent", "STANDARD_AGENT", "SPECIFIC"}} {
		o := obj{"profileType": p.kind, "active": true, "permissionAccessLevel": p.access, "resourceAccessLevel": "ALL",
			"description": p.name + " profile"}
		if p.access == "SPECIFIC" {
			o["permissions"] = []any{obj{"name": "Analyzer", "access": "VIEW"}, obj{"name": "Users", "access": "EDIT"}}
		}
		sd.add("user-profile", p.name, o)
	}
}

var (
	demoFirst = []string{"Anna", "Jan", "Emma", "Oliver", "Tereza", "Jakub", "Sophie", "Harry", "Lucie", "Tomas",
		"Olivia", "George", "Petra", "Martin", "Mia", "Noah", "Eva", "Lukas", "Grace", "Ethan"}
	demoLast = []string{"Novak", "Smith", "Svoboda", "Jones", "Dvorak", "Brown", "Cerny", "Taylor", "Prochazka",
		"Wilson", "Kucera", "Davies", "Vesely", "Evans", "Horak"}
)

// demoUserCount is the number of contact-center agents in the demo organization.
const demoUserCount = 300

// users adds the agents, spread over the sites and their teams, then lists each team's
// members on the team.
func (sd *seeder) users() {
	members := map[string][]any{}
	for i := range demoUserCount {
		first, last := demoFirst[i%len(demoFirst)], demoLast[i/len(demoFirst)%len(demoLast)]
		email := strings.ToLower(first + "." + last + "@example.com")
		site := demoSites[i%len(demoSites)]
		var teams []string
		for _, t := range demoTeams {
			if t.site == site.name {
				teams = append(teams, teamKey(t.site, t.name))
			}
		}
		team := teams[(i/len(demoSites))%len(teams)]
		userProfile, desktop := "Standard Agent", "Agent Default"
		switch {
		case i%25 == 0:
			userProfile, desktop = "Supervisor", "Supervisor Desktop"
		case i%5 == 0:
			userProfile = "Premium Agent"
		}
		if site.name == "Prague" && userProfile != "Supervisor" {
			desktop = "Prague Agents"
		}
		var skills string
		for _, t := range demoTeams {
			if teamKey(t.site, t.name) == team {
				skills = t.skills
			}
		}
		id := sd.add("user", email, obj{"firstName": first, "lastName": last, "email": email,
			"ciUserId": nameUUID(sd.st.org, "ci", email), "contactCenterEnabled": true, "active": i%50 != 49,
			"userProfileId": sd.id("user-profile", userProfile), "agentProfileId": sd.id("agent-profile", desktop),
			"siteId": sd.id("site", site.name), "teamIds": []any{sd.id("team", team)}, "timezone": site.tz,
			"skillProfileId": sd.id("skill-profile", skills), "multimediaProfileId": sd.id("multimedia-profile", site.media),
			"externalIdentifier": fmt.Sprintf("EMP%04d", i+1)})
		members[team] = append(members[team], id)
	}
	for _, t := range demoTeams {
		key := teamKey(t.site, t.name)
		sd.save("team", "", key, obj{"id": sd.id("team", key), "userIds": members[key]}, true)
	}
}

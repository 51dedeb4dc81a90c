package sandbox

// routing adds queues, entry points and dial-number mappings.
func (sd *seeder) routing() {
	groups := func(tiers ...[]string) []any {
		var out []any
		for i, teams := range tiers {
			var ag []any
			for _, t := range teams {
				ag = append(ag, obj{"teamId": sd.id("team", t)})
			}
			out = append(out, obj{"order": i + 1, "duration": i * 120, "agentGroups": ag})
		}
		return out
	}
	music := sd.id("audio-file", "hold-music.wav")
	for _, q := range []struct {
		name, kind, channel string
		groups              []any
	}{
		{"Sales Queue", "INBOUND", "TELEPHONY", groups([]string{"Prague Sales", "London Sales"})},
		{"Support Queue", "INBOUND", "TELEPHONY", groups([]string{"Prague Support", "London Support", "Austin Support"}, []string{"Austin Overflow"})},
		{"Czech Support Queue", "INBOUND", "TELEPHONY", groups([]string{"Prague Czech Support"})},
		{"Retention Queue", "INBOUND", "TELEPHONY", groups([]string{"London Retention"})},
		{"Chat Support Queue", "INBOUND", "CHAT", groups([]string{"Prague Support", "London Support"})},
		{"Outbound Campaign Queue", "OUTBOUND", "TELEPHONY", groups([]string{"Prague Sales", "London Sales"})},
	} {
		o := obj{"queueType": q.kind, "channelType": q.channel, "checkAgentAvailability": false, "active": true,
			"serviceLevelThreshold": 30, "maxActiveContacts": 100, "maxTimeInQueue": 3600,
			"queueRoutingType": "TEAM_BASED", "routingType": "LONGEST_AVAILABLE_AGENT", "callDistributionGroups": q.groups,
			"outdialCampaignEnabled": q.kind == "OUTBOUND", "description": q.name}
		voice := q.channel == "TELEPHONY" // live: the five booleans are required for every channel
		for _, k := range []string{"monitoringPermitted", "parkingPermitted", "recordingPermitted", "pauseRecordingPermitted"} {
			o[k] = voice
		}
		o["recordingAllCallsPermitted"] = false
		if voice {
			o["recordingPauseDuration"] = 10 // seconds; Control Hub's sheet requires it for voice queues
			o["defaultMusicInQueueMediaFileId"] = music
		}
		sd.add("contact-service-queue", q.name, o)
	}
	sd.entryPoints(music)
}

func (sd *seeder) entryPoints(music string) {
	for _, e := range []struct{ name, channel, tz, number, site string }{
		{"Main Line", "TELEPHONY", "Europe/Prague", "+420225000200", "Prague"},
		{"Sales Line", "TELEPHONY", "Europe/London", "+442038080200", "London"},
		{"Support Line", "TELEPHONY", "America/Chicago", "+15125550200", "Austin"},
		{"Czech Line", "TELEPHONY", "Europe/Prague", "+420225000300", "Prague"},
		{"Web Chat", "CHAT", "Europe/London", "", ""},
	} {
		o := obj{"entryPointType": "INBOUND", "channelType": e.channel, "active": true, "serviceLevelThreshold": 30,
			"maximumActiveContacts": 100, "timezone": e.tz, "flowId": nameUUID(sd.st.org, "flow", e.name),
			"description": e.name}
		if e.channel == "TELEPHONY" {
			o["musicOnHoldId"] = music
		} else {
			o["assetId"] = nameUUID(sd.st.org, "asset", e.name) // live: digital channels need one
		}
		id := sd.add("entry-point", e.name, o)
		if e.number != "" {
			sd.add("dial-number", e.number, obj{"dialledNumber": e.number, "entryPointId": id, "entryPointName": e.name,
				"defaultAni": false, "location": e.site, "regionId": demoRegion})
		}
	}
	outQueue := sd.id("contact-service-queue", "Outbound Campaign Queue")
	for _, e := range []struct{ name, tz string }{{"Outdial Prague", "Europe/Prague"}, {"Outdial London", "Europe/London"}} {
		sd.add("entry-point", e.name, obj{"entryPointType": "OUTBOUND", "channelType": "TELEPHONY", "active": true,
			"serviceLevelThreshold": 30, "maximumActiveContacts": 50, "timezone": e.tz, "outdialQueueId": outQueue,
			"description": e.name + " outdial"})
	}
}

// demoRegion is the Webex Calling region of the demo organization's numbers.
const demoRegion = "eu-central"

package sandbox

import "net/http"

// Entry points and queues: the routing side of the table. Both hold two object types of
// Control Hub (inbound and outdial) told apart by a field.

var entryPointResource = &resource{key: "entry-point", entity: "entry_point", unique: &unique{field: "name"},
	check: checkEntryPoint,
	fields: []field{
		{path: "name", kind: kString, req: true, maxLen: 80, pattern: patEntryPoint},
		fDescription,
		{path: "entryPointType", kind: kString, req: true, enum: []string{"INBOUND", "OUTBOUND"}},
		{path: "channelType", kind: kString, req: true, enum: channelTypes},
		// The spec lists the social and digital fields as required for every channel; they
		// only apply to social channels (api.md §5).
		{path: "socialChannelType", kind: kString, enum: socialTypes, when: &cond{"channelType", []string{"SOCIAL_CHANNEL"}}},
		// live: digital channels need assetId.
		{path: "assetId", kind: kString, when: &cond{"channelType", digitalChannels}},
		{path: "imiOrgType", kind: kString, enum: []string{"MIXED_MODE", "IMI"}},
		fActive,
		{path: "serviceLevelThreshold", kind: kInt, req: true, min: i64(0)},
		{path: "maximumActiveContacts", kind: kInt, req: true, min: i64(0)},
		{path: "controlFlowScriptUrl", kind: kString},
		{path: "overflowNumber", kind: kString, maxLen: 40, pattern: patDigits},
		{path: "timezone", kind: kString},
		{path: "xspVersion", kind: kString, maxLen: 80},
		{path: "subscriptionId", kind: kString, maxLen: 80},
		{path: "routePointId", kind: kString},
		{path: "flowId", kind: kString},
		{path: "flowTagId", kind: kString},
		{path: "musicOnHoldId", kind: kString, ref: "audio-file"},
		{path: "outdialQueueId", kind: kString, ref: "contact-service-queue"},
		{path: "callbackEnabled", kind: kBool},
		{path: "outdialTransferToQueueEnabled", kind: kBool},
		{path: "dnEpMappingCount", kind: kInt},
		{path: "flowOverrideSettings[].name", kind: kString, req: true},
		{path: "flowOverrideSettings[].type", kind: kString, req: true},
		{path: "flowOverrideSettings[].entityType", kind: kString},
		{path: "flowOverrideSettings[].entityId", kind: kString},
		{path: "flowOverrideSettings[].value", kind: kString},
	}}

var queueResource = &resource{key: "contact-service-queue", leanV1: true, entity: "contact_service_queue",
	bases:     []string{"contact-service-queue", "v2/contact-service-queue"},
	bulk:      []string{"contact-service-queue/bulk", "contact-service-queue/v2/bulk"},
	patchBulk: []string{"contact-service-queue/bulk"},
	unique:    &unique{field: "name"},
	fields: []field{
		{path: "name", kind: kString, req: true, maxLen: 80},
		{path: "description", kind: kString},
		{path: "queueType", kind: kString, req: true, enum: []string{"INBOUND", "OUTBOUND"}},
		{path: "checkAgentAvailability", kind: kBool}, // live: not required on create
		{path: "channelType", kind: kString, req: true, enum: append(append([]string{}, channelTypes...), "WORK_ITEM")},
		{path: "socialChannelType", kind: kString, enum: socialTypes},
		{path: "serviceLevelThreshold", kind: kInt, req: true, min: i64(0)},
		{path: "maxActiveContacts", kind: kInt, req: true, min: i64(0)},
		{path: "maxTimeInQueue", kind: kInt, req: true, min: i64(0)},
		{path: "defaultMusicInQueueMediaFileId", kind: kString, ref: "audio-file"},
		{path: "timezone", kind: kString},
		fActive,
		{path: "outdialCampaignEnabled", kind: kBool},
		{path: "monitoringPermitted", kind: kBool, req: true},        // live: never defaulted
		{path: "parkingPermitted", kind: kBool, req: true},           // live: never defaulted
		{path: "recordingPermitted", kind: kBool, req: true},         // live: never defaulted
		{path: "recordingAllCallsPermitted", kind: kBool, req: true}, // live: never defaulted
		{path: "pauseRecordingPermitted", kind: kBool, req: true},    // live: never defaulted
		{path: "recordingPauseDuration", kind: kInt},
		{path: "controlFlowScriptUrl", kind: kString},
		{path: "ivrRequeueUrl", kind: kString},
		{path: "overflowNumber", kind: kString},
		{path: "vendorId", kind: kString},
		{path: "routingType", kind: kString, req: true, enum: []string{"LONGEST_AVAILABLE_AGENT", "SKILLS_BASED", "CIRCULAR", "LINEAR"}},
		{path: "skillBasedRoutingType", kind: kString, enum: []string{"LONGEST_AVAILABLE_AGENT", "BEST_AVAILABLE_AGENT"},
			when: &cond{"routingType", []string{"SKILLS_BASED"}}},
		{path: "queueRoutingType", kind: kString, enum: []string{"TEAM_BASED", "SKILL_BASED", "AGENT_BASED"}}, // live: optional
		{path: "queueSkillRequirements[].skillId", kind: kString, req: true, minLen: 1, ref: "skill"},
		{path: "queueSkillRequirements[].skillName", kind: kString},
		{path: "queueSkillRequirements[].skillType", kind: kString},
		{path: "queueSkillRequirements[].condition", kind: kString, req: true},
		{path: "queueSkillRequirements[].skillValue", kind: kString, req: true, minLen: 1},
		{path: "queueSkillRequirements[].weight", kind: kInt, max: i64(1000)},
		{path: "queueSkillRequirements[].dynamicSkill", kind: kBool},
		{path: "agents[].id", kind: kString, req: true, ref: "user"},
		{path: "agents[].ciUserId", kind: kString},
		// Required for team-based routing (api.md §5: "required, team-based").
		{path: "callDistributionGroups", kind: kArray, when: &cond{"queueRoutingType", []string{"TEAM_BASED"}}},
		{path: "callDistributionGroups[].order", kind: kInt, min: i64(1)},
		{path: "callDistributionGroups[].duration", kind: kInt, min: i64(0)},
		{path: "callDistributionGroups[].agentGroups[].teamId", kind: kString, req: true, ref: "team"},
		{path: "xspVersion", kind: kString, maxLen: 80},
		{path: "subscriptionId", kind: kString, maxLen: 80},
		{path: "assistantSkill", kind: kObject},
		{path: "manuallyAssignable", kind: kBool},
		{path: "agentsLastUpdatedByUserName", kind: kString},
		{path: "agentsLastUpdatedByUserEmailPrefix", kind: kString},
		{path: "agentsLastUpdatedTime", kind: kInt},
		{path: "queueLevelSummariesInclusion", kind: kString},
		{path: "queueLevelSentimentAnalysisInclusion", kind: kString},
		{path: "queueLevelPredictedWaitTimeInclusion", kind: kString},
		{path: "queueLevelAutoCsatInclusion", kind: kString},
		{path: "queueLevelRealTimeTranscriptionsInclusion", kind: kString},
		{path: "personalizedAIRouting", kind: kObject},
	}, refuse: refuseQueueWithoutMusic}

// refuseQueueWithoutMusic: whether a queue create needs defaultMusicInQueueMediaFileId
// is unverified (achobgood/wxcc-toolkit says 400, wxcc-skills' required list omits it);
// with Options.Unverified.QueueNeedsDefaultMusic the sandbox takes the strict reading.
func refuseQueueWithoutMusic(st *state, item, old map[string]any) *itemError {
	if old != nil || !st.unsure.QueueNeedsDefaultMusic || str(item["defaultMusicInQueueMediaFileId"]) != "" {
		return nil
	}
	return newItemError(http.StatusBadRequest, "contact_service_queue", "defaultMusicInQueueMediaFileId is required")
}

package sandbox

import (
	"net/http"
	"strings"
)

// exportDTOs are the properties of each type's bulk-export DTO as the spec has them
// (GET …/bulk-export, e.g. SiteBulkExportDTO), with their JSON type: s string, i integer,
// b boolean, a array of strings, A array of objects, o object. Export DTOs name what the
// stored object refers to by name, not id. TestExportDTOsMatchSpec keeps this in step.
var exportDTOs = map[string]string{
	"address-book":          "description:s entryDetails:A id:s name:s parentSite:s",
	"agent-profile":         "accessBuddyTeam:s accessEntryPoint:s accessIdleCode:s accessQueue:s accessQueueStats:s accessTeamStats:s accessWrapUpCode:s addressBook:s agentAvailableAfterOutdial:b agentDNValidation:s agentDNValidationCriteria:s agentDNValidationCriterions:a agentStats:b allowAutoWrapUpExtension:b autoAnswer:b autoWrapAfterSeconds:i autoWrapUp:b buddyTeamsList:A consultToQueue:b description:s dialPlanEnabled:b dialPlans:a entryPoints:a idleCodes:a lastAgentRouting:b loggedInTeamStats:b loginVoiceOptions:a name:s outdialANI:s outdialEnabled:b outdialEntryPoint:s parentType:s queues:a screenPopup:b showUserDetailsMS:b showUserDetailsWebex:b siteId:s stateSynchronizationMS:b stateSynchronizationWebex:b thresholdRules:a viewableStatsQueue:a viewableStatsTeam:A wrapUpCodes:a",
	"auxiliary-code":        "defaultCode:s description:s name:s workTypeName:s",
	"business-hours":        "description:s holidayName:s name:s overrideName:s timezone:s workingHours:A",
	"cad-variable":          "agentEditable:b agentViewable:b defaultValue:s description:s desktopLabel:s name:s reportable:b sensitive:b variableType:s",
	"contact-number":        "number:s",
	"contact-service-queue": "agents:a assistantSkill:o callDistributionGroups:A channelType:s defaultMusicInQueueMediaFile:s description:s imiOrgType:s manuallyAssignable:b maxTimeInQueue:i monitoringPermitted:b name:s outdialCampaignEnabled:b parkingPermitted:b pauseRecordingPermitted:b queueLevelAutoCsatInclusion:s queueLevelPredictedWaitTimeInclusion:s queueLevelRealTimeTranscriptionsInclusion:s queueLevelSentimentAnalysisInclusion:s queueLevelSummariesInclusion:s queueRoutingType:s queueSkillRequirements:A recordingAllCallsPermitted:b recordingPauseDuration:i recordingPermitted:b routingType:s serviceLevelThreshold:s skillBasedRoutingType:s timezone:s type:s",
	"desktop-layout":        "description:s id:s jsonFileName:s name:s teamNames:a",
	"dial-number":           "dialledNumber:s entryPointName:s extension:s location:s region:s",
	"dial-plan":             "name:s prefix:s regularExpression:s strippedChars:s",
	"entry-point":           "assetId:s callbackEnabled:b channelType:s description:s entryPointType:s flowId:s flowTag:s musicOnHoldId:s name:s outdialQueueId:s serviceLevelThreshold:s socialChannelType:s timezone:s",
	"multimedia-profile":    "active:b blendingMode:s blendingModeEnabled:b chat:i description:s email:i fax:i manuallyAssignable:o name:s others:i social:i telephony:i video:i",
	"outdial-ani":           "description:s entryDetails:A name:s",
	"site":                  "multimediaProfileName:s name:s",
	"work-type":             "description:s name:s workTypeCode:s",
}

// exportFrom names the stored field an export property comes from where the names
// differ and the generic rules (same name; xName or x from the reference xId) miss.
var exportFrom = map[string]map[string]string{
	"agent-profile": {"buddyTeamsList": "buddyTeams", "viewableStatsQueue": "viewableStatistics.contactServiceQueues",
		"viewableStatsTeam": "viewableStatistics.teams", "agentStats": "viewableStatistics.agentStats",
		"accessQueueStats": "viewableStatistics.accessQueueStats", "accessTeamStats": "viewableStatistics.accessTeamStats",
		"loggedInTeamStats": "viewableStatistics.loggedInTeamStats"},
	"business-hours":        {"holidayName": "holidaysId", "overrideName": "overridesId"},
	"contact-service-queue": {"type": "queueType"},
	"dial-number":           {"region": "regionId"},
	"entry-point":           {"flowTag": "flowTagId"},
	"address-book":          {"parentSite": "siteId"},
}

// handleExport serves GET …/bulk-export: one page of the type's export DTOs in the
// spec's BulkExportDTO envelope {totalResources, pageNumber, pageSize, rel, resources}.
func (s *Server) handleExport(res *resource) handlerFunc {
	props := strings.Fields(exportDTOs[res.key])
	return func(w http.ResponseWriter, r *http.Request, p params) {
		lq, e := parseListQuery(r.URL)
		if e != nil {
			writeAPIError(w, r, e)
			return
		}
		kind := r.URL.Query().Get("type") // queues and entry points: INBOUND or OUTBOUND
		s.mu.RLock()
		var all []map[string]any
		for _, rec := range s.st.records(res, "") {
			if kind == "" || (str(rec.obj["queueType"]) == kind || str(rec.obj["entryPointType"]) == kind) {
				all = append(all, rec.obj)
			}
		}
		from := min(lq.page*lq.pageSize, len(all))
		to := min(from+lq.pageSize, len(all))
		out := make([]map[string]any, 0, to-from)
		for _, obj := range all[from:to] {
			out = append(out, s.exportOne(res, props, obj))
		}
		s.mu.RUnlock()
		rel := "last"
		if to < len(all) {
			rel = "next"
		}
		writeJSON(w, http.StatusOK, map[string]any{"totalResources": len(all), "pageNumber": lq.page,
			"pageSize": lq.pageSize, "rel": rel, "resources": out})
	}
}

// exportOne turns a stored object into its export DTO; the state is read-locked.
func (s *Server) exportOne(res *resource, props []string, obj map[string]any) map[string]any {
	out := make(map[string]any, len(props))
	for _, pt := range props {
		prop, typ, _ := strings.Cut(pt, ":")
		if v, ok := s.exportValue(res, prop, typ, obj); ok {
			out[prop] = v
		}
	}
	return out
}

func (s *Server) exportValue(res *resource, prop, typ string, obj map[string]any) (any, bool) {
	if v, ok := s.exportSpecial(res, prop, obj); ok {
		return v, ok
	}
	from := prop
	if f, ok := exportFrom[res.key][prop]; ok {
		from = f
	} else if _, has := obj[prop]; !has {
		for _, c := range []string{prop + "Id", strings.TrimSuffix(prop, "Name") + "Id"} {
			if _, has := obj[c]; has {
				from = c
				break
			}
		}
	}
	vals, _ := walk(obj, from)
	if len(vals) != 1 || !vals[0].present {
		return nil, false
	}
	v := vals[0].val
	ref := res.refOf(from)
	switch typ {
	case "s":
		if ref != "" {
			return s.nameOf(ref, str(v)), true
		}
		return text(v), true
	case "a":
		list, _ := v.([]any)
		names := make([]any, 0, len(list))
		for _, el := range list {
			if ref = res.refOf(from + "[]"); ref != "" {
				names = append(names, s.nameOf(ref, str(el)))
			} else {
				names = append(names, text(el))
			}
		}
		return names, true
	}
	return cloneValue(v), true
}

// exportSpecial builds the export properties that reshape nested objects.
func (s *Server) exportSpecial(res *resource, prop string, obj map[string]any) (any, bool) {
	pairs := func(ids []any) []any {
		out := make([]any, 0, len(ids))
		for _, id := range ids {
			t := s.st.get("team", str(id))
			out = append(out, map[string]any{"teamName": str(t["name"]), "siteName": s.nameOf("site", str(t["siteId"]))})
		}
		return out
	}
	switch res.key + "." + prop {
	case "agent-profile.buddyTeamsList":
		ids, _ := obj["buddyTeams"].([]any)
		return pairs(ids), len(ids) > 0
	case "agent-profile.viewableStatsTeam":
		vs, _ := obj["viewableStatistics"].(map[string]any)
		ids, _ := vs["teams"].([]any)
		return pairs(ids), len(ids) > 0
	case "contact-service-queue.callDistributionGroups":
		groups, _ := obj["callDistributionGroups"].([]any)
		out := make([]any, 0, len(groups))
		for _, g := range groups {
			gm, _ := g.(map[string]any)
			ag, _ := gm["agentGroups"].([]any)
			ids := make([]any, 0, len(ag))
			for _, a := range ag {
				ids = append(ids, str(a.(map[string]any)["teamId"]))
			}
			out = append(out, map[string]any{"order": gm["order"], "duration": gm["duration"], "agentGroups": pairs(ids)})
		}
		return out, len(groups) > 0
	case "contact-service-queue.agents":
		agents, _ := obj["agents"].([]any)
		out := make([]any, 0, len(agents))
		for _, a := range agents {
			out = append(out, str(s.st.get("user", str(a.(map[string]any)["id"]))["email"]))
		}
		return out, len(agents) > 0
	case "business-hours.workingHours":
		return renamed(obj["workingHours"], map[string]string{"name": "workingHourName", "startTime": "startTime", "endTime": "endTime", "days": "days"})
	case "outdial-ani.entryDetails":
		return renamed(obj["outdialANIEntries"], map[string]string{"name": "entryName", "number": "entryNumber"})
	case "desktop-layout.teamNames": // the teams that use the layout
		var out []any
		for _, rec := range s.st.records(byKey["team"], "") {
			if str(rec.obj["desktopLayoutId"]) == str(obj["id"]) {
				out = append(out, rec.obj["name"])
			}
		}
		return out, len(out) > 0
	case "address-book.entryDetails":
		var out []any
		for _, rec := range s.st.records(byKey["address-book-entry"], str(obj["id"])) {
			out = append(out, map[string]any{"entryName": rec.obj["name"], "phoneNumber": rec.obj["number"]})
		}
		return out, len(out) > 0
	}
	return nil, false
}

// renamed copies a list of objects keeping only the keys of names, renamed.
func renamed(v any, names map[string]string) (any, bool) {
	list, _ := v.([]any)
	out := make([]any, 0, len(list))
	for _, el := range list {
		m, _ := el.(map[string]any)
		o := map[string]any{}
		for k, val := range m {
			if n, ok := names[k]; ok {
				o[n] = val
			}
		}
		out = append(out, o)
	}
	return out, len(list) > 0
}

// refOf returns the resource a field path refers to, or "".
func (r *resource) refOf(path string) string {
	for _, f := range r.fields {
		if f.path == path {
			return f.ref
		}
	}
	return ""
}

// nameOf names the object of resource key with id ("" when it is gone).
func (s *Server) nameOf(key, id string) string {
	if obj := s.st.get(key, id); obj != nil {
		return displayName(obj)
	}
	return ""
}

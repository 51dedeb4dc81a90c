package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Rules that span fields or objects, one function per object type (see resource.check).
// They run after the field rules pass, with the state locked.

// checkTeam: a capacity team stands for agents outside Webex; it has none of its own.
func checkTeam(_ *state, t map[string]any) []string {
	if str(t["teamType"]) == "CAPACITY" {
		if ids, _ := t["userIds"].([]any); len(ids) > 0 {
			return []string{"userIds: a CAPACITY team cannot have agents"}
		}
	}
	return nil
}

// checkAuxCode: the code's kind must be the kind of its work type.
func checkAuxCode(st *state, c map[string]any) []string {
	wt := st.get("work-type", str(c["workTypeId"]))
	if wt == nil {
		return nil
	}
	if have, want := str(wt["workTypeCode"]), str(c["workTypeCode"]); have != want {
		return []string{"workTypeId: work type " + strconv.Quote(str(wt["name"])) + " is a " + have +
			" work type, not " + want}
	}
	return nil
}

// checkSkill: an enum skill lists its values, and only an enum skill does.
func checkSkill(_ *state, s map[string]any) []string {
	vals, _ := s["enumSkillValues"].([]any)
	isEnum := str(s["skillType"]) == "ENUM"
	switch {
	case isEnum && len(vals) == 0:
		return []string{"enumSkillValues: must not be empty for an enum skill"}
	case !isEnum && len(vals) > 0:
		return []string{"enumSkillValues: only an enum skill has values"}
	}
	seen := map[string]bool{}
	for i, v := range vals {
		name := strings.ToLower(str(v.(map[string]any)["name"]))
		if seen[name] {
			return []string{"enumSkillValues[" + strconv.Itoa(i) + "].name: is used twice"}
		}
		seen[name] = true
	}
	return nil
}

// checkSkillProfile: at least one skill, and enum skill values that exist.
func checkSkillProfile(st *state, p map[string]any) []string {
	skills, _ := p["activeSkills"].([]any)
	enums, _ := p["activeEnumSkills"].([]any)
	if len(skills)+len(enums) == 0 {
		return []string{"activeSkills: Atleast one skill is mandatory."} // live wording
	}
	var msgs []string
	for i, e := range enums {
		id := str(e.(map[string]any)["enumSkillValueId"])
		if !st.enumValueExists(id) {
			msgs = append(msgs, "activeEnumSkills["+strconv.Itoa(i)+"].enumSkillValueId: not found for given orgId.")
		}
	}
	return msgs
}

// checkAudioFile: audio files are WAV and are named so.
func checkAudioFile(_ *state, a map[string]any) []string {
	if !strings.HasSuffix(strings.ToLower(str(a["name"])), ".wav") {
		return []string{"name: must end with the .wav extension"}
	}
	return nil
}

// checkEntryPoint: outdial entry points are telephony only.
func checkEntryPoint(_ *state, e map[string]any) []string {
	if str(e["entryPointType"]) == "OUTBOUND" && str(e["channelType"]) != "TELEPHONY" {
		return []string{"channelType: an OUTBOUND entry point supports TELEPHONY only"}
	}
	return nil
}

// refuseDialNumber: live-api.md: the number must already be in the Webex Calling
// location inventory, else 404 "Dialed number does not exist".
func refuseDialNumber(_ *state, item, _ map[string]any) *itemError {
	if !slices.Contains(callingInventory, str(item["dialledNumber"])) {
		return newItemError(http.StatusNotFound, "dial_number", "Dialed number does not exist")
	}
	return nil
}

// refuseSkillProfile: live-api.md: activeEnumSkills entries carry only
// {enumSkillValueId}; adding skillId makes the server fail with 500.
func refuseSkillProfile(_ *state, item, _ map[string]any) *itemError {
	enums, _ := item["activeEnumSkills"].([]any)
	for _, e := range enums {
		if m, _ := e.(map[string]any); m["skillId"] != nil {
			return newItemError(http.StatusInternalServerError, "skill_profile", "Internal Server Error")
		}
	}
	return nil
}

// checkUserProfile: live-api.md: ADMINISTRATOR_ONLY and STANDARD_AGENT profiles need
// permissionAccessLevel SPECIFIC and then a permissions list.
func checkUserProfile(_ *state, p map[string]any) []string {
	if t := str(p["profileType"]); t != "ADMINISTRATOR_ONLY" && t != "STANDARD_AGENT" {
		return nil
	}
	if str(p["permissionAccessLevel"]) != "SPECIFIC" {
		return []string{"permissionAccessLevel: must be SPECIFIC for a " + str(p["profileType"]) + " profile"}
	}
	if list, _ := p["permissions"].([]any); len(list) == 0 {
		return []string{"permissions: must not be empty when permissionAccessLevel is SPECIFIC"}
	}
	return nil
}

// checkAgentProfile: live-api.md: autoWrapAfterSeconds only together with autoWrapUp=true.
func checkAgentProfile(_ *state, p map[string]any) []string {
	if p["autoWrapAfterSeconds"] != nil && p["autoWrapUp"] != true {
		return []string{"autoWrapAfterSeconds: should be specified when autoWrapUp is true"}
	}
	return nil
}

// refuseAgentProfile: live-api.md: a create of a clone of a system default desktop
// profile (an item that says systemDefault: true) is refused with 403.
// A create that reuses the id of another profile's viewableStatistics (a clone that kept
// it) is a 409 that names nothing, as on live tenants.
func refuseAgentProfile(_ *state, item, old map[string]any) *itemError {
	if old == nil && item["systemDefault"] == true {
		return newItemError(http.StatusForbidden, "agent_profile", "User not Allowed to create system default entity")
	}
	if vs, _ := item["viewableStatistics"].(map[string]any); old == nil && str(vs["id"]) != "" {
		return newItemError(http.StatusConflict, "agent_profile", "Internal error. Please contact Cisco Support Team")
	}
	return nil
}

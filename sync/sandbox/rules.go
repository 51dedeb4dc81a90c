package sandbox

import (
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
	isEnum := strings.EqualFold(str(s["skillType"]), "enum")
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
		return []string{"activeSkills: a skill profile needs at least one skill"}
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

// checkDialNumber: a mapping needs a number to map.
func checkDialNumber(_ *state, d map[string]any) []string {
	for _, k := range []string{"dialledNumber", "extension", "routingPrefix", "esn"} {
		if str(d[k]) != "" {
			return nil
		}
	}
	return []string{"dialledNumber: must not be blank when no extension, routingPrefix or esn is given"}
}

// checkEntryPoint: outdial entry points are telephony only.
func checkEntryPoint(_ *state, e map[string]any) []string {
	if str(e["entryPointType"]) == "OUTBOUND" && str(e["channelType"]) != "TELEPHONY" {
		return []string{"channelType: an OUTBOUND entry point supports TELEPHONY only"}
	}
	return nil
}

package sandbox

import (
	"net/http"
	"strconv"
	"strings"
)

// Multimedia profiles, desktop layouts, CAD variables and dial plans: DTOs of the spec
// (MultimediaProfileDTO, DesktopLayoutDTO, CadVariableDTO, DialPlanDTO) with the live
// rules of live-api.md, "Required on create".

var multimediaProfileResource = &resource{key: "multimedia-profile", idWall: true, entity: "multimedia_profile",
	createStatus: 200, unique: &unique{field: "name"},
	fields: []field{
		{path: "name", kind: kString, req: true, maxLen: 80, pattern: patPlain},
		fDescription, fActive,
		{path: "telephony", kind: kInt, req: true, min: i64(0)},
		{path: "chat", kind: kInt, req: true, min: i64(0)},
		{path: "email", kind: kInt, req: true, min: i64(0)},
		{path: "social", kind: kInt, req: true, min: i64(0)},
		{path: "blendingMode", kind: kString, req: true, enum: []string{"BLENDED", "BLENDED_REALTIME", "EXCLUSIVE"}}, // live
		{path: "blendingModeEnabled", kind: kBool, req: true},
		// live: manuallyAssignable is required on create, a nested object of per-channel integers.
		{path: "manuallyAssignable", kind: kObject, req: true},
		{path: "manuallyAssignable.telephony", kind: kInt, req: true, min: i64(0)},
		{path: "manuallyAssignable.chat", kind: kInt, req: true, min: i64(0)},
		{path: "manuallyAssignable.email", kind: kInt, req: true, min: i64(0)},
		{path: "manuallyAssignable.social", kind: kInt, req: true, min: i64(0)},
		{path: "workItem", kind: kInt, min: i64(0)},
		{path: "manuallyAssignable.workItem", kind: kInt, min: i64(0)},
	}, refuse: refuseWorkItem, fill: fillWorkItem}

// Live (dwolgast-lab/wxcc-skills CHANGELOG.md, mcp_server.py "WORKITEM TRAP"): a GET of
// a multimedia profile carries workItem, at the top level and inside manuallyAssignable,
// which the spec's DTO lacks; on a tenant without the work-item feature flag a write
// that sends it is refused with 400 "workItem is not allowed when feature flag is
// disabled". The sandbox's tenant has the flag only with Options.WorkItemFeature.
func refuseWorkItem(st *state, item, _ map[string]any) *itemError {
	if st.workItem {
		return nil
	}
	ma, _ := item["manuallyAssignable"].(map[string]any)
	if _, top := item["workItem"]; top || ma["workItem"] != nil {
		return newItemError(http.StatusBadRequest, "multimedia_profile", "workItem is not allowed when feature flag is disabled")
	}
	return nil
}

// fillWorkItem gives a stored profile the workItem counts a live GET shows (0 when the
// write did not set them).
func fillWorkItem(obj map[string]any) {
	if _, ok := obj["workItem"]; !ok {
		obj["workItem"] = int64(0)
	}
	if ma, ok := obj["manuallyAssignable"].(map[string]any); ok && ma["workItem"] == nil {
		ma["workItem"] = int64(0)
	}
}

// desktopLayoutResource: live requires name, jsonFileName, jsonFileContent,
// defaultJsonModified, status, editedBy (the spec adds global and validated).
// live (wxcc-skills, wxcc-sandbox-exporter): the v2 list leaves jsonFileContent out.
var desktopLayoutResource = &resource{key: "desktop-layout", idWall: true, entity: "desktop_layout", createStatus: 200,
	listOmits: []string{"jsonFileContent"},
	unique:    &unique{field: "name"}, check: checkDesktopLayout,
	fields: []field{
		{path: "name", kind: kString, req: true, maxLen: 255},
		fDescription,
		{path: "editedBy", kind: kString, req: true, maxLen: 255},
		{path: "jsonFileName", kind: kString, req: true, maxLen: 255},
		{path: "jsonFileContent", kind: kString, req: true, minLen: 1},
		{path: "global", kind: kBool},
		{path: "status", kind: kBool, req: true},
		{path: "defaultJsonModified", kind: kBool, req: true},
		{path: "validated", kind: kBool},
		{path: "validatedTime", kind: kInt},
		{path: "defaultJsonModifiedTime", kind: kInt},
		{path: "modifiedTime", kind: kInt},
		{path: "teamIds[]", kind: kString, ref: "team"},
	}}

var cadVariableResource = &resource{key: "cad-variable", entity: "cad_variable", createStatus: 200,
	unique: &unique{field: "name"}, check: checkCadVariable,
	fields: []field{
		{path: "name", kind: kString, req: true, maxLen: 80, pattern: `^[a-zA-Z0-9_]+$`},
		{path: "description", kind: kString, maxLen: 256},
		fActive,
		{path: "agentEditable", kind: kBool, req: true},
		{path: "variableType", kind: kString, req: true, enum: []string{"STRING", "INTEGER", "DATE_TIME", "BOOLEAN",
			"DECIMAL", "String", "Integer", "DateTime", "Boolean", "Decimal"}},
		{path: "defaultValue", kind: kString, req: true, maxLen: 256},
		{path: "reportable", kind: kBool, req: true},
		{path: "agentViewable", kind: kBool, req: true},
		{path: "sensitive", kind: kBool},
		{path: "desktopLabel", kind: kString, maxLen: 50},
	}}

var dialPlanResource = &resource{key: "dial-plan", entity: "dial_plan", createStatus: 200, unique: &unique{field: "name"},
	fields: []field{
		{path: "name", kind: kString, req: true, maxLen: 80, pattern: patUserProfile},
		fDescription, fActive,
		{path: "regularExpression", kind: kString, req: true, maxLen: 255},
		{path: "prefix", kind: kString, maxLen: 50},
		{path: "strippedChars", kind: kString, maxLen: 128},
	}}

// checkCadVariable: live: agentViewable=true requires desktopLabel, and defaultValue
// must be valid for the variableType (400 "validDefaultValueForVariabelType").
func checkCadVariable(_ *state, v map[string]any) []string {
	if v["agentViewable"] == true && str(v["desktopLabel"]) == "" {
		return []string{"desktopLabel: must not be blank when agentViewable is true"}
	}
	d, ok := str(v["defaultValue"]), true
	switch strings.ToUpper(str(v["variableType"])) {
	case "INTEGER":
		_, err := strconv.ParseInt(d, 10, 64)
		ok = err == nil
	case "DECIMAL":
		_, err := strconv.ParseFloat(d, 64)
		ok = err == nil
	case "BOOLEAN":
		ok = d == "true" || d == "false"
	}
	if !ok {
		return []string{"defaultValue: validDefaultValueForVariabelType"}
	}
	return nil
}

// checkDesktopLayout: a team has one desktop layout, and a global layout claims every
// team (live: a second global layout is a 400 naming teams "already assigned to another
// desktop layout", though it lists none).
func checkDesktopLayout(st *state, l map[string]any) []string {
	mine := map[string]bool{}
	for _, id := range values(l, "teamIds[]") {
		mine[str(id)] = true
	}
	for id, rec := range st.tables["desktop-layout"].recs {
		if id == str(l["id"]) {
			continue
		}
		clash := l["global"] == true && rec.obj["global"] == true
		for _, t := range values(rec.obj, "teamIds[]") {
			clash = clash || mine[str(t)]
		}
		if clash {
			return []string{"teamIds: Teams assigned to this desktop layout are already assigned to another desktop layout"}
		}
	}
	return nil
}

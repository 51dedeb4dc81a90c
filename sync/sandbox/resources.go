package sandbox

import (
	"fmt"
	"regexp"
	"strings"
)

// Fields shared by many DTOs.
var (
	fDescription = field{path: "description", kind: kString, maxLen: 255}
	fActive      = field{path: "active", kind: kBool, req: true}
)

// resources is the table of object types the sandbox serves: adding one is adding an
// entry. Fields and rules follow the spec's DTOs, and live tenants where they are
// stricter (live-api.md).
var resources = []*resource{
	multimediaProfileResource,
	resourceCollectionResource,
	{key: "site", idWall: true, entity: "site", unique: &unique{field: "name"},
		fields: []field{
			{path: "name", kind: kString, req: true, minLen: 1, maxLen: 80, pattern: patSite},
			fActive, fDescription,
			{path: "multimediaProfileId", kind: kString, req: true, ref: "multimedia-profile"},
		}},
	desktopLayoutResource,
	{key: "work-type", entity: "work_type", createStatus: 200, unique: &unique{field: "name"},
		fields: []field{
			{path: "name", kind: kString, req: true, maxLen: 80, pattern: patPlain},
			fDescription, fActive,
			{path: "workTypeCode", kind: kString, req: true, enum: workCodes},
		}},
	{key: "auxiliary-code", entity: "auxiliary_code", unique: &unique{field: "name"},
		patchBulk: []string{"auxiliary-code/bulk"}, check: checkAuxCode,
		fields: []field{
			{path: "name", kind: kString, req: true, maxLen: 80, pattern: patAuxCode},
			fDescription, fActive,
			{path: "defaultCode", kind: kBool, req: true},
			{path: "isSystemCode", kind: kBool},
			{path: "workTypeId", kind: kString, req: true, ref: "work-type"},
			{path: "workTypeCode", kind: kString, req: true, enum: workCodes},
			{path: "burnoutInclusion", kind: kString, enum: []string{"NOT_APPLICABLE", "EXCLUDED", "INCLUDED"}},
		}},
	{key: "skill", idWall: true, entity: "skill", unique: &unique{field: "name"}, nestedIDs: []string{"enumSkillValues[]"},
		check: checkSkill,
		fields: []field{
			{path: "name", kind: kString, req: true, maxLen: 80, pattern: patSkill, immutable: true},
			fDescription, fActive,
			{path: "serviceLevelThreshold", kind: kInt, req: true},
			{path: "skillType", kind: kString, req: true, enum: skillTypes, immutable: true},
			{path: "dynamicSkill", kind: kBool},
			{path: "enumSkillValues[].name", kind: kString, req: true, maxLen: 80, pattern: patPlain},
			{path: "enumSkillValues[].description", kind: kString, maxLen: 255},
		}},
	// live (wxcc-skills, wxcc-sandbox-exporter): v2 list rows carry only id, name,
	// description, links and timestamps; the skills are read with a GET.
	{key: "skill-profile", leanV1: true, idWall: true, entity: "skill_profile", unique: &unique{field: "name"}, check: checkSkillProfile, refuse: refuseSkillProfile,
		listOmits: []string{"organizationId", "version", "activeSkills", "activeEnumSkills"},
		nestedIDs: []string{"activeSkills[]"}, keptNeedID: map[string]string{"activeSkills": "skillId"},
		fields: []field{
			{path: "name", kind: kString, req: true, maxLen: 80, pattern: patSkill},
			fDescription,
			{path: "activeSkills[].skillId", kind: kString, req: true, minLen: 1, ref: "skill"},
			{path: "activeSkills[].booleanValue", kind: kBool}, // live: the value the skill's type takes
			{path: "activeSkills[].proficiencyValue", kind: kInt, min: i64(0), max: i64(10)},
			{path: "activeSkills[].textValue", kind: kString, maxLen: 100},
			{path: "activeSkills[].skillName", kind: kString},
			{path: "activeEnumSkills[].enumSkillValueId", kind: kString, req: true},
			{path: "activeEnumSkills[].enumSkillName", kind: kString},
			{path: "activeEnumSkills[].enumSkillValue", kind: kString},
			{path: "activeEnumSkills[].enumSkillId", kind: kString},
		}},
	{key: "audio-file", entity: "audio_file", createStatus: 200, multipart: true,
		unique: &unique{field: "name"}, check: checkAudioFile,
		fields: []field{
			{path: "name", kind: kString, req: true, maxLen: 80, pattern: patPlain},
			{path: "contentType", kind: kString, req: true,
				enum: []string{"AUDIO_WAV", "TEXT_HTML", "TEXT_PHP", "AUDIO_X_WAV", "APPLICATION_OCTET_STREAM"}},
			{path: "blobId", kind: kString},
			{path: "url", kind: kString},
			{path: "audioFile", kind: kString},
			fDescription,
		}},
	dialPlanResource,
	greetingPurposeResource,
	greetingResource,
	cadVariableResource,
	holidayListResource,
	overridesResource,
	businessHoursResource,
	{key: "address-book", entity: "address_book", bases: []string{"v3/address-book", "address-book"},
		lists: []string{"v3/address-book", "v2/address-book"}, bulk: []string{}, unique: &unique{field: "name"},
		fields: []field{
			{path: "name", kind: kString, req: true, maxLen: 80, pattern: patPlain},
			fDescription,
			{path: "parentType", kind: kString, req: true, enum: parentTypes, immutable: true},
			{path: "siteId", kind: kString, ref: "site", when: &cond{"parentType", []string{"SITE"}}},
		}},
	{key: "address-book-entry", entity: "address_book_entry", parent: "address-book", createStatus: 200,
		bases: []string{"address-book/{parentId}/entry"}, lists: []string{"v2/address-book/{parentId}/entry"},
		bulk: []string{"address-book/{parentId}/entry/bulk"}, unique: &unique{field: "name", scope: "parent"},
		fields: []field{
			{path: "name", kind: kString, req: true, maxLen: 80, pattern: patPlain},
			{path: "number", kind: kString, req: true, pattern: patBookNumber},
		}},
	{key: "outdial-ani", leanV1: true, idWall: true, entity: "outdial_ani", unique: &unique{field: "name"}, nestedIDs: []string{"outdialANIEntries[]"},
		keptNeedID: map[string]string{"outdialANIEntries": "name"},
		fields: []field{
			{path: "name", kind: kString, req: true, maxLen: 80, pattern: patPlain},
			fDescription,
			{path: "outdialANIEntries", kind: kArray, req: true}, // live: required on create
			{path: "outdialANIEntries[].name", kind: kString, req: true, maxLen: 80, pattern: patPlain},
			{path: "outdialANIEntries[].number", kind: kString, req: true},
			{path: "outdialANIEntries[].defaultANIEntry", kind: kBool},
		}},
	{key: "contact-number", idWall: true, entity: "contact_number", unique: &unique{field: "number"}, idInPut: true,
		fields: []field{{path: "number", kind: kString, req: true, minLen: 1, pattern: patDigits},
			{path: "number", kind: kString, maxLen: 9, why: "should not be more than 9 characters"}}},
	teamResource,
	queueResource,
	entryPointResource,
	{key: "dial-number", entity: "dial_number", createStatus: 200, lists: []string{"v2/dial-number", "v3/dial-number"},
		unique: &unique{field: "dialledNumber"}, refuse: refuseDialNumber,
		fields: []field{
			// live: dialledNumber, entryPointId, entryPointName, location, regionId on create.
			{path: "dialledNumber", kind: kString, req: true, maxLen: 20, pattern: patDialled},
			{path: "extension", kind: kString, maxLen: 10, pattern: `^\d{2,10}$`},
			{path: "routingPrefix", kind: kString, maxLen: 7, pattern: `^\d{2,7}$`},
			{path: "esn", kind: kString, maxLen: 17, pattern: `^\d{2,17}$`},
			{path: "routePointId", kind: kString},
			{path: "entryPointId", kind: kString, req: true, ref: "entry-point"},
			{path: "entryPointName", kind: kString, req: true},
			{path: "defaultAni", kind: kBool},
			{path: "location", kind: kString, req: true},
			{path: "regionId", kind: kString, req: true},
			{path: "dialledNumberDigits", kind: kString},
		}},
	agentProfileResource,
	userProfileResource,
	userResource,
}

var byKey = map[string]*resource{}

func init() {
	for _, r := range resources {
		if err := r.prepare(); err != nil {
			panic(err) // a defect of the table above, caught by every test
		}
		byKey[r.key] = r
	}
	for _, r := range resources {
		for _, f := range r.fields {
			if f.ref != "" && byKey[f.ref] == nil {
				panic(fmt.Sprintf("sandbox: %s.%s refers to unknown resource %q", r.key, f.path, f.ref))
			}
		}
	}
}

// prepare fills the defaults of a table entry and compiles its patterns.
func (r *resource) prepare() error {
	if r.bases == nil {
		r.bases = []string{r.key}
	}
	if r.lists == nil {
		r.lists = []string{"v2/" + r.key}
	}
	if r.bulk == nil && !r.multipart && !r.noCreate {
		r.bulk = []string{r.key + "/bulk"}
	}
	if r.multipart && r.infoPart == "" {
		r.infoPart = "audioFileInfo"
	}
	if r.createStatus == 0 {
		r.createStatus = 201
	}
	r.top = map[string]bool{}
	for i := range r.fields {
		f := &r.fields[i]
		first, _, _ := strings.Cut(f.path, ".")
		r.top[strings.TrimSuffix(first, "[]")] = true
		if f.pattern == "" {
			continue
		}
		re, err := regexp.Compile(f.pattern)
		if err != nil {
			return fmt.Errorf("sandbox: %s.%s: %w", r.key, f.path, err)
		}
		f.re = re
	}
	return nil
}

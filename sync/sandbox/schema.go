package sandbox

import "regexp"

// kind is the JSON type a field holds.
type kind uint8

const (
	kString kind = iota + 1
	kInt
	kBool
	kArray
	kObject
	kAny
)

// cond holds when the top-level field path has one of the values in.
type cond struct {
	path string
	in   []string
}

// field is one rule-bearing field of a DTO. path is dotted; a segment ending in [] is an
// array whose every element the rest of the path applies to ("teamIds[]" is each team id,
// "callDistributionGroups[].agentGroups[].teamId" each team of each group).
type field struct {
	path      string
	kind      kind
	req       bool   // must be present (strings: not blank)
	nonEmpty  bool   // an array that must hold an element (the spec's minItems 1)
	why       string // the live message of a failed check, instead of the generic one
	when      *cond  // required only when this holds
	enum      []string
	minLen    int
	maxLen    int // 0 = no limit
	pattern   string
	min, max  *int64
	ref       string // key of the resource the value is an id of
	immutable bool   // may not change once created (top-level fields only)

	re *regexp.Regexp
}

// unique says which field is unique and within what: scope is a top-level field
// ("siteId" for teams), "parent" for sub-resources, "" for the whole organization.
type unique struct {
	field string
	scope string
}

// resource is one object type of the config API. Paths are relative to
// /organization/{orgid}/ and may hold {parentId} for sub-resources.
type resource struct {
	key          string   // "site"
	entity       string   // the name used in error messages
	bases        []string // single-object paths; the first is canonical
	lists        []string // paged list paths (v2/v3)
	bulk         []string // POST bulk paths: SAVE replaces the whole object
	patchBulk    []string // PATCH bulk paths: SAVE merges the fields given
	parent       string   // key of the parent resource (address-book entries)
	createStatus int      // status of a single create: 201 or 200
	noCreate     bool     // objects come from elsewhere (contact-center users)
	noDelete     bool
	// idWall: live tenants refuse an id-bearing SAVE on POST …/bulk ("New configuration
	// cannot have an id"); such objects are updated one by one with PUT …/{id}.
	idWall    bool
	multipart bool // created and replaced by multipart upload (audio files)
	// infoPart names the metadata part of a multipart upload (default audioFileInfo).
	infoPart string
	// patchConflict: PATCH …/{id} answers a nameless 409 (live: agent-personal-greeting).
	patchConflict bool
	nestedIDs     []string // arrays whose elements get an id (enumSkillValues[])
	// keptNeedID: arrays whose elements, on update, must resend their own id; an element
	// without one whose key field matches a stored element is a 409 (live: skill-profile
	// activeSkills by skillId, outdial-ani entries).
	keptNeedID map[string]string
	// subEntities: nested objects that are entities of their own, with an id the server
	// gives (live: an agent profile's viewableStatistics).
	subEntities []string
	// listOmits: fields a v2/v3 list page leaves out (live: the v3 user-profile list
	// omits permissions; read the object for them).
	listOmits []string
	// notStored: fields a write may carry that the answer is 200 to but that are not
	// kept (live: a user's userLevelSummariesInclusion, userLevelAutoCSATInclusion).
	notStored []string
	// idInPut: PUT …/{id} wants the id in the payload too (live: contact-number).
	idInPut bool
	// leanV1: the old v1 list (GET base) gives the spec's "…DTOList" objects, which
	// have no array fields; other v1 lists give whole objects.
	leanV1 bool
	unique *unique
	fields []field
	// check applies the rules that span fields or objects; it runs with the state locked.
	check func(st *state, obj map[string]any) []string
	// refuse, when set, may refuse a valid object with a status other than 400 (a
	// dialled number outside the inventory is 404); item is the request's item, old the
	// stored object (nil on create). It runs with the state locked.
	refuse func(st *state, item, old map[string]any) *itemError
	// fill sets the fields the server gives every stored object that lacks them (live:
	// a multimedia profile's workItem).
	fill func(obj map[string]any)

	top map[string]bool // top-level field names, filled by prepare
}

// known reports whether name is a top-level field of the DTO.
func (r *resource) known(name string) bool {
	return commonFields[name] || r.top[name]
}

// commonFields are in every DTO; the server sets them.
var commonFields = map[string]bool{
	"id": true, "version": true, "organizationId": true, "systemDefault": true, "links": true,
	"createdTime": true, "lastUpdatedTime": true,
}

// noSystemDefault are the types whose records have no systemDefault field: it exists on
// 14 of the 22 live types (dwolgast-lab/wxcc-sandbox-exporter registry.py, live-api.md).
var noSystemDefault = map[string]bool{"address-book": true, "address-book-entry": true, "business-hours": true, "resource-collection": true,
	"dial-number": true, "holiday-list": true, "outdial-ani": true, "overrides": true, "skill-profile": true}

func i64(v int64) *int64 { return &v }

// Enumerations shared by several DTOs.
var (
	accessLevels    = []string{"SPECIFIC", "ALL", "PROVISIONED_VALUE", "NONE"}
	channelTypes    = []string{"TELEPHONY", "EMAIL", "FAX", "CHAT", "VIDEO", "OTHERS", "SOCIAL_CHANNEL"}
	digitalChannels = channelTypes[1:]
	socialTypes     = []string{"MESSAGEBIRD", "MESSENGER", "WHATSAPP", "APPLE_BUSINESS_CHAT", "GOOGLE_BUSINESS_MESSAGES"}
	inclusion       = []string{"INCLUDED", "EXCLUDED"}
	workCodes       = []string{"IDLE_CODE", "WRAP_UP_CODE"}
	parentTypes     = []string{"ORGANIZATION", "SITE"}
	// live: skill types are upper case, although the spec's enum lists
	// Proficiency/Boolean/Text/enum (apispec.Deviations).
	skillTypes = []string{"PROFICIENCY", "BOOLEAN", "TEXT", "ENUM"}
)

// Name patterns of the DTOs, in Go syntax (the spec's Java [\d-_] becomes [0-9_-]).
const (
	patSite         = `^[a-zA-Z0-9_\s-]+$`
	patPlain        = `^[a-zA-Z0-9._\-\s]*$`
	patUserProfile  = `^[a-zA-Z0-9,_\-\s]*$`
	patAgentProfile = `^[a-zA-Z0-9._\s\-()]+$`
	patEntryPoint   = `^[a-zA-Z0-9&_\-\s]*$`
	patSkill        = `^[a-zA-Z0-9,@_.\-\s]*$`
	patAuxCode      = `^[a-zA-Z0-9._)/(\-\s]*$`
	patDigits       = `^[0-9]*$`
	patDialled      = `^\+?\d+[\d.\-]*$`
	patBookNumber   = `^[0-9()+-]+$`
)

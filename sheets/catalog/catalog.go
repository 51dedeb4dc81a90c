// Package catalog describes every object type of Control Hub's Bulk Operations as data:
// its columns, the rules on each column, how rows group into objects, and how a row maps
// onto the Webex Contact Center configuration API. One embedded JSON file per object type
// (data/*.json); adding an object type means adding a file, not code.
package catalog

// Type is the kind of value a column holds.
type Type string

const (
	Text     Type = "text"     // free text, checked by length and pattern
	Integer  Type = "integer"  // whole number, optionally within Min..Max
	Decimal  Type = "decimal"  // number with an optional fraction
	Enum     Type = "enum"     // one of Values (a list of them when List is set)
	OnOff    Type = "onoff"    // ON or OFF (case-insensitive; On/Off as some templates spell it)
	Boolean  Type = "boolean"  // true or false
	Email    Type = "email"    // an e-mail address
	Phone    Type = "phone"    // a dialable number: digits, an optional leading +, separators
	TimeZone Type = "timezone" // an IANA time zone name such as America/New_York
	Ref      Type = "ref"      // the name of another object (Ref names its type); a list when List is set
	Date     Type = "date"     // YYYY-MM-DD
	Time     Type = "time"     // HH:MM (24 h)
)

// ListSeparator separates the items of a multi-value cell.
const ListSeparator = "|"

// Provenance codes, as in the research notes: where a fact came from.
const (
	FromPrimary   = "P" // read in a Cisco Bulk Operations help article: a hard rule
	FromSecondary = "S" // a third-party tool that follows the article: a default the template may override
	FromAPI       = "A" // the configuration API's DTO: value limits; header spelling is ours
)

// Condition holds on a row when the cell of Column is filled (Filled) or, with In,
// when it equals one of the values (compared without regard to case).
type Condition struct {
	Column string   `json:"column"`
	In     []string `json:"in,omitempty"`
	Filled bool     `json:"filled,omitempty"`
}

// Column is one column of an object type's sheet.
type Column struct {
	Header      string   `json:"header"`
	Aliases     []string `json:"aliases,omitempty"` // other spellings seen in templates and exports
	Description string   `json:"description"`
	Type        Type     `json:"type"`
	List        bool     `json:"list,omitempty"` // several values separated by ListSeparator
	Values      []string `json:"values,omitempty"`
	Required    bool     `json:"required,omitempty"`
	// RequiredWhen: required when any of the conditions holds.
	RequiredWhen []Condition `json:"requiredWhen,omitempty"`
	// ForbiddenWhen: must be empty when any of the conditions holds.
	ForbiddenWhen []Condition `json:"forbiddenWhen,omitempty"`
	// Child marks a column filled on the child rows of a parent/child group.
	Child bool `json:"child,omitempty"`
	// Sequence marks a child column that numbers a group's children 1..n (a queue's
	// Distribution Group Seq): no gaps, no repeats.
	Sequence  bool     `json:"sequence,omitempty"`
	MinLength int      `json:"minLength,omitempty"`
	MaxLength int      `json:"maxLength,omitempty"`
	Min       *float64 `json:"min,omitempty"`
	Max       *float64 `json:"max,omitempty"`
	// Pattern is a Go regexp every value (each list item) must match: an error when broken.
	Pattern string `json:"pattern,omitempty"`
	// WarnPattern is a documented but unconfirmed rule: a warning when broken.
	WarnPattern string `json:"warnPattern,omitempty"`
	// PatternHint says the pattern in words, for messages ("letters, digits, spaces, - and _").
	PatternHint string `json:"patternHint,omitempty"`
	Ref         string `json:"ref,omitempty"` // key of the referenced object type
	// APIField is the field of the API DTO this column maps to; dotted and [] paths
	// (callDistributionGroups[].agentGroups[].teamId) address nested values.
	APIField string `json:"apiField,omitempty"`
	// APIValues maps a sheet value to the API's spelling where they differ
	// (SOCIAL CHANNEL -> SOCIAL_CHANNEL); values not listed are sent as written.
	APIValues map[string]string `json:"apiValues,omitempty"`
	// Unsent marks a column whose values cannot reach the API (no field takes them):
	// a filled cell is a warning before a submit, with Note saying why.
	Unsent bool   `json:"unsent,omitempty"`
	Source string `json:"source"`
	Note   string `json:"note,omitempty"`
}

// API says how rows of an object type become calls of the configuration API.
// Paths are relative to /organization/{orgid}/.
type API struct {
	List string `json:"list"` // paged list, e.g. v2/site
	Get  string `json:"get"`  // one object, e.g. site/{id}
	// Routes are the requests that create, update and delete objects of the type as
	// live tenants take them (reference/live-api.md), which is not always what the spec
	// offers: the one table the job engine follows.
	Routes    Routes `json:"routes"`
	Filter    string `json:"filter,omitempty"`    // RSQL filter selecting this type on a shared resource
	KeyField  string `json:"keyField"`            // the DTO field that identifies an object: name, email
	Multipart bool   `json:"multipart,omitempty"` // audio files: multipart upload, one by one
	Covered   bool   `json:"covered"`             // the public API covers this type at all
	// Fixed are values a new object gets in fields the row does not fill: what makes it
	// this type on a shared resource (entryPointType: OUTBOUND), and what the API requires
	// that Control Hub's sheet has no column for (maxActiveContacts: 100). They are sent
	// on create only: an update starts from the object as the organization stores it and
	// keeps its values. Values that follow from the row (a desktop profile's parentType
	// from its Parent Site) are the job engine's, not data.
	Fixed map[string]any `json:"fixed,omitempty"`
	// Derived documents each field the job engine fills from other values of the row
	// (a multimedia profile's blendingModeEnabled from its Type): field → the rule.
	Derived map[string]string `json:"derived,omitempty"`
	// Why says, for each field of Fixed, why that value is the default.
	Why map[string]string `json:"why,omitempty"`
	// RequiredOnCreate are fields a create must carry (live tenants refuse it without
	// them) that the sheet does not require of every row, since an update has them
	// already: the engine fails a create that lacks one, on the column that fills it.
	RequiredOnCreate []string `json:"requiredOnCreate,omitempty"`
}

// CanCreate reports whether objects of the type can be created through the API (users
// and desktop layouts cannot: a row for a new one is an error).
func (a API) CanCreate() bool { return a.Routes.Create.Path != "" }

// Object is one object type of Bulk Operations.
type Object struct {
	Key   string `json:"key"`   // stable identifier: site, team, user, …
	Title string `json:"title"` // what Control Hub calls it
	// Group is the navigation group: Routing, People & teams, Desktop, Media, Schedules.
	Group   string   `json:"group"`
	Aliases []string `json:"aliases,omitempty"` // older names (Agent Profile, DN to EP Mapping)
	// Format is csv, or audio-zip for audio files (a zip of WAV files, no CSV).
	Format string `json:"format"`
	// KeyColumns identify an object within a sheet: Name; Email for users; Name+Site for teams.
	KeyColumns []string `json:"keyColumns"`
	// Rows is flat (one row an object) or group (a parent row then child rows repeating the key).
	Rows string `json:"rows"`
	// HeaderSource: P (confirmed), S (secondary only) or A (built from the API DTO).
	HeaderSource string   `json:"headerSource"`
	Note         string   `json:"note,omitempty"`
	Columns      []Column `json:"columns"`
	API          API      `json:"api"`
	// Order is the position in a dependency-safe import order (lower first).
	Order int `json:"order"`
}

// Row models.
const (
	Flat  = "flat"
	Group = "group"
)

// Formats.
const (
	FormatCSV      = "csv"
	FormatAudioZip = "audio-zip"
)

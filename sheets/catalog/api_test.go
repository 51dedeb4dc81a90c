package catalog

import (
	"strings"
	"testing"
)

func TestAPIBlock(t *testing.T) {
	for _, o := range All() {
		a := o.API
		if !a.Covered {
			t.Errorf("%s: every type in the catalog has a public API", o.Key)
		}
		if a.List == "" || a.Get == "" {
			t.Errorf("%s: list and get paths are required", o.Key)
		}
		if !strings.Contains(a.Get, "{id}") || (a.Update != "" && !strings.Contains(a.Update, "{id}")) {
			t.Errorf("%s: get %q and update %q must address one object by {id}", o.Key, a.Get, a.Update)
		}
		if a.Bulk == "" && a.Create == "" && a.Update == "" {
			t.Errorf("%s: no way to save an object", o.Key)
		}
		if a.BulkMethod != "" && a.BulkMethod != "POST" && a.BulkMethod != "PATCH" {
			t.Errorf("%s: bulk method %q", o.Key, a.BulkMethod)
		}
		for _, p := range []string{a.List, a.Get, a.Create, a.Update, a.Bulk} {
			if strings.HasPrefix(p, "/") || strings.Contains(p, "organization") {
				t.Errorf("%s: path %q must be relative to /organization/{orgid}/", o.Key, p)
			}
		}
	}
}

// Types sharing one API resource must be told apart by a filter on list and a fixed
// field on save, or an export would mix inbound and outbound objects.
func TestSharedResources(t *testing.T) {
	cases := []struct {
		key, filter, field, value string
	}{
		{"entry_point", `entryPointType=="INBOUND"`, "entryPointType", "INBOUND"},
		{"outdial_entry_point", `entryPointType=="OUTBOUND"`, "entryPointType", "OUTBOUND"},
		{"queue", `queueType=="INBOUND"`, "queueType", "INBOUND"},
		{"outdial_queue", `queueType=="OUTBOUND"`, "queueType", "OUTBOUND"},
	}
	for _, c := range cases {
		o, _ := Lookup(c.key)
		if o.API.Filter != c.filter {
			t.Errorf("%s: filter %q, want %q", c.key, o.API.Filter, c.filter)
		}
		if got := o.API.Fixed[c.field]; got != c.value {
			t.Errorf("%s: fixed %s = %v, want %s", c.key, c.field, got, c.value)
		}
	}
}

func TestAPISpecialCases(t *testing.T) {
	user, _ := Lookup("user")
	if !user.API.UpdateOnly || user.API.BulkMethod != "PATCH" || user.API.Bulk != "user/bulk" || user.API.Create != "" {
		t.Errorf("user: users are changed with PATCH user/bulk and never created: %+v", user.API)
	}
	audio, _ := Lookup("audio_file")
	if audio.Format != FormatAudioZip || !audio.API.Multipart || audio.API.Bulk != "" {
		t.Errorf("audio_file: a zip uploaded one multipart file at a time: format %q api %+v", audio.Format, audio.API)
	}
	book, _ := Lookup("address_book")
	if book.API.Bulk != "" || !strings.HasPrefix(book.API.List, "v3/") {
		t.Errorf("address_book: v3 paths and no bulk endpoint for books: %+v", book.API)
	}
	profile, _ := Lookup("user_profile")
	if profile.API.Bulk != "v3/user-profile/bulk" {
		t.Errorf("user_profile: bulk %q", profile.API.Bulk)
	}
	epm, _ := Lookup("entry_point_mapping")
	if epm.API.KeyField != "dialledNumber" || epm.API.Bulk != "dial-number/bulk" {
		t.Errorf("entry_point_mapping: %+v", epm.API)
	}
}

// Conventions the job engine relies on: child columns address an array of the object,
// single-valued parent columns do not (a list may fill one array item per value), and a
// column that is not sent says why.
func TestAPIFieldConventions(t *testing.T) {
	for _, o := range All() {
		for _, c := range o.Columns {
			switch {
			case c.APIField == "" && c.Note == "":
				t.Errorf("%s.%s: not sent to the API and no note says why", o.Key, c.Header)
			case c.APIField == "":
			case c.Child && !strings.Contains(c.APIField, "[]."):
				t.Errorf("%s.%s: child column mapped to %q, not into an array", o.Key, c.Header, c.APIField)
			case !c.Child && !c.List && strings.Contains(c.APIField, "[]"):
				t.Errorf("%s.%s: parent column mapped into an array (%q)", o.Key, c.Header, c.APIField)
			case c.Type == Ref && !c.List && !strings.HasSuffix(c.APIField, "Id"):
				t.Errorf("%s.%s: a reference is sent as an id field, not %q", o.Key, c.Header, c.APIField)
			}
			for sheet := range c.APIValues {
				if c.Type == Enum && !canHold(c, sheet) {
					t.Errorf("%s.%s: apiValues maps %q, which is not a value of the column", o.Key, c.Header, sheet)
				}
			}
		}
	}
}

func TestKnownMappings(t *testing.T) {
	cases := []struct{ key, column, field string }{
		{"site", "Multimedia Profile", "multimediaProfileId"},
		{"user", "Teams", "teamIds"},
		{"user", "Desktop Profile", "agentProfileId"},
		{"queue", "Distribution Group Seq", "callDistributionGroups[].order"},
		{"queue", "Group Fallback Time", "callDistributionGroups[].duration"},
		{"queue", "Group Teams", "callDistributionGroups[].agentGroups[].teamId"},
		{"skill_profile", "Skill Name", "activeSkills[].skillId"},
		{"skill_profile", "Skill Values", "activeSkills[].value"},
		{"desktop_profile", "Wrap Up Codes", "wrapUpCodes"},
		{"desktop_profile", "Idle Codes", "idleCodes"},
		{"desktop_profile", "Buddy Teams", "buddyTeams"},
		{"desktop_profile", "Dial Plan", "dialPlans"},
		{"global_variable", "Variable Type", "variableType"},
		{"entry_point_mapping", "Entry Point", "entryPointId"},
	}
	for _, c := range cases {
		o, _ := Lookup(c.key)
		i := o.Column(c.column)
		if i < 0 {
			t.Errorf("%s has no column %s", c.key, c.column)
			continue
		}
		if got := o.Columns[i].APIField; got != c.field {
			t.Errorf("%s.%s: apiField %q, want %q", c.key, c.column, got, c.field)
		}
	}
	gv, _ := Lookup("global_variable")
	if got := gv.Columns[gv.Column("Variable Type")].APIValues["DATE TIME"]; got != "DATE_TIME" {
		t.Errorf("global_variable: DATE TIME is sent as %q", got)
	}
	ep, _ := Lookup("entry_point")
	if got := ep.Columns[ep.Column("Channel Type")].APIValues["SOCIAL CHANNEL"]; got != "SOCIAL_CHANNEL" {
		t.Errorf("entry_point: SOCIAL CHANNEL is sent as %q", got)
	}
}

package sandbox

import (
	"strconv"
)

// Holiday lists, overrides and business hours: the spec's HolidayListDTO, OverridesDTO
// and BusinessHoursDTO with the live rules of live-api.md.

// patHours is the name pattern of the three DTOs and their entries; live: names only
// letters, digits, space, _ and - (the spec allows single spaces between words).
const patHours = `^[a-zA-Z0-9_-]+(\s?[a-zA-Z0-9_-]+)*$`

// whyHoursName is the live 400 of a name outside the charset ("should only contain
// alphanumeric characters...", the same validator on the three types).
const whyHoursName = "should only contain alphanumeric characters, space, underscore and hyphen"

var frequencies = []string{"DontRepeat", "Daily", "Weekly", "Monthly", "Yearly"}

// recurrence are the fields of RecurrenceDTO under prefix ("holidays[].recurrence").
func recurrence(prefix string) []field {
	return []field{
		{path: prefix, kind: kObject},
		{path: prefix + ".interval", kind: kInt, req: true, min: i64(1)},
		{path: prefix + ".occurrenceInTheMonth", kind: kString, enum: []string{"FIRST", "SECOND", "THIRD", "FOURTH", "LAST"}},
		{path: prefix + ".daysOfWeek[]", kind: kString},
		{path: prefix + ".specificDayOfMonth", kind: kInt, min: i64(1), max: i64(31)},
		{path: prefix + ".specificMonth", kind: kString, enum: []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL",
			"AUG", "SEP", "OCT", "NOV", "DEC"}},
		{path: prefix + ".endDate", kind: kString, pattern: `^\d{4}-\d{2}-\d{2}$`},
	}
}

var holidayListResource = &resource{key: "holiday-list", leanV1: true, idWall: true, entity: "holiday_list",
	unique: &unique{field: "name"}, check: checkHolidayList,
	fields: append([]field{
		{path: "name", kind: kString, req: true, maxLen: 80}, {path: "name", kind: kString, pattern: patHours, why: whyHoursName},
		fDescription,
		{path: "holidays", kind: kArray, req: true, nonEmpty: true, why: "Holiday list cannot be empty"},
		{path: "holidays[].name", kind: kString, req: true, maxLen: 80, pattern: patHours},
		{path: "holidays[].startDate", kind: kString, pattern: `^\d{4}-\d{2}-\d{2}$`},
		{path: "holidays[].endDate", kind: kString, pattern: `^\d{4}-\d{2}-\d{2}$`},
		{path: "holidays[].startTime", kind: kString},
		{path: "holidays[].endTime", kind: kString},
		// live: omit frequency instead of sending "None"; the enum has no "None".
		{path: "holidays[].frequency", kind: kString, enum: frequencies},
	}, recurrence("holidays[].recurrence")...)}

var overridesResource = &resource{key: "overrides", leanV1: true, idWall: true, entity: "overrides",
	unique: &unique{field: "name"},
	fields: append([]field{
		{path: "name", kind: kString, req: true, maxLen: 80}, {path: "name", kind: kString, pattern: patHours, why: whyHoursName},
		fDescription,
		{path: "timezone", kind: kString, req: true, minLen: 1},
		{path: "overrides", kind: kArray, req: true, nonEmpty: true, why: "Overrides cannot be empty"},
		{path: "overrides[].name", kind: kString, req: true, maxLen: 80, pattern: patHours},
		// live: override datetimes are YYYY-MM-DDTHH:MM.
		{path: "overrides[].startDateTime", kind: kString, pattern: patOverrideTime},
		{path: "overrides[].endDateTime", kind: kString, pattern: patOverrideTime},
		{path: "overrides[].workingHours", kind: kBool, req: true},
		{path: "overrides[].frequency", kind: kString, enum: frequencies},
	}, recurrence("overrides[].recurrence")...)}

const patOverrideTime = `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$`

var businessHoursResource = &resource{key: "business-hours", leanV1: true, idWall: true, entity: "business_hours",
	unique: &unique{field: "name"},
	fields: []field{
		{path: "name", kind: kString, req: true, minLen: 1, maxLen: 80},
		{path: "name", kind: kString, pattern: patHours, why: whyHoursName},
		fDescription,
		{path: "timezone", kind: kString, req: true, minLen: 1},
		// live: workingHours must be non-empty.
		{path: "workingHours", kind: kArray, req: true, nonEmpty: true, why: "Working hours cannot be empty"},
		{path: "workingHours[].name", kind: kString, req: true, minLen: 1, maxLen: 80, pattern: patHours},
		{path: "workingHours[].days", kind: kArray, req: true, nonEmpty: true},
		{path: "workingHours[].days[]", kind: kString, enum: []string{"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"}},
		{path: "workingHours[].startTime", kind: kString, pattern: patClock},
		{path: "workingHours[].endTime", kind: kString, pattern: patClock},
		{path: "holidaysId", kind: kString, ref: "holiday-list"},
		{path: "overridesId", kind: kString, ref: "overrides"},
	}}

const patClock = `^\d{2}:\d{2}$`

// checkHolidayList: live-api.md: Yearly needs specificMonth; Monthly needs
// specificDayOfMonth or occurrenceInTheMonth.
func checkHolidayList(_ *state, l map[string]any) []string {
	var msgs []string
	hs, _ := l["holidays"].([]any)
	for i, h := range hs {
		hm, _ := h.(map[string]any)
		rec, _ := hm["recurrence"].(map[string]any)
		at := "holidays[" + strconv.Itoa(i) + "]"
		switch str(hm["frequency"]) {
		case "Yearly":
			if rec["specificMonth"] == nil {
				msgs = append(msgs, at+".recurrence.specificMonth: must not be null for a Yearly holiday")
			}
		case "Monthly":
			if rec["specificDayOfMonth"] == nil && rec["occurrenceInTheMonth"] == nil {
				msgs = append(msgs, at+".recurrence: a Monthly holiday needs specificDayOfMonth or occurrenceInTheMonth")
			}
		}
	}
	return msgs
}

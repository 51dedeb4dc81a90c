package jobs

import (
	"strings"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// Control Hub titles some object types in the plural (Multimedia Profiles, Dial Plans);
// messages about one object need the singular, messages about several the plural.

// singular is the title for one object: "Multimedia Profile".
func singular(o *catalog.Object) string {
	t := o.Title
	if strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "Hours") {
		return strings.TrimSuffix(t, "s")
	}
	return t
}

// plural is the lower-case name of several objects: "multimedia profiles".
func plural(o *catalog.Object) string {
	t := strings.ToLower(o.Title)
	if strings.HasSuffix(t, "s") {
		return t
	}
	return t + "s"
}

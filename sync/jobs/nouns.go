package jobs

import (
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
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

// An objName is an object type's name as a message argument: in English the form a sentence
// needs, in another language the catalog's translated title (Czech titles are written as
// labels, so one form serves).
type objName struct {
	o    *catalog.Object
	form func(*catalog.Object) string
}

func (n objName) In(code string) string {
	if code == i18n.English {
		return n.form(n.o)
	}
	t := i18n.Text(code, n.o.Title)
	if n.form(n.o) == strings.ToLower(n.form(n.o)) {
		return strings.ToLower(t)
	}
	return t
}

func (n objName) String() string { return n.In(i18n.English) }

func title(o *catalog.Object) string { return o.Title }

func lowerSingular(o *catalog.Object) string { return strings.ToLower(singular(o)) }

// titleOf, singularOf, aNew and pluralOf are o's names as message arguments: "Multimedia
// Profiles", "Multimedia Profile", "multimedia profile", "multimedia profiles".
func titleOf(o *catalog.Object) objName    { return objName{o, title} }
func singularOf(o *catalog.Object) objName { return objName{o, singular} }
func aNew(o *catalog.Object) objName       { return objName{o, lowerSingular} }
func pluralOf(o *catalog.Object) objName   { return objName{o, plural} }

package sheets

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// Origin is the organization a workbook was exported from, as bulkops export --all
// records it in the workbook's custom document properties: what lets a submit tell a
// copy into another organization from a change of the same one (the wrong-organization
// guard). A workbook written by anything else has none.
type Origin struct {
	OrgID   string
	OrgName string
}

// The custom document properties an Origin is kept in.
const (
	originIDProp   = "Bulkops Organization ID"
	originNameProp = "Bulkops Organization"
)

// setOrigin records o in the workbook f.
func setOrigin(f *excelize.File, o *Origin) error {
	if o == nil || o.OrgID == "" {
		return nil
	}
	if err := f.SetCustomProps(excelize.CustomProperty{Name: originIDProp, Value: o.OrgID}); err != nil {
		return err
	}
	return f.SetCustomProps(excelize.CustomProperty{Name: originNameProp, Value: o.OrgName})
}

// originOf is the Origin the workbook f records; nil when it records none.
func originOf(f *excelize.File) *Origin {
	props, err := f.GetCustomProps()
	if err != nil {
		return nil // a damaged property part: the sheets themselves still read
	}
	o := &Origin{}
	for _, p := range props {
		v, _ := p.Value.(string)
		switch p.Name {
		case originIDProp:
			o.OrgID = v
		case originNameProp:
			o.OrgName = v
		}
	}
	if o.OrgID == "" {
		return nil
	}
	return o
}

// ZipComment is o as a zip of CSV files records it, in its comment: a line per
// property, as in the workbook; "" for no origin.
func (o *Origin) ZipComment() string {
	if o == nil || o.OrgID == "" {
		return ""
	}
	return originIDProp + ": " + o.OrgID + "\n" + originNameProp + ": " + o.OrgName + "\n"
}

// originOfComment is the Origin a zip's comment records (ZipComment); nil when none.
func originOfComment(comment string) *Origin {
	o := &Origin{}
	for _, line := range strings.Split(comment, "\n") {
		k, v, ok := strings.Cut(line, ": ")
		switch {
		case !ok:
		case k == originIDProp:
			o.OrgID = strings.TrimSpace(v)
		case k == originNameProp:
			o.OrgName = strings.TrimSpace(v)
		}
	}
	if o.OrgID == "" {
		return nil
	}
	return o
}

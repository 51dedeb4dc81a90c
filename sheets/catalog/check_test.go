package catalog

import (
	"strings"
	"testing"
)

// validObject is the smallest object check accepts; each case below breaks one rule.
func validObject() *Object {
	return &Object{
		Key: "thing", Title: "Thing", Group: "Desktop", Format: FormatCSV, Rows: Flat,
		KeyColumns: []string{"Name"}, HeaderSource: FromAPI,
		Columns: []Column{
			{Header: "Name", Description: "The name.", Type: Text, Required: true, APIField: "name", Source: "A"},
			{Header: "Kind", Description: "The kind.", Type: Enum, Values: []string{"A", "B"}, APIField: "kind", Source: "S+A"},
		},
		API: API{List: "v2/thing", Get: "thing/{id}", KeyField: "name", Covered: true},
	}
}

func TestCheckRejects(t *testing.T) {
	minmax := func(lo, hi float64) (*float64, *float64) { return &lo, &hi }
	cases := []struct {
		name   string
		break_ func(o *Object)
		want   string // part of the error message
	}{
		{"no key", func(o *Object) { o.Key = "" }, "key and title"},
		{"format", func(o *Object) { o.Format = "xml" }, `unknown format "xml"`},
		{"rows", func(o *Object) { o.Rows = "tree" }, `unknown row model "tree"`},
		{"header source", func(o *Object) { o.HeaderSource = "S+A" }, "header source"},
		{"key field", func(o *Object) { o.API.KeyField = "" }, "keyField"},
		{"type", func(o *Object) { o.Columns[1].Type = "colour" }, `thing.Kind: unknown type "colour"`},
		{"enum values", func(o *Object) { o.Columns[1].Values = nil }, "thing.Kind: enum without values"},
		{"ref target", func(o *Object) { o.Columns[1].Type = Ref }, "reference without a target"},
		{"no source", func(o *Object) { o.Columns[1].Source = "" }, "source"},
		{"bad source", func(o *Object) { o.Columns[1].Source = "S+X" }, `source "S+X"`},
		{"duplicate header", func(o *Object) { o.Columns[1].Header = " name" }, `duplicate column " name"`},
		{"alias clash", func(o *Object) { o.Columns[1].Aliases = []string{"NAME"} }, `alias "NAME" of column "Kind" is already column "Name"`},
		{"bad pattern", func(o *Object) { o.Columns[0].Pattern = "^[a-z" }, "thing.Name: pattern"},
		{"java pattern", func(o *Object) { o.Columns[0].WarnPattern = `^\p{Alpha}+$` }, "thing.Name: pattern"},
		{"condition column", func(o *Object) {
			o.Columns[0].RequiredWhen = []Condition{{Column: "Colour", In: []string{"RED"}}}
		}, `condition on "Colour", which is not a column`},
		{"forbidden column", func(o *Object) {
			o.Columns[0].ForbiddenWhen = []Condition{{Column: "Colour", Filled: true}}
		}, `condition on "Colour"`},
		{"condition kind", func(o *Object) { o.Columns[0].RequiredWhen = []Condition{{Column: "Kind"}} }, "either filled or in"},
		{"child in flat", func(o *Object) { o.Columns[1].Child = true }, "child column in a type without parent/child rows"},
		{"group without child", func(o *Object) { o.Rows = Group }, "no child column"},
		{"min above max", func(o *Object) {
			o.Columns[1].Type = Integer
			o.Columns[1].Min, o.Columns[1].Max = minmax(5, 1)
		}, "min 5 is above max 1"},
		{"key column", func(o *Object) { o.KeyColumns = []string{"Email"} }, `key column "Email" is not a column`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := validObject()
			if err := o.check(); err != nil {
				t.Fatalf("valid object rejected: %v", err)
			}
			c.break_(o)
			err := o.check()
			if err == nil {
				t.Fatalf("check accepted the broken object")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
}

func TestCheckAcceptsAudioZipWithoutKeyColumn(t *testing.T) {
	o := validObject()
	o.Format = FormatAudioZip
	o.KeyColumns = []string{"File Name"}
	if err := o.check(); err != nil {
		t.Errorf("audio zip: %v", err)
	}
}

package jobs

import (
	"context"
	"slices"
	"strings"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// references are references a workbook's plan takes away before a later step deletes
// what they named: [target id][referrer id]. AllIncomingReferences of a pendingAPI
// leaves them out, so that the plan of the delete is what the job does.
type references map[string]map[string]bool

func (r references) add(target, from string) {
	if r[target] == nil {
		r[target] = map[string]bool{}
	}
	r[target][from] = true
}

// droppedRefs adds to unref the references a write step's plan updates away: a record
// it updates whose reference column no longer names an object (compared by name; a
// list column's names are "|"-separated) stops referring to it. The records and the
// objects they named are found by name in their types' lists, as deletedIDs finds them.
func droppedRefs(ctx context.Context, api API, st *WorkbookStep, unref references) error {
	o := st.Object()
	var from map[string][]string // the step's records' ids by name, read on first need
	for _, p := range st.Draft.Preview.Plan {
		if p.Action != ActUpdate {
			continue
		}
		for _, ch := range p.Changes {
			ci := o.Column(ch.Column)
			if ci < 0 || o.Columns[ci].Type != catalog.Ref {
				continue
			}
			lost := lostNames(ch.Old, ch.New)
			if len(lost) == 0 {
				continue
			}
			var err error
			if from == nil {
				if from, err = idsByName(ctx, api, o); err != nil {
					return err
				}
			}
			to, _ := catalog.Lookup(o.Columns[ci].Ref)
			targets, err := idsByName(ctx, api, to)
			if err != nil {
				return err
			}
			for _, n := range lost {
				for _, t := range targets[n] {
					for _, f := range from[strings.ToLower(nameOfKey(p.Key))] {
						unref.add(t, f)
					}
				}
			}
		}
	}
	return nil
}

// lostNames are the names (lower case, without a "name: qualifier"'s qualifier) that
// cell old names and cell new does not.
func lostNames(old, new string) []string {
	names := func(cell string) []string {
		var out []string
		for _, n := range strings.Split(cell, catalog.ListSeparator) {
			n, _, _ = strings.Cut(strings.TrimSpace(n), ": ")
			if n != "" {
				out = append(out, strings.ToLower(n))
			}
		}
		return out
	}
	now := names(new)
	var out []string
	for _, n := range names(old) {
		if !slices.Contains(now, n) {
			out = append(out, n)
		}
	}
	return out
}

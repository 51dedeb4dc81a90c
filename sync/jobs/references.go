package jobs

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// referencer is an API that tells what still uses an object (a *webex.Client does).
type referencer interface {
	AllIncomingReferences(ctx context.Context, path, id string) (map[string][]webex.Object, error)
}

// entityTypes are the referring types incoming-references names whose catalog key
// differs (the API's entity names).
var entityTypes = map[string]string{
	"agent_profile": "desktop_profile", "contact_service_queue": "queue", "cad_variable": "global_variable",
	"business_hours": "working_hours", "overrides": "override", "skill": "skill_definition",
}

// stillUsed refuses the delete of rec's object id while other objects refer to it, with
// what they are ("Site Prague is used by 3 teams and 100 users"): the check before
// submit and before the job sends the delete. An API that cannot tell leaves the
// judgement to the server (a referenced delete answers 412, see usedByServer).
func (r *runner) stillUsed(ctx context.Context, rec *record, id string) error {
	ra, ok := referencerOf(r.api) // a workbook's plan leaves out what its earlier steps delete
	if !ok {
		return nil
	}
	var refs map[string][]webex.Object
	err := r.patiently(ctx, func() (err error) {
		refs, err = ra.AllIncomingReferences(ctx, pathOf(r.obj.API.Get), id)
		return err
	})
	if err != nil {
		if ae := (*webex.APIError)(nil); errors.As(err, &ae) && !ae.Temporary() {
			return nil // the type has no incoming-references: the server judges the delete
		}
		return err
	}
	counts := map[string]int{}
	for typ, objs := range refs {
		counts[typ] += max(len(objs), 1)
	}
	if len(counts) == 0 {
		return nil
	}
	return &rowError{column: rec.lay.headerOf(r.org.keys[0]), text: i18n.M("%s %s is used by %s: it cannot be deleted while they refer to it",
		singularOf(r.obj), rec.keyText(r.obj), usedBy(counts))}
}

// usedBy names counts of referring objects by type: "3 teams, 1 desktop profile and
// 100 users"; a count below 0 names the type alone ("users").
func usedBy(counts map[string]int) any {
	types := slices.Sorted(func(yield func(string) bool) {
		for t := range counts {
			if !yield(t) {
				return
			}
		}
	})
	var parts []any
	for _, t := range types {
		if counts[t] < 0 { // a 412 names the types, not how many
			parts = append(parts, typeNoun(t, 2))
			continue
		}
		parts = append(parts, i18n.M("%d %s", counts[t], typeNoun(t, counts[t])))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	out := parts[0]
	for _, p := range parts[1 : len(parts)-1] {
		out = i18n.M("%s, %s", out, p)
	}
	return i18n.M("%s and %s", out, parts[len(parts)-1])
}

// typeNoun is a referring type's name for n objects: the catalog's where it knows the
// type, else the API's entity name in words.
func typeNoun(typ string, n int) any {
	key := strings.ToLower(strings.ReplaceAll(typ, "-", "_"))
	if k, ok := entityTypes[key]; ok {
		key = k
	}
	if o, ok := catalog.Lookup(key); ok {
		if n == 1 {
			return aNew(o)
		}
		return pluralOf(o)
	}
	words := strings.ReplaceAll(key, "_", " ")
	if n != 1 && !strings.HasSuffix(words, "s") {
		words += "s"
	}
	return words
}

// usedByServer is the server's refusal of a delete (the live 412 body
// {"error":{"referencedEntities":["user"]}}) as the same message the check gives.
func (r *runner) usedByServer(p prepared, e *webex.APIError) (i18n.Msg, bool) {
	if !p.del || len(e.ReferencedBy) == 0 {
		return i18n.Msg{}, false
	}
	counts := map[string]int{}
	for _, t := range e.ReferencedBy {
		counts[t] = -1
	}
	return i18n.M("%s %s is used by %s: it cannot be deleted while they refer to it",
		singularOf(r.obj), p.rec.keyText(r.obj), usedBy(counts)), true
}

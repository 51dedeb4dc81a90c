package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
)

// saveOpts says how an item is saved.
type saveOpts struct {
	merge   bool  // PATCH: the item holds only the fields to change (null clears one)
	seeding bool  // the seed may create users and system defaults and choose ids
	now     int64 // epoch ms
}

// save creates the item (no id) or updates the object with its id, applying every rule,
// and returns the operation and the stored object, or why it was refused.
func (st *state) save(res *resource, parent string, item map[string]any, o saveOpts) (string, map[string]any, *itemError) {
	id, isString := item["id"].(string)
	if !isString && item["id"] != nil {
		return opUpdate, nil, newItemError(http.StatusBadRequest, res.entity, "id: must be a string")
	}
	old := st.lookup(res, parent, id)
	if id == "" || (o.seeding && old == nil) {
		if res.noCreate && !o.seeding {
			return opCreate, nil, newItemError(http.StatusBadRequest, res.entity,
				"id: must not be blank; "+res.entity+" objects cannot be created through this API")
		}
		if id == "" {
			id = newUUID()
		}
		obj, e := st.commit(res, parent, id, nil, item, o)
		return opCreate, obj, e
	}
	if old == nil {
		return opUpdate, nil, newItemError(http.StatusNotFound, res.entity, "id: "+id+" not found for given orgId.")
	}
	obj, e := st.commit(res, parent, id, old, item, o)
	return opUpdate, obj, e
}

// commit builds the object the item describes, checks it and stores it.
func (st *state) commit(res *resource, parent, id string, old *record, item map[string]any, o saveOpts) (map[string]any, *itemError) {
	if e := st.checkCommon(res, old, item); e != nil {
		return nil, e
	}
	var oldObj map[string]any
	if old != nil {
		oldObj = old.obj
	}
	obj := candidate(res, oldObj, item, o.merge)
	obj["id"] = id // the cross-object checks must know which object this is
	msgs := validate(st, res, obj)
	msgs = append(msgs, immutableChanges(res, oldObj, obj)...)
	if len(msgs) == 0 && res.check != nil {
		msgs = res.check(st, obj)
	}
	if len(msgs) > 0 {
		return nil, newItemError(http.StatusBadRequest, res.entity, msgs...)
	}
	if res.refuse != nil && !o.seeding {
		if e := res.refuse(st, item, oldObj); e != nil {
			return nil, e
		}
	}
	if e := keptWithoutID(res, oldObj, obj); e != nil && !o.seeding {
		return nil, e
	}
	t := st.tables[res.key]
	if k := t.uniqueKey(obj, parent); k != "" {
		if other, taken := t.names[k]; taken && other != id {
			return nil, newItemError(http.StatusConflict, res.entity, "Similar entity is already present")
		}
	}
	st.stamp(res, id, oldObj, obj, item, o)
	st.seq++
	t.put(id, parent, st.seq, obj)
	return obj, nil
}

// checkCommon checks the server-managed fields an item may carry.
func (st *state) checkCommon(res *resource, old *record, item map[string]any) *itemError {
	if org, ok := item["organizationId"]; ok && org != nil && org != st.org {
		return newItemError(http.StatusBadRequest, res.entity,
			fmt.Sprintf("organizationId: %v does not match the organization of the request", org))
	}
	v, ok := item["version"]
	if !ok || v == nil || old == nil {
		return nil
	}
	want, isInt := asInt(v)
	if !isInt {
		return newItemError(http.StatusBadRequest, res.entity, "version: must be an integer")
	}
	if have, _ := asInt(old.obj["version"]); want != have {
		return newItemError(http.StatusConflict, res.entity, "version: "+strconv.FormatInt(want, 10)+
			" is stale; the entity was changed meanwhile (current version "+strconv.FormatInt(have, 10)+")")
	}
	return nil
}

// candidate is the object an item makes of old: a merge keeps the fields the item does
// not mention; a replace keeps only immutable ones. Unknown fields of a typed DTO are
// dropped, null fields removed, server-managed ones left to stamp.
func candidate(res *resource, old, item map[string]any, merge bool) map[string]any {
	obj := map[string]any{}
	if merge && old != nil {
		obj = cloneMap(old)
	} else if old != nil {
		for _, f := range res.fields {
			if f.immutable && item[f.path] == nil && old[f.path] != nil {
				obj[f.path] = old[f.path]
			}
		}
	}
	for k, v := range item {
		switch {
		case commonFields[k] || !res.known(k) || slices.Contains(res.notStored, k):
		case v == nil:
			delete(obj, k)
		default:
			obj[k] = cloneValue(v)
		}
	}
	return obj
}

func immutableChanges(res *resource, old, obj map[string]any) []string {
	if old == nil {
		return nil
	}
	var msgs []string
	for _, f := range res.fields {
		if f.immutable && !sameJSON(old[f.path], obj[f.path]) {
			// live: "This configuration cannot be changed. Original value is X" (users).
			msgs = append(msgs, f.path+": This configuration cannot be changed. Original value is "+text(old[f.path]))
		}
	}
	return msgs
}

// stamp sets the server-managed fields and gives ids to new nested elements.
func (st *state) stamp(res *resource, id string, old, obj, item map[string]any, o saveOpts) {
	obj["id"] = id
	obj["organizationId"] = st.org
	obj["lastUpdatedTime"] = o.now
	if old == nil {
		obj["version"] = int64(0)
		obj["createdTime"] = o.now
		obj["systemDefault"] = o.seeding && item["systemDefault"] == true
	} else {
		v, _ := asInt(old["version"])
		obj["version"] = v + 1
		obj["createdTime"] = old["createdTime"]
		obj["systemDefault"] = old["systemDefault"] == true
	}
	if noSystemDefault[res.key] {
		delete(obj, "systemDefault")
	}
	// Live records carry links, most often empty (wxcc-sandbox-exporter docs/api-notes.md).
	if _, ok := obj["links"]; !ok {
		obj["links"] = []any{}
	}
	for _, path := range res.nestedIDs {
		assignIDs(obj, old, path)
	}
	if res.fill != nil {
		res.fill(obj)
	}
	for _, name := range res.subEntities {
		if sub, ok := obj[name].(map[string]any); ok {
			prev, _ := old[name].(map[string]any)
			switch {
			case str(prev["id"]) != "":
				sub["id"] = prev["id"]
			case str(sub["id"]) == "":
				sub["id"] = newUUID()
			}
		}
	}
}

// assignIDs gives every element of the array at path (e.g. "enumSkillValues[]") an id:
// the id of the old element of the same name, else a new one.
func assignIDs(obj, old map[string]any, path string) {
	name := path[:len(path)-2]
	byName := map[string]string{}
	if old != nil {
		for _, el := range values(old, path) {
			if m, ok := el.(map[string]any); ok {
				byName[str(m["name"])] = str(m["id"])
			}
		}
	}
	list, _ := obj[name].([]any)
	for _, el := range list {
		m, ok := el.(map[string]any)
		if !ok || str(m["id"]) != "" {
			continue
		}
		if id := byName[str(m["name"])]; id != "" {
			m["id"] = id
		} else {
			m["id"] = newUUID()
		}
	}
}

// keptWithoutID: on update, an element of a keptNeedID array that carries no id but
// matches a stored element by its key field is a 409 (live: "every kept entry must
// resend its own id or you get 409 duplicate-entry").
func keptWithoutID(res *resource, old, obj map[string]any) *itemError {
	if old == nil {
		return nil
	}
	for array, key := range res.keptNeedID {
		stored := map[string]bool{}
		for _, el := range values(old, array+"[]") {
			if m, ok := el.(map[string]any); ok {
				stored[str(m[key])] = true
			}
		}
		list, _ := obj[array].([]any)
		for i, el := range list {
			if m, ok := el.(map[string]any); ok && str(m["id"]) == "" && stored[str(m[key])] {
				return newItemError(http.StatusConflict, res.entity, fmt.Sprintf(
					"%s[%d]: duplicate entry: %s %s is already stored; a kept entry must carry its id", array, i, key, str(m[key])))
			}
		}
	}
	return nil
}

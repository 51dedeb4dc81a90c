package sandbox

import (
	"slices"

	"github.com/bulkops/bulkops/internal/namekey"
)

// Operation types of bulk results.
const (
	opCreate = "CREATE"
	opUpdate = "UPDATE"
	opDelete = "DELETE"
)

// record is one stored object. obj is never changed in place, so a reader may keep it
// after the lock is released.
type record struct {
	seq    uint64
	parent string // id of the parent object of a sub-resource
	obj    map[string]any
}

// table holds the objects of one resource and its unique-name index.
type table struct {
	res   *resource
	recs  map[string]*record
	names map[string]string // unique key → id
	// changed holds the ids put or deleted since the state file last took them
	// (state.takeChanges): what the journal's next line must carry.
	changed map[string]bool
}

// state is one organization. It is not safe for concurrent use: the Server locks it.
type state struct {
	org    string
	seq    uint64
	tables map[string]*table
	blobs  map[string][]byte // audio content by blobId
	// blobsChanged are the blobs put since the state file last took them.
	blobsChanged map[string]bool
	// workItem: the tenant has the work-item feature flag (Options.WorkItemFeature); not
	// stored, it is the tenant's configuration, not its objects.
	workItem bool
	unsure   Unverified // Options.Unverified, also not stored
}

func newState(org string) *state {
	st := &state{org: org, tables: map[string]*table{}, blobs: map[string][]byte{}, blobsChanged: map[string]bool{}}
	for _, r := range resources {
		st.tables[r.key] = &table{res: r, recs: map[string]*record{}, names: map[string]string{}, changed: map[string]bool{}}
	}
	return st
}

// get returns the stored object of resource key with id, or nil.
func (st *state) get(key, id string) map[string]any {
	if rec := st.tables[key].recs[id]; rec != nil {
		return rec.obj
	}
	return nil
}

func (st *state) exists(key, id string) bool { return st.tables[key].recs[id] != nil }

// lookup returns the record of id when it belongs to parent ("" for top-level types).
func (st *state) lookup(res *resource, parent, id string) *record {
	rec := st.tables[res.key].recs[id]
	if rec == nil || rec.parent != parent {
		return nil
	}
	return rec
}

// records returns the objects of res under parent in creation order.
func (st *state) records(res *resource, parent string) []*record {
	t := st.tables[res.key]
	out := make([]*record, 0, len(t.recs))
	for _, rec := range t.recs {
		if rec.parent == parent {
			out = append(out, rec)
		}
	}
	slices.SortFunc(out, func(a, b *record) int { return int(a.seq) - int(b.seq) })
	return out
}

// uniqueKey is the index key of obj's unique field, or "" when it has none. Names are
// "similar" as namekey.Key compares them: the sheets' duplicate check follows the same rule.
func (t *table) uniqueKey(obj map[string]any, parent string) string {
	u := t.res.unique
	if u == nil {
		return ""
	}
	v := namekey.Key(str(obj[u.field]))
	if v == "" {
		return ""
	}
	scope := ""
	switch u.scope {
	case "":
	case "parent":
		scope = parent
	default:
		scope = str(obj[u.scope])
	}
	return scope + "\x00" + v
}

// put stores obj under id and keeps the index current.
func (t *table) put(id, parent string, seq uint64, obj map[string]any) {
	if old := t.recs[id]; old != nil {
		if k := t.uniqueKey(old.obj, old.parent); k != "" && t.names[k] == id {
			delete(t.names, k)
		}
		seq = old.seq
	}
	t.recs[id] = &record{seq: seq, parent: parent, obj: obj}
	if t.changed != nil {
		t.changed[id] = true
	}
	if k := t.uniqueKey(obj, parent); k != "" {
		t.names[k] = id
	}
}

func (t *table) delete(id string) {
	if old := t.recs[id]; old != nil {
		if k := t.uniqueKey(old.obj, old.parent); k != "" && t.names[k] == id {
			delete(t.names, k)
		}
		delete(t.recs, id)
		if t.changed != nil {
			t.changed[id] = true
		}
	}
}

// untracked stops recording changes: nothing stores them without a state file.
func (st *state) untracked() *state {
	for _, t := range st.tables {
		t.changed = nil
	}
	st.blobsChanged = nil
	return st
}

// putBlob stores audio content under its blobId.
func (st *state) putBlob(id string, b []byte) {
	st.blobs[id] = b
	if st.blobsChanged != nil {
		st.blobsChanged[id] = true
	}
}

// enumValueExists reports whether id is the id of a value of some enum skill.
func (st *state) enumValueExists(id string) bool {
	for _, rec := range st.tables["skill"].recs {
		for _, v := range values(rec.obj, "enumSkillValues[].id") {
			if v == id {
				return true
			}
		}
	}
	return false
}

// displayName is how an object is named in messages.
func displayName(obj map[string]any) string {
	for _, k := range []string{"name", "email", "dialledNumber", "number", "id"} {
		if s := str(obj[k]); s != "" {
			return s
		}
	}
	return ""
}

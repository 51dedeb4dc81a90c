package sandbox

import (
	"fmt"
	"strings"
)

// seeder builds an organization through the same save path as the API, so the seed
// obeys every rule a client's data must obey. Ids derive from the organization id and
// the object's name: the demo organization is the same every time.
type seeder struct {
	st  *state
	now int64
	err error
	ids map[string]string // "key/name" → id
}

// seed builds a new organization: SeedEmpty has only the system defaults every tenant
// has; SeedDemo adds a small contact center.
func seed(org, kind string, now int64) (*state, error) {
	sd := &seeder{st: newState(org), now: now, ids: map[string]string{}}
	sd.add("work-type", "Default Idle Work Type", obj{"workTypeCode": "IDLE_CODE", "active": true,
		"description": "System default idle work type", "systemDefault": true})
	sd.add("work-type", "Default Wrapup Work Type", obj{"workTypeCode": "WRAP_UP_CODE", "active": true,
		"description": "System default wrap-up work type", "systemDefault": true})
	// live (wxcc-skills, wxcc-agent-greetings): a tenant has a single Default purpose.
	sd.add("greeting-purpose", "Default", obj{"description": "Default greeting purpose"})
	// Every tenant has the Global Layout, a system default (the API cannot create desktop
	// layouts): an organization copied into the empty one refers to it.
	sd.add("desktop-layout", "Global Layout", obj{"description": "Default desktop layout", "systemDefault": true,
		"editedBy": "Cisco", "jsonFileName": "Global Layout.json", "jsonFileContent": `{"version":"0.0.6","appTitle":"Webex Contact Center"}`,
		"global": true, "status": true, "defaultJsonModified": false, "validated": true})
	if kind == SeedDemo {
		sd.demo()
	}
	if sd.err != nil {
		return nil, sd.err
	}
	return sd.st, nil
}

type obj = map[string]any

// id returns the id of an object added earlier, by type and name.
func (sd *seeder) id(key, name string) string {
	id, ok := sd.ids[key+"/"+name]
	if !ok && sd.err == nil {
		sd.err = fmt.Errorf("sandbox seed: no %s named %q", key, name)
	}
	return id
}

func (sd *seeder) idList(key string, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = sd.id(key, n)
	}
	return out
}

// add saves a new object named name (users are named by email) and returns its id.
func (sd *seeder) add(key, name string, o obj) string {
	return sd.addUnder(key, "", name, o)
}

func (sd *seeder) addUnder(key, parent, name string, o obj) string {
	if sd.err != nil {
		return ""
	}
	id := nameUUID(sd.st.org, key, parent, name)
	o["id"] = id
	if byKey[key].top["name"] { // users are named by email, contact numbers by number
		o["name"] = name
	}
	sd.save(key, parent, name, o, false)
	sd.ids[key+"/"+name] = id
	return id
}

func (sd *seeder) save(key, parent, name string, o obj, merge bool) {
	if sd.err != nil {
		return
	}
	item, err := normalize(o)
	if err != nil {
		sd.err = fmt.Errorf("sandbox seed %s %q: %w", key, name, err)
		return
	}
	_, _, e := sd.st.save(byKey[key], parent, item, saveOpts{merge: merge, seeding: true, now: sd.now})
	if e != nil {
		var msgs []string
		for _, m := range e.msgs {
			msgs = append(msgs, m.Description)
		}
		sd.err = fmt.Errorf("sandbox seed %s %q: %d %s", key, name, e.status, strings.Join(msgs, "; "))
	}
}

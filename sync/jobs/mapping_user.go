package jobs

import (
	"context"
	"sort"
	"sync"

	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// Users: v2 user rows carry teamIds live (reference/live-api.md), so an export or a job reads
// the users' teams from their list. Where a server's rows carry none, one GET per user
// is what made exporting 10,000 of them take more than half an hour at 300 requests a
// minute; a team read whole lists its members (userIds), and an organization has far
// fewer teams than users: the users' teams are then read from the teams, one GET per
// team (fill), and the users themselves from their list, a thousand a page.
func init() {
	special["user"] = hooks{fill: fillUserTeams}
}

// members is who belongs to which team, read once per job or export.
type members struct {
	once   sync.Once
	byUser map[string][]any // user id → team ids, in the order of the teams' names
	err    error
}

func fillUserTeams(ctx context.Context, m *mapper, objs []webex.Object) ([]webex.Object, error) {
	if anyHas(objs, "teamIds") { // the rows carry the teams (live v2 users do)
		return objs, nil
	}
	v, _ := m.res.extra.LoadOrStore("members", &members{})
	ms := v.(*members)
	ms.once.Do(func() { ms.byUser, ms.err = readMembers(ctx, m.res) })
	if ms.err != nil {
		m.res.extra.CompareAndDelete("members", ms) // a later call reads again
		return nil, ms.err
	}
	out := make([]webex.Object, len(objs))
	for i, o := range objs {
		c := make(webex.Object, len(o)+1)
		for k, v := range o {
			c[k] = v
		}
		if ids := ms.byUser[str(o["id"])]; len(ids) > 0 {
			c["teamIds"] = ids
		}
		out[i] = c
	}
	return out, nil
}

// readMembers reads every team whole and inverts their userIds.
func readMembers(ctx context.Context, res *resolver) (map[string][]any, error) {
	x, err := res.index(ctx, "team")
	if err != nil || x == nil {
		return nil, err
	}
	entries := make([]*refEntry, 0, len(x.byID))
	for _, e := range x.byID {
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].name != entries[j].name {
			return entries[i].name < entries[j].name
		}
		return entries[i].id < entries[j].id
	})
	listed := make([]webex.Object, len(entries))
	for i, e := range entries {
		listed[i] = e.obj
	}
	team, _ := catalog.Lookup("team")
	teams, err := getAll(ctx, res.api, team, listed, nil)
	if err != nil {
		return nil, err
	}
	byUser := map[string][]any{}
	for _, t := range teams {
		ids, _ := t["userIds"].([]any)
		for _, u := range ids {
			byUser[str(u)] = append(byUser[str(u)], t["id"])
		}
	}
	return byUser, nil
}

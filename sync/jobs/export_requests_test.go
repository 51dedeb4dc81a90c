package jobs

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// TestExportReadsListPagesOnly: every exportable type is read from its list pages and
// the lists of the types it names; a GET per object is spent only on the two types live
// forces it on. Each line of the log is what a user pays for an export at 300 a minute.
func TestExportReadsListPagesOnly(t *testing.T) {
	e := newEnv(t, envOptions{})
	for _, obj := range catalog.All() {
		if !obj.API.Covered || obj.Format != catalog.FormatCSV || obj.API.List == "" {
			continue
		}
		t.Run(obj.Key, func(t *testing.T) {
			objects := 0
			for _, n := range e.names(obj.Key) {
				objects += n
			}
			_, from := e.log.since(0)
			sh, err := Export(context.Background(), e.api, obj)
			if err != nil {
				t.Fatal(err)
			}
			reqs, _ := e.log.since(from)
			floor, bad := checkExportRequests(obj, objects, reqs)
			for _, b := range bad {
				t.Error(b)
			}
			t.Logf("%s: %d objects (%d rows): %d requests, floor %d (%.2f requests per object)",
				obj.Key, objects, len(sh.Rows), len(reqs), floor, float64(len(reqs))/float64(max(objects, 1)))
		})
	}
}

// checkExportRequests sorts the requests of an export of objects objects of obj into
// its own list pages, other types' lists, and the per-object reads live forces; it
// returns the floor those allow and every request past it.
func checkExportRequests(obj *catalog.Object, objects int, reqs []string) (floor int, bad []string) {
	pages := max(1, (objects+999)/1000)
	perObject := map[string]bool{} // request prefixes allowed once per object
	if _, ok := exportNeedsGet(obj); ok {
		perObject["GET "+pathOf(obj.API.Get)+"/"] = true
	}
	if obj.Key == "address_book" {
		perObject["GET v2/address-book/"] = true // entries are a resource of their own
	}
	own, lists, each := 0, map[string]int{}, map[string]int{}
	for _, r := range reqs {
		switch path := strings.TrimPrefix(r, "GET "); {
		case r == "GET "+obj.API.List:
			own++
		case strings.HasPrefix(r, "GET ") && listOfSomeType(path):
			lists[path]++
		case allowedOnce(perObject, r):
			each[prefixOf(perObject, r)]++
		default:
			bad = append(bad, fmt.Sprintf("%s: a request no list page accounts for: %s", obj.Key, r))
		}
	}
	if own > pages {
		bad = append(bad, fmt.Sprintf("%s: %d pages of its own list for %d objects, want %d", obj.Key, own, objects, pages))
	}
	for l, n := range lists {
		if n > 1 {
			bad = append(bad, fmt.Sprintf("%s: the list %s was read %d times, want once", obj.Key, l, n))
		}
	}
	for p, n := range each {
		if n > objects {
			bad = append(bad, fmt.Sprintf("%s: %d requests %s… for %d objects", obj.Key, n, p, objects))
		}
	}
	return pages + len(lists) + len(perObject)*objects, bad
}

func listOfSomeType(path string) bool {
	for _, o := range catalog.All() {
		if o.API.List == path {
			return true
		}
	}
	return false
}

func allowedOnce(prefixes map[string]bool, r string) bool { return prefixOf(prefixes, r) != "" }

func prefixOf[V any](prefixes map[string]V, r string) string {
	for p := range prefixes {
		if strings.HasPrefix(r, p) {
			return p
		}
	}
	return ""
}

// TestExportForcedGetsAreNamed: the types an export reads one GET per object are
// exactly those whose columns read a field live lists leave out.
func TestExportForcedGetsAreNamed(t *testing.T) {
	got := map[string]string{}
	for _, obj := range catalog.All() {
		if f, ok := exportNeedsGet(obj); ok {
			got[obj.Key] = f
		}
	}
	want := map[string]string{
		"skill_profile": "activeSkills", // v2 rows: id, name, description, links, timestamps
		"user_profile":  "permissions",  // the v3 list omits them; a SPECIFIC profile's create needs them
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("types exported with a GET per object: %v, want %v", got, want)
	}
}

// TestExportUsersTeamsFromTheirRows: v2 user rows carry teamIds (live), so a user
// export reads no team one by one, and each user's teams are the ones the
// organization has them in.
func TestExportUsersTeamsFromTheirRows(t *testing.T) {
	e := newEnv(t, envOptions{})
	_, from := e.log.since(0)
	sh, err := Export(context.Background(), e.api, mustObject(t, "user"))
	if err != nil {
		t.Fatal(err)
	}
	reqs, _ := e.log.since(from)
	for _, r := range reqs {
		if strings.HasPrefix(r, "GET team/") {
			t.Errorf("the export read a team by itself: %s (all: %v)", r, reqs)
		}
	}
	// What each user's teams are, from the other side: the members a team GET lists.
	sites := map[string]string{}
	for _, st := range e.objects("site") {
		sites[str(st["id"])] = str(st["name"])
	}
	want := map[string][]string{} // user id → "Team: Site"
	for _, tm := range e.objects("team") {
		whole, err := e.api.Get(context.Background(), "team", str(tm["id"]))
		if err != nil {
			t.Fatal(err)
		}
		members, _ := whole["userIds"].([]any)
		for _, u := range members {
			want[str(u)] = append(want[str(u)], str(tm["name"])+": "+sites[str(tm["siteId"])])
		}
	}
	checked := 0
	for _, u := range e.objects("user") {
		row := rowWhere(t, sh, "Email", str(u["email"]))
		if got := sh.Rows[row].Cells[sh.Index("Teams")]; !sameNames(got, want[str(u["id"])]) {
			t.Errorf("user %s: Teams %q, want %q", u["email"], got, want[str(u["id"])])
		}
		if len(want[str(u["id"])]) > 0 {
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("the demo organization has no user in a team")
	}
}

// objects lists the organization's objects of type key.
func (e *env) objects(key string) []webex.Object {
	e.t.Helper()
	o := mustObject(e.t, key)
	objs, err := e.api.List(context.Background(), o.API.List, listQuery(o, ""))
	if err != nil {
		e.t.Fatal(err)
	}
	return objs
}

func rowWhere(t *testing.T, sh *sheets.Sheet, header, v string) int {
	t.Helper()
	c := sh.Index(header)
	for i, r := range sh.Rows {
		if c >= 0 && strings.EqualFold(r.Cells[c], v) {
			return i
		}
	}
	t.Fatalf("no row with %s %q", header, v)
	return -1
}

// sameNames reports whether a list cell names the teams want ("Team: Site"); a team
// whose name is the only one of its kind is written without its site.
func sameNames(cell string, want []string) bool {
	var got []string
	if cell != "" {
		got = strings.Split(cell, catalog.ListSeparator)
	}
	if len(got) != len(want) {
		return false
	}
	left := append([]string(nil), want...)
	for _, g := range got {
		i := slices.IndexFunc(left, func(w string) bool { return g == w || strings.HasPrefix(w, g+": ") })
		if i < 0 {
			return false
		}
		left = slices.Delete(left, i, i+1)
	}
	return true
}

// listWithoutTeams is a server whose user rows lack teamIds (as the v2 list was once
// thought to), to show the export still names every user's teams.
type listWithoutTeams struct{ API }

func (l listWithoutTeams) List(ctx context.Context, path string, q url.Values) ([]webex.Object, error) {
	objs, err := l.API.List(ctx, path, q)
	if path == "v2/user" {
		for _, o := range objs {
			delete(o, "teamIds")
		}
	}
	return objs, err
}

// TestExportUsersWithoutTeamIdsInTheList: where user rows carry no teamIds, the teams
// are read from the teams' members, one GET per team and none per user.
func TestExportUsersWithoutTeamIdsInTheList(t *testing.T) {
	e := newEnv(t, envOptions{})
	want, err := Export(context.Background(), e.api, mustObject(t, "user"))
	if err != nil {
		t.Fatal(err)
	}
	_, from := e.log.since(0)
	got, err := Export(context.Background(), listWithoutTeams{e.api}, mustObject(t, "user"))
	if err != nil {
		t.Fatal(err)
	}
	reqs, _ := e.log.since(from)
	if a, b := sheetText(t, got), sheetText(t, want); a != b {
		t.Errorf("the export without teamIds in the list differs:\n%s\nwant:\n%s", a, b)
	}
	teams, users := 0, 0
	for _, r := range reqs {
		teams += strings.Count(r, "GET team/")
		users += strings.Count(r, "GET user/")
	}
	if teams == 0 || teams > len(e.objects("team")) || users > 0 {
		t.Errorf("%d team GETs and %d user GETs, want one per team and none per user: %v", teams, users, reqs)
	}
}

// TestUserJobReadsNoTeam: a job on users reads their teams from their rows too: the
// preview and the run send no GET of a team (they sent one per team).
func TestUserJobReadsNoTeam(t *testing.T) {
	e := newEnv(t, envOptions{})
	_, from := e.log.since(0)
	csv := "Email,User Profile,Contact Center Enabled,Site,Teams,Desktop Profile\n" +
		"anna.brown@example.com,Supervisor,ON,London,Retention,Agent Default\n"
	if j := e.submitRun("user", e.pack("user", csv)); j.Succeeded != 1 {
		t.Fatalf("job: %d succeeded:\n%s", j.Succeeded, e.errorCSV(j.ID))
	}
	reqs, _ := e.log.since(from)
	for _, r := range reqs {
		if strings.HasPrefix(r, "GET team/") {
			t.Errorf("the job read a team by itself: %s (all: %v)", r, reqs)
		}
	}
}

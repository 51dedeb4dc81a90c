package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/sync/webex"
)

// BenchmarkExportUsers10k exports 10,000 contact-center users from the sandbox at its
// default 300 requests a minute, through a client at Webex's default rate (300 a
// minute, 5 at once). Target: under 60 s (one GET per user took about 33 minutes).
//
//	go test -run '^$' -bench ExportUsers10k -benchtime 1x ./sync/jobs/
func BenchmarkExportUsers10k(b *testing.B) {
	const n = 10000
	file, teams := seedUsers(b, n)
	for range b.N {
		b.StopTimer()
		sb, err := sandbox.Start(sandbox.Options{DataFile: file}) // the default rate: 300 a minute
		if err != nil {
			b.Fatal(err)
		}
		e := &env{t: b, sb: sb, token: sb.MintToken(), log: &requestLog{}}
		e.api = e.client(webex.Options{RatePerMinute: sandbox.DefaultRate, Burst: 5, BackoffBase: time.Second})
		b.StartTimer()
		start := time.Now()
		sh, err := Export(context.Background(), e.api, mustObject(b, "user"))
		elapsed := time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if got := len(sh.Rows); got != n {
			b.Fatalf("exported %d users, want %d", got, n)
		}
		st := e.api.Stats()
		b.Logf("%d users (%d teams) exported in %s: %d requests, %d answered 429", n, teams,
			elapsed.Round(time.Millisecond), st.Requests, st.RateLimited)
		b.ReportMetric(elapsed.Seconds(), "s/export")
		b.ReportMetric(float64(st.Requests), "requests/export")
		sb.Close()
	}
}

// seedUsers writes a sandbox state file of the demo organization with total users in
// all, the new ones spread over the demo teams (on both sides of membership, as the
// API keeps it), and returns its path and the number of teams. Users cannot be
// created through the API, so they are added to the state file the sandbox loads.
func seedUsers(b *testing.B, total int) (string, int) {
	file := filepath.Join(b.TempDir(), sandbox.StateFileName)
	sb, err := sandbox.New(sandbox.Options{DataFile: file})
	if err != nil {
		b.Fatal(err)
	}
	if err := sb.Save(); err != nil {
		b.Fatal(err)
	}
	sb.Close()
	raw, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	var st map[string]json.RawMessage
	var objects map[string][]map[string]any
	if err := json.Unmarshal(raw, &st); err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(st["objects"], &objects); err != nil {
		b.Fatal(err)
	}
	users, teams := objects["user"], objects["team"]
	var agentTeams []map[string]any
	for _, t := range teams {
		if o := t["object"].(map[string]any); o["teamType"] == "AGENT" {
			agentTeams = append(agentTeams, o)
		}
	}
	proto := users[0]["object"].(map[string]any)
	var seq float64
	json.Unmarshal(st["seq"], &seq)
	for i := len(users); i < total; i++ {
		u := map[string]any{}
		for k, v := range proto {
			u[k] = v
		}
		team := agentTeams[i%len(agentTeams)]
		id := fmt.Sprintf("00000000-0000-4000-8000-%012d", i)
		u["id"], u["email"], u["ciUserId"] = id, fmt.Sprintf("bench.%05d@example.com", i), fmt.Sprintf("ci-%d", i)
		u["externalIdentifier"], u["teamIds"] = fmt.Sprintf("B%05d", i), []any{team["id"]}
		members, _ := team["userIds"].([]any)
		team["userIds"] = append(members, id)
		seq++
		users = append(users, map[string]any{"seq": seq, "object": u})
	}
	objects["user"] = users
	st["objects"], _ = json.Marshal(objects)
	st["seq"], _ = json.Marshal(seq)
	out, _ := json.Marshal(st)
	if err := os.WriteFile(file, out, 0o600); err != nil {
		b.Fatal(err)
	}
	return file, len(agentTeams)
}

package jobs

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bulkops/bulkops/sync/webex"
)

// A digital queue's create carries the five *Permitted booleans live tenants require
// (false: the sheet asks them only of telephony queues, and parking not at all), and
// goes by the live create route.
func TestDigitalQueueCreateSendsPermittedFlags(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := queueHeader +
		"Chat Night,,CHAT,600,20,,,,,,,,LONGEST_AVAILABLE_AGENT,,,,,\n" +
		"Chat Night,,,,,,,,,,,,,,Group 1,1,0,Support: Prague\n"
	_, n := e.log.since(0)
	j := e.submitRun("queue", e.pack("queue", csv))
	if j.Status != Completed {
		t.Fatalf("job: %s\n%s", j.Status, e.errorCSV(j.ID))
	}
	sent, _ := e.log.since(n)
	if w := writes(sent); len(w) != 1 || w[0] != "POST contact-service-queue/v2/bulk" {
		t.Errorf("writes %v, want one POST contact-service-queue/v2/bulk", w)
	}
	q := e.object("queue", "Chat Night")
	for _, f := range []string{"monitoringPermitted", "parkingPermitted", "recordingPermitted",
		"recordingAllCallsPermitted", "pauseRecordingPermitted"} {
		if q[f] != false {
			t.Errorf("%s = %v, want false", f, q[f])
		}
	}
}

// A multimedia profile's create carries blendingModeEnabled, from its Type, and
// manuallyAssignable, the documented constant.
func TestMultimediaProfileCreateSendsRequiredFields(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := "Name,Description,Type,Voice,Chat,Email,Social\nNight Blend,,BLENDED,1,2,2,0\nNight Only,,EXCLUSIVE,1,0,0,0\n"
	if j := e.submitRun("multimedia_profile", e.pack("multimedia_profile", csv)); j.Status != Completed {
		t.Fatalf("job: %s\n%s", j.Status, e.errorCSV(j.ID))
	}
	for name, want := range map[string]bool{"Night Blend": true, "Night Only": false} {
		mp := e.object("multimedia_profile", name)
		if mp["blendingModeEnabled"] != want || mp["manuallyAssignable"] == nil {
			t.Errorf("%s: blendingModeEnabled %v (want %v), manuallyAssignable %v", name, mp["blendingModeEnabled"], want,
				mp["manuallyAssignable"])
		}
	}
}

// What a create cannot do without is told before the submit, on the column to fill; a
// value no API field takes is a warning on its cell.
func TestPreviewTellsRequiredAndUnsentColumns(t *testing.T) {
	e := newEnv(t, envOptions{})
	cases := []struct{ key, csv, want, severity string }{
		{"entry_point_mapping", "Dialed Number,Entry Point,Region\n+15125550199,Sales Line,US\n",
			"2 Location: Location is required to create a new entry point mapping: Webex refuses one without it", "org"},
		{"entry_point", "Name,Description,Service Level Threshold,Timezone,Channel Type,Social Channel Type,Asset Name\n" +
			"Night Chat,,30,Europe/Prague,CHAT,,\n",
			"2 Asset Name: Asset Name is required to create a new entry point: Webex refuses one without it", "org"},
		{"desktop_profile", "Name,Agent Threshold Alerts Enabled\nAgent Default,ON\n",
			"2 Agent Threshold Alerts Enabled: Agent Threshold Alerts Enabled is not sent to Webex: no API field found (AgentProfileDTO has only the thresholdRules list): the column is checked and kept but not sent", "warning"},
	}
	for _, c := range cases {
		p, err := PreviewSheet(context.Background(), e.api, previewSheet(t, c.key, c.csv))
		if err != nil {
			t.Fatal(err)
		}
		fs := p.Org
		if c.severity == "warning" {
			fs = p.Warnings
		}
		var got []string
		for _, f := range fs {
			got = append(got, whereMsg(f.Row, f.Column, f.Message))
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: %s findings %q, want %q", c.key, c.severity, got, c.want)
		}
	}
}

// The preview of a re-imported export: every record unchanged, no write, and the reads
// the job makes counted with the time they take at 300 a minute.
func TestPreviewOfAnUnchangedExport(t *testing.T) {
	e := newEnv(t, envOptions{})
	sh, err := Export(context.Background(), e.api, mustObject(t, "user"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := PreviewSheet(context.Background(), e.api, sh)
	if err != nil {
		t.Fatal(err)
	}
	if p.Unchanged != p.Records || p.Creates+p.Updates+p.Failing != 0 || p.Writes != 0 {
		t.Fatalf("preview: %d records, %d unchanged, %d creates, %d updates, %d failing, %d writes",
			p.Records, p.Unchanged, p.Creates, p.Updates, p.Failing, p.Writes)
	}
	if p.Requests == 0 || p.Requests > 30 {
		t.Errorf("requests %d: the users' list, the teams and the names it refers to", p.Requests)
	}
	edited := sh.Clone()
	edited.Rows[0].Cells[edited.Index("External Id")] = "CHANGED"
	atWebexRate := e.client(webex.Options{RatePerMinute: 300, Burst: 5})
	if p, err = PreviewSheet(context.Background(), atWebexRate, edited); err != nil || p.Updates != 1 || p.Writes != 1 {
		t.Errorf("one user changed: %d updates, %d writes, %v", p.Updates, p.Writes, err)
	}
	// 5 at once, then one each 60/295 s.
	if want := time.Duration(p.Requests-5) * (time.Minute / 295); p.Duration != want {
		t.Errorf("duration %s for %d requests at 300 a minute, want %s", p.Duration, p.Requests, want)
	}
}

func whereMsg(row int, col, msg string) string {
	return strings.Join([]string{itoa(row) + " " + col, msg}, ": ")
}

// Sites are created in bulk and updated one by one with PUT site/{id} (live refuses an
// id on site/bulk): the preview counts one write per update, and the job sends just that.
func TestSiteUpdatesGoOneByOne(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := "Name,Multimedia Profile\nBrno,Voice Only\nPrague,Voice Only\nLondon,Voice Only\n"
	p, err := PreviewSheet(context.Background(), e.api, previewSheet(t, "site", csv))
	if err != nil || p.Creates != 1 || p.Updates != 2 || p.Writes != 3 {
		t.Fatalf("preview: %d creates, %d updates, %d writes, %v; want 1, 2, 3", p.Creates, p.Updates, p.Writes, err)
	}
	_, n := e.log.since(0)
	if j := e.submitRun("site", e.pack("site", csv)); j.Status != Completed {
		t.Fatalf("job: %s\n%s", j.Status, e.errorCSV(j.ID))
	}
	sent, _ := e.log.since(n)
	var got []string
	for _, w := range writes(sent) {
		if i := strings.LastIndex(w, "/"); strings.HasPrefix(w, "PUT ") && i > 0 {
			w = w[:i] + "/{id}"
		}
		got = append(got, w)
	}
	slices.Sort(got) // creates and updates go on parallel senders
	if strings.Join(got, ", ") != "POST site/bulk, PUT site/{id}, PUT site/{id}" {
		t.Errorf("writes: %s", strings.Join(got, ", "))
	}
}

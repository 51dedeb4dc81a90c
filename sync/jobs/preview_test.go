package jobs

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// What a preview tells of a sheet, against the sandbox organization (sites Prague,
// London and Austin; multimedia profiles Voice Only, Blended Digital and Digital Only;
// agents such as anna.brown@example.com).
func TestPreviewSheet(t *testing.T) {
	e := newEnv(t, envOptions{})
	cases := []struct {
		name             string
		key, csv         string
		offline          bool
		records          int
		counted          bool
		creates, updates int
		own, org         []string // "ROW COLUMN" of each finding
		failing          int
		blocked          bool
	}{
		{name: "creates and updates, by name without regard to case", key: "site",
			csv:     "Name,Multimedia Profile\nBrno,Voice Only\nprague,Digital Only\n",
			records: 2, counted: true, creates: 1, updates: 1},
		{name: "a reference the organization lacks fails there", key: "site",
			csv:     "Name,Multimedia Profile\nBrno,Voice Onyl\nOstrava,Voice Only\n",
			records: 2, counted: true, creates: 1, org: []string{"2 Multimedia Profile"}, failing: 1},
		{name: "an error of its own blocks, and that record is left out", key: "site",
			csv:     "Name,Multimedia Profile\n,Voice Onyl\nBrno,Voice Only\n",
			records: 2, counted: true, creates: 1, own: []string{"2 Name"}, blocked: true},
		{name: "offline: no counts, references unchecked", key: "site", offline: true,
			csv:     "Name,Multimedia Profile\nBrno,Voice Onyl\n",
			records: 1},
		{name: "a user the organization does not have cannot be created", key: "user",
			csv: "Email,User Profile,Contact Center Enabled\nanna.brown@example.com,Standard Agent,ON\n" +
				"bob@example.com,Standard Agent,ON\n",
			records: 2, counted: true, updates: 1, org: []string{"3 Email"}, failing: 1},
		{name: "a child row's reference fails the whole record, on its own row", key: "queue",
			csv: queueHeader +
				"Night Queue,,CHAT,600,20,,,,,,,,LONGEST_AVAILABLE_AGENT,,,,,\n" +
				"Night Queue,,,,,,,,,,,,,,Group 1,1,0,Support: Prague\n" +
				"Night Queue,,,,,,,,,,,,,,Group 2,2,30,Support: Pragu\n",
			records: 1, counted: true, org: []string{"4 Group Teams"}, failing: 3},
		{name: "a value only the organization can judge", key: "skill_profile",
			csv: "Name,Description,Skill Name,Skill Values,Delete\n" +
				"Night Agent,,,,\nNight Agent,,Sales Expertise,11,\nNight Agent,,English,true,\n",
			records: 1, counted: true, org: []string{"3 Skill Values"}, failing: 3},
		{name: "no records", key: "site", csv: "Name,Multimedia Profile\n", blocked: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var api API = e.api
			if c.offline {
				api = nil
			}
			got, err := PreviewSheet(context.Background(), api, previewSheet(t, c.key, c.csv))
			if err != nil {
				t.Fatal(err)
			}
			if got.Records != c.records || got.Counted != c.counted || got.Creates != c.creates || got.Updates != c.updates {
				t.Errorf("records %d, counted %v, creates %d, updates %d; want %d, %v, %d, %d",
					got.Records, got.Counted, got.Creates, got.Updates, c.records, c.counted, c.creates, c.updates)
			}
			if s := where(got.Own); s != strings.Join(c.own, ";") {
				t.Errorf("own errors at %q, want %q (%v)", s, strings.Join(c.own, ";"), got.Own)
			}
			if s := where(got.Org); s != strings.Join(c.org, ";") {
				t.Errorf("failures in the organization at %q, want %q (%v)", s, strings.Join(c.org, ";"), got.Org)
			}
			if got.Failing != c.failing || got.Blocked() != c.blocked {
				t.Errorf("failing rows %d, blocked %v; want %d, %v", got.Failing, got.Blocked(), c.failing, c.blocked)
			}
		})
	}
}

// The preview says what the job then does: the same creates, updates and failures, with
// the same messages on the same columns.
func TestPreviewAgreesWithTheJob(t *testing.T) {
	e := newEnv(t, envOptions{})
	csv := "Email,User Profile,Contact Center Enabled,Site,Teams,Desktop Profile\n" +
		"anna.brown@example.com,Supervisor,ON,London,Sales,Agent Default\n" + // Sales is in London and Prague
		"jan.brown@example.com,Premium Agent,ON,Prague,Sales: Prague,Agent Default\n" +
		"emma.brown@example.com,Premium Agent,ON,Prague,Sales: Prague,Agent Defualt\n" +
		"nobody@example.com,Premium Agent,ON,Prague,Support: Prague,Agent Default\n"
	sh := previewSheet(t, "user", csv)
	p, err := PreviewSheet(context.Background(), e.api, sh)
	if err != nil {
		t.Fatal(err)
	}
	j := e.submitRun("user", e.packSheet(sh))
	rows, err := e.store.Rows(context.Background(), j.ID, Fail)
	if err != nil {
		t.Fatal(err)
	}
	var job, preview []string
	for _, r := range rows {
		job = append(job, strconv.Itoa(r.Number)+" "+r.Column+": "+r.Message)
	}
	for _, f := range p.Org {
		preview = append(preview, strconv.Itoa(f.Row)+" "+f.Column+": "+f.Message)
	}
	if !slices.Equal(job, preview) || len(job) != 3 {
		t.Errorf("the job failed:\n%s\nthe preview said:\n%s", strings.Join(job, "\n"), strings.Join(preview, "\n"))
	}
	if j.Succeeded != p.Updates+p.Creates || j.Failed != p.Failing {
		t.Errorf("job: %d succeeded, %d failed; preview: %d updates, %d creates, %d failing",
			j.Succeeded, j.Failed, p.Updates, p.Creates, p.Failing)
	}
}

// A zip of audio files: a file Webex cannot take is an error of its own; a name the
// organization has is an update, another a create.
func TestPreviewAudio(t *testing.T) {
	e := newEnv(t, envOptions{})
	dir := t.TempDir()
	files := writeWAVs(t, dir, "welcome.wav", "new-prompt.wav")
	pkg, err := sheets.PackAudio(files, filepath.Join(dir, "prompts.zip"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := PreviewAudio(context.Background(), e.api, pkg.Path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Records != 2 || !p.Counted || p.Creates != 1 || p.Updates != 1 || p.Blocked() {
		t.Errorf("preview: %+v", p)
	}
	bad := filepath.Join(dir, "bad.zip")
	if err := os.WriteFile(bad, []byte("not a zip"), 0o600); err != nil {
		t.Fatal(err)
	}
	if p, err = PreviewAudio(context.Background(), e.api, bad); err != nil || !p.Blocked() || len(p.Own) != 1 {
		t.Errorf("a broken zip: %+v, %v", p, err)
	}
}

// An organization that cannot be read leaves the sheet's own findings, uncounted, and
// says why.
func TestPreviewUnreadableOrganization(t *testing.T) {
	api := failingLists{}
	p, err := PreviewSheet(context.Background(), api, previewSheet(t, "site", "Name,Multimedia Profile\n,Voice Only\n"))
	if err == nil || !strings.Contains(err.Error(), "reading multimedia profiles of the organization") {
		t.Errorf("error %v", err)
	}
	if p.Counted || where(p.Own) != "2 Name" || !p.Blocked() {
		t.Errorf("preview: %+v", p)
	}
}

const queueHeader = "Name,Description,Channel Type,Max Time In Queue,Service Level Threshold,Timezone,Permit Monitoring," +
	"Permit Recording,Record All Calls,Pause or Resume Enabled,Recording Pause Duration,Default Music in Queue," +
	"Routing Type,Skill-Based Agent Selection,Distribution Group,Distribution Group Seq,Group Fallback Time,Group Teams\n"

func previewSheet(t *testing.T, key, csv string) *sheets.Sheet {
	t.Helper()
	sh, err := sheets.ReadCSV(strings.NewReader(csv), key+".csv", sheets.ReadOptions{Object: mustObject(t, key)})
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

func where(fs []sheets.Finding) string {
	var s []string
	for _, f := range fs {
		s = append(s, strings.TrimSpace(strconv.Itoa(f.Row)+" "+f.Column))
	}
	return strings.Join(s, ";")
}

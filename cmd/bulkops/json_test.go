package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// --json prints what a script parses: the documented shape, English keys and severity
// words whatever the language.
func TestObjectsAndValidateJSON(t *testing.T) {
	t.Setenv("BULKOPS_LANG", "cs")
	code, out, errs := runCLI(t, "objects", "--json")
	var objects []objectJSON
	if err := json.Unmarshal([]byte(out), &objects); code != 0 || err != nil || len(objects) == 0 {
		t.Fatalf("objects --json: exit %d, %v, stderr %q", code, err, errs)
	}
	if objects[0].Key == "" || len(objects[0].Columns) == 0 {
		t.Errorf("first object %+v", objects[0])
	}

	code, out, _ = runPiped(t, badTeams, "validate", "--json", "-")
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); code != 1 || err != nil {
		t.Fatalf("validate --json: exit %d, %v\n%s", code, err, out)
	}
	f := v["findings"].([]any)[0].(map[string]any)
	if v["errors"] != 1.0 || f["severity"] != "error" || f["file"] != "stdin.csv" || f["row"] != 2.0 || f["column"] != "Type" ||
		!strings.HasPrefix(f["message"].(string), "Type must be") {
		t.Errorf("validate --json under a Czech locale: %s", out)
	}
}

// A job submitted from standard input is listed by jobs --json and detailed by job --json.
func TestJobsJSON(t *testing.T) {
	t.Setenv("BULKOPS_HOME", t.TempDir())
	var out, errb bytes.Buffer
	d := &deps{stdin: strings.NewReader("Name,Multimedia Profile\nBrno,Voice Only\nOstrava,Voice Onyl\n"), stdout: &out, stderr: &errb}
	if code := runWith(d, []string{"submit", "--wait", "-"}); code != 1 {
		t.Fatalf("submit --wait -: exit %d\n%s", code, errb.String())
	}
	id := strings.TrimSpace(out.String())

	code, stdout, errs := runCLI(t, "jobs", "--json")
	var list []jobJSON
	if err := json.Unmarshal([]byte(stdout), &list); code != 0 || err != nil || len(list) != 1 {
		t.Fatalf("jobs --json: exit %d, %v, stderr %q\n%s", code, err, errs, stdout)
	}
	j := list[0]
	if j.ID != id || j.FileName != "stdin.csv" || j.Status != "Completed With Errors" || j.Total != 2 || j.Failed != 1 || j.EndedAt == nil {
		t.Errorf("jobs --json: %+v", j)
	}
	code, stdout, _ = runCLI(t, "job", "--json", id)
	var one jobJSON
	if err := json.Unmarshal([]byte(stdout), &one); code != 0 || err != nil || len(one.FailedRows) != 1 ||
		one.FailedRows[0].Row != 3 || one.FailedRows[0].Column != "Multimedia Profile" {
		t.Errorf("job --json: exit %d, %v\n%s", code, err, stdout)
	}
}

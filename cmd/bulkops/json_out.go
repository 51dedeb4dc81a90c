package main

import (
	"encoding/json"
	"io"
	"time"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
)

// The shapes --json prints. They are an interface for scripts: fields are added, never
// renamed or removed, and keys and enumerations are English whatever the language
// (severity "error" or "warning", a job's status as Control Hub spells it); messages are
// in English, as error files keep them. README's "Machine-readable output" documents them.

// objectJSON is one entry of bulkops objects --json (a list).
type objectJSON struct {
	Key     string   `json:"key"`
	Title   string   `json:"title"`
	Group   string   `json:"group"`
	Columns []string `json:"columns"`
}

// findingJSON is a finding: row 0 is the whole file, column "" the whole row.
type findingJSON struct {
	File     string `json:"file"`
	Row      int    `json:"row"`
	Column   string `json:"column"`
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`
}

// moreJSON counts the findings of one file and column that the cap left out.
type moreJSON struct {
	File   string `json:"file"`
	Column string `json:"column"`
	Count  int    `json:"count"`
}

// validateJSON is what bulkops validate --json prints (one object).
type validateJSON struct {
	Files    []string      `json:"files"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Findings []findingJSON `json:"findings"`
	More     []moreJSON    `json:"more"`
}

// jobJSON is a job in bulkops jobs --json (a list) and bulkops job --json. Times are
// RFC 3339 in UTC; started_at and ended_at are null until they happen.
type jobJSON struct {
	ID          string     `json:"id"`
	FileName    string     `json:"file_name"`
	PackageName string     `json:"package_name"`
	Object      string     `json:"object"`
	Status      string     `json:"status"` // New, In Progress, Completed, Completed With Errors, Failed
	Reason      string     `json:"reason"`
	Total       int        `json:"total"`
	Succeeded   int        `json:"succeeded"`
	Failed      int        `json:"failed"`
	SubmittedBy string     `json:"submitted_by"`
	SubmittedAt time.Time  `json:"submitted_at"`
	StartedAt   *time.Time `json:"started_at"`
	EndedAt     *time.Time `json:"ended_at"`
	OrgID       string     `json:"org_id"`
	OrgName     string     `json:"org_name"`
	Undoable    bool       `json:"undoable"`              // the store kept what the job changed: bulkops undo can take it back
	UndoOf      string     `json:"undo_of"`               // the job this one undoes; "" for a job from files
	UndoneBy    string     `json:"undone_by"`             // the latest job that undoes this one; "" when none
	FailedRows  []rowJSON  `json:"failed_rows,omitempty"` // bulkops job --json only
	// Operations and Notes: bulkops job --json only, of a job with succeeded rows of its own.
	Operations *operationsJSON `json:"operations,omitempty"`
	Notes      []rowJSON       `json:"notes,omitempty"` // succeeded rows with a note ("already gone")
}

// rowJSON is a failed row of a job: its file's row number and why it failed.
type rowJSON struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

func writeJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return 1
	}
	return 0
}

func objectsJSON() []objectJSON {
	list := []objectJSON{}
	for _, o := range catalog.All() {
		cols := make([]string, len(o.Columns))
		for i, c := range o.Columns {
			cols[i] = c.Header
		}
		list = append(list, objectJSON{Key: o.Key, Title: o.Title, Group: o.Group, Columns: cols})
	}
	return list
}

func findingsJSON(files []string, errs, warns int, fs []sheets.Finding, more []sheets.More) validateJSON {
	v := validateJSON{Files: files, Errors: errs, Warnings: warns, Findings: []findingJSON{}, More: []moreJSON{}}
	for _, f := range fs {
		v.Findings = append(v.Findings, findingJSON{File: f.File, Row: f.Row, Column: f.Column, Severity: f.Severity.String(), Message: f.Message})
	}
	for _, m := range more {
		v.More = append(v.More, moreJSON{File: m.File, Column: m.Column, Count: m.Count})
	}
	return v
}

func toJobJSON(j jobs.Job) jobJSON {
	at := func(t time.Time) *time.Time {
		if t.IsZero() {
			return nil
		}
		u := t.UTC()
		return &u
	}
	return jobJSON{ID: j.ID, FileName: j.FileName, PackageName: j.PackageName, Object: j.Object, Status: string(j.Status),
		Reason: j.Reason, Total: j.Total, Succeeded: j.Succeeded, Failed: j.Failed, SubmittedBy: j.SubmittedBy,
		SubmittedAt: j.SubmittedAt.UTC(), StartedAt: at(j.StartedAt), EndedAt: at(j.EndedAt), OrgID: j.OrgID, OrgName: j.OrgName,
		Undoable: j.Undoable, UndoOf: j.UndoOf, UndoneBy: j.UndoneBy}
}

func rowsJSON(rows []jobs.Row) []rowJSON {
	list := []rowJSON{}
	for _, r := range rows {
		list = append(list, rowJSON{Row: r.Number, Column: r.Column, Message: r.Message})
	}
	return list
}

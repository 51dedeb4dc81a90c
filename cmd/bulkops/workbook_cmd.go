package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
)

// plan and submit of a workbook: sheets of several types (one .xlsx with a sheet per
// type, as export --all writes it, or several files) make one job (jobs.BuildWorkbook,
// Engine.SubmitWorkbook), its steps in dependency order.

// workbookSheets reads files as a workbook when they hold sheets of more than one type;
// ok is false otherwise (or when they cannot be read: the one-type path says why).
func workbookSheets(files []string, opt sheets.ReadOptions) ([]*sheets.Sheet, bool) {
	if opt.Object != nil || opt.SheetName != "" {
		return nil, false
	}
	var set []*sheets.Sheet
	for _, f := range files {
		ss, err := sheets.ReadWorkbook(f, opt)
		if err != nil {
			return nil, false
		}
		set = append(set, ss...)
	}
	types := map[string]bool{}
	for _, s := range set {
		if len(s.Rows) > 0 {
			types[s.Object.Key] = true
		}
	}
	return set, len(types) > 1
}

// buildWorkbook builds the workbook draft; a sheet's own errors stop it (exit 1).
func buildWorkbook(files []string, set []*sheets.Sheet, stdout, stderr io.Writer) (*jobs.WorkbookDraft, int) {
	wd, err := jobs.BuildWorkbook(jobs.WorkbookSource{Sheets: set, Name: jobName(files)})
	if err != nil {
		return nil, fail(stderr, err)
	}
	if err := wd.Err(); err != nil {
		errs, _ := printFindings(stdout, wd.Findings())
		fmt.Fprintln(stderr, "bulkops:", say("not submitted: %s in the sheet; fix them first", i18n.N(errs, "%d error", "%d errors")))
		return nil, 1
	}
	return wd, 0
}

// printWorkbookPlan prints each step's plan under its type, then what the organization
// cannot take, then the sums.
func printWorkbookPlan(w io.Writer, wd *jobs.WorkbookDraft, org string, full bool) {
	for i, st := range wd.Steps {
		fmt.Fprintf(w, "== %d. %s%s\n", i+1, titleWord(st.Object()), stepWhat(st))
		if st.Kind == jobs.StepLate {
			continue
		}
		if full {
			printPlan(w, st.Draft)
		}
		p := st.Draft.Preview
		if st.Kind == jobs.StepDelete {
			fmt.Fprintln(w, "  "+say("%d to delete, %s failing in %s", p.Deletes, i18n.N(p.Failing, "%d row", "%d rows"), org))
			continue
		}
		fmt.Fprintln(w, "  "+say("%d to create, %d to update, %d unchanged, %s failing in %s", p.Creates, p.Updates, p.Unchanged, i18n.N(p.Failing, "%d row", "%d rows"), org))
	}
	for _, l := range wd.Late {
		fmt.Fprintln(w, say("second pass: the %s column of %s is filled after %s exist", l.Column, objectTitle(l.From), objectTitle(l.To)))
	}
	if len(wd.NotCopyable) > 0 {
		fmt.Fprintln(w, say("not copyable into %s (the job fails these rows):", org))
		for _, nc := range wd.NotCopyable {
			fmt.Fprintf(w, "  %s: %s\n", rowAt(nc.File, nc.Row, nc.Column), nc.Reason.In(cliLanguage()))
		}
	}
	p := wd.Preview()
	if p.Deletes > 0 { // the sums name the deletes first, as one type's plan does (printSummary)
		fmt.Fprintln(w, say("%d to delete from %s", p.Deletes, org))
	}
	fmt.Fprintln(w, say("%d to create, %d to update, %d unchanged, %s failing in %s", p.Creates, p.Updates, p.Unchanged, i18n.N(p.Failing, "%d row", "%d rows"), org))
	fmt.Fprintln(w, costLine(p))
}

// stepWhat says what a step does beyond its type's creates and updates.
func stepWhat(st *jobs.WorkbookStep) string {
	switch st.Kind {
	case jobs.StepDelete:
		return " (" + say("deletes") + ")"
	case jobs.StepLate:
		return " (" + say("second pass") + ")"
	}
	return ""
}

// runWorkbookPlan is bulkops plan of a workbook.
func runWorkbookPlan(d *deps, opt *planOptions, files []string, set []*sheets.Sheet) int {
	wd, code := buildWorkbook(files, set, d.stdout, d.stderr)
	if code != 0 {
		return code
	}
	return withSession(opt.profile, d.stderr, func(ctx context.Context, s *session) int {
		if err := wd.Check(ctx, s.conn.Org()); err != nil {
			return fail(d.stderr, err)
		}
		printWorkbookPlan(d.stdout, wd, engineOrg(s.eng), true)
		if line := copyLine(wd.Name, wd, s.eng); line != "" {
			fmt.Fprintln(d.stdout, line)
		}
		return 0
	})
}

// runWorkbookSubmit is bulkops submit of a workbook: one job, its steps in order.
func runWorkbookSubmit(d *deps, opt *submitOptions, files []string, set []*sheets.Sheet) int {
	wd, code := buildWorkbook(files, set, d.stdout, d.stderr)
	if code != 0 {
		return code
	}
	return withSession(opt.profile, d.stderr, func(ctx context.Context, s *session) int {
		resumeInBackground(ctx, d, s, opt.profile)
		if err := wd.Check(ctx, s.conn.Org()); err != nil {
			return fail(d.stderr, err)
		}
		org := engineOrg(s.eng)
		printWorkbookPlan(d.stderr, wd, org, false)
		p := wd.Preview()
		if !confirmCopy(d.stderr, wd.Name, wd, s.eng, opt.yes) || !confirmDeletes(d.stderr, p, org, opt.yes) || !confirmUpdates(d.stderr, p, opt.yes) {
			fmt.Fprintln(d.stderr, "bulkops:", say("not submitted"))
			return 1
		}
		j, err := s.eng.SubmitWorkbook(ctx, wd, s.conn.SubmittedBy())
		if err != nil {
			return fail(d.stderr, err)
		}
		fmt.Fprintln(d.stdout, j.ID)
		fmt.Fprintln(d.stderr, say("submitted to %s: %s", s.conn.Label(cliLanguage()), workbookLine(j)))
		if !opt.wait {
			return startInBackground(d, opt.profile, j.ID)
		}
		return runAndReport(ctx, s.eng, j.ID, d.stderr)
	})
}

// workbookLine is a workbook job as the dashboard names it: "Workbook: 6 types, 1240 rows".
func workbookLine(j jobs.Job) string {
	return say("Workbook: %s, %s", i18n.N(j.Types, "%d type", "%d types").In(cliLanguage()), i18n.N(j.Total, "%d row", "%d rows").In(cliLanguage()))
}

// printSteps lists a workbook job's steps with their status and counts.
func printSteps(w io.Writer, store *jobs.Store, j jobs.Job) {
	if j.Object != jobs.WorkbookObject {
		return
	}
	steps, err := store.Steps(context.Background(), j.ID)
	if err != nil {
		return
	}
	fmt.Fprintln(w, workbookLine(j))
	for _, st := range steps {
		what := strings.TrimPrefix(st.FileName, j.FileName)
		fmt.Fprintf(w, "  %d. %s%s  %s  %s  %s\n", st.Step, objectTitle(st.Object), what, st.ID, statusWord(st.Status), rowsText(st))
	}
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/jobs"
)

// plan: what a submit of the files would do, record by record and cell by cell, worked
// out from the same reading of the organization as the job (jobs.Draft.Check) — like
// terraform plan before an apply. Nothing is written.

func init() {
	addCommand(newPlanCmd)
}

// planOptions are plan's flags.
type planOptions struct {
	object, profile, encoding, sheet string
	json                             bool
}

func newPlanCmd(d *deps) *cobra.Command {
	var opt planOptions
	c := &cobra.Command{Use: "plan [--object KEY] [--encoding ENC] [--sheet NAME] [--json] [--profile NAME] FILE...",
		Short: say("show what a submit would change: + creates, ~ updates (column: old -> new), unchanged, failures"),
		Args:  minArgs(1, i18n.M("at least one file")), ValidArgsFunction: completeSheetFiles,
		Run: d.exits(func(files []string) int {
			return readingStdin(d, files, opt.object, func(d *deps, files []string) int { return runPlan(d, &opt, files) })
		})}
	objectFlag(c, &opt.object, say("object type key; detected from the header when omitted"))
	profileFlag(c, &opt.profile, say("profile to plan against; the one in use when omitted"))
	encodingFlag(c, &opt.encoding)
	sheetFlag(c, &opt.sheet)
	jsonFlag(c, &opt.json)
	return c
}

func runPlan(d *deps, opt *planOptions, files []string) int {
	stdout, stderr := d.stdout, d.stderr
	o, ok := lookupObject(opt.object, stderr)
	if !ok {
		return 2
	}
	if set, ok := workbookSheets(files, readOptions(o, opt.encoding, opt.sheet)); ok {
		return runWorkbookPlan(d, opt, files, set)
	}
	draft, code := draftForSubmit(files, readOptions(o, opt.encoding, opt.sheet), stdout, stderr, true)
	if code != 0 {
		return code
	}
	return withSession(opt.profile, stderr, func(ctx context.Context, s *session) int {
		if err := draft.Check(ctx, s.conn.Org()); err != nil {
			return fail(stderr, err)
		}
		org := engineOrg(s.eng)
		if opt.json {
			return printPlanJSON(stdout, stderr, draft, org)
		}
		printPlan(stdout, draft)
		printSummary(stdout, draft.Preview, org)
		if line := copyLine(jobName(files), draft, s.eng); line != "" {
			fmt.Fprintln(stdout, line)
		}
		return 0
	})
}

// printPlan prints the plan as a diff: + a create with its values, ~ an update with
// each changed column, ! a failure with its reason; the warnings on suspicious cells
// after it. Unchanged records are only counted (printSummary).
func printPlan(w io.Writer, d *jobs.Draft) {
	for _, pl := range d.Preview.Plan {
		at := rowAt(planFile(d, pl.File), pl.Row, "")
		switch pl.Action {
		case jobs.ActCreate:
			fmt.Fprintf(w, "+ %s (%s)\n", pl.Key, at)
			for _, c := range pl.Changes {
				fmt.Fprintf(w, "    %s: %q\n", c.Column, c.New)
			}
		case jobs.ActUpdate:
			fmt.Fprintf(w, "~ %s (%s)\n", pl.Key, at)
			for _, c := range pl.Changes {
				fmt.Fprintf(w, "    %s: %q -> %q\n", c.Column, c.Old, c.New)
			}
		case jobs.ActDelete:
			fmt.Fprintf(w, "- %s (%s)\n", pl.Key, at)
		case jobs.ActFail:
			fmt.Fprintf(w, "! %s (%s): %s\n", pl.Key, at, pl.Reason)
		}
	}
	for _, f := range d.Preview.Warnings {
		fmt.Fprintln(w, say("warning: %s: %s", rowAt(planFile(d, f.File), f.Row, f.Column), f.MessageIn(cliLanguage())))
	}
}

// planFile is a file's name where the draft has several, else "".
func planFile(d *jobs.Draft, file string) string {
	if len(d.Sheets) > 1 {
		return file
	}
	return ""
}

// printSummary prints the counts and the cost of the plan: the requests the job makes
// and how long they take at the organization's rate limit, which no client can beat.
func printSummary(w io.Writer, p jobs.Preview, org string) {
	if p.Deletes > 0 {
		fmt.Fprintln(w, say("%d to delete from %s", p.Deletes, org))
	}
	fmt.Fprintln(w, say("%d to create, %d to update, %d unchanged, %s failing in %s", p.Creates, p.Updates, p.Unchanged, i18n.N(p.Failing, "%d row", "%d rows"), org))
	fmt.Fprintln(w, costLine(p))
	fmt.Fprintln(w, say("A blank cell keeps the organization's value."))
}

// costLine is the request floor of the plan: "2,000 updates: 2,002 requests, about 6m40s
// at 300/min — the API allows no faster", with the GETs lists force named.
func costLine(p jobs.Preview) string {
	requests := i18n.N(p.Requests, "%d request", "%d requests")
	line := say("%s, about %s at %d/min — the API allows no faster", requests, sayDuration(p.Duration), p.Rate)
	if p.Duration < time.Second { // "about under a second" says it twice
		line = say("%s, under a second at %d/min", requests, p.Rate)
	}
	if p.Gets > 0 {
		line += say(" (%d of them GETs of one object each: %s)", p.Gets, p.GetsWhy())
	}
	if p.Rereads > 0 {
		line += say(" (%d of them reading the records again before each run of %d, so none changed since the check is overwritten)", p.Rereads, p.RereadEvery)
	}
	return line
}

// planJSON is the stable shape of bulkops plan --json.
type planJSON struct {
	Object       string         `json:"object"`
	Organization string         `json:"organization"`
	Deletes      int            `json:"deletes"`
	Creates      int            `json:"creates"`
	Updates      int            `json:"updates"`
	Unchanged    int            `json:"unchanged"`
	Failing      int            `json:"failing"`
	Requests     int            `json:"requests"`
	Seconds      float64        `json:"seconds"`
	Blank        string         `json:"blank"` // what a blank cell does: "keeps" the organization's value
	Records      []jobs.Planned `json:"records"`
	Warnings     []findingJSON  `json:"warnings"`
}

func printPlanJSON(stdout, stderr io.Writer, d *jobs.Draft, org string) int {
	p := d.Preview
	out := planJSON{Object: d.Object.Key, Organization: org, Deletes: p.Deletes, Creates: p.Creates, Updates: p.Updates,
		Unchanged: p.Unchanged, Failing: p.Failing, Requests: p.Requests, Seconds: p.Duration.Seconds(),
		Blank: "keeps", Records: p.Plan, Warnings: []findingJSON{}}
	if out.Records == nil {
		out.Records = []jobs.Planned{}
	}
	for _, f := range p.Warnings {
		out.Warnings = append(out.Warnings, findingJSON{File: f.File, Row: f.Row, Column: f.Column, Severity: f.Severity.String(), Message: f.Message})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fail(stderr, err)
	}
	return 0
}

// stdin is what submit reads its answer from; stdinTerminal tells whether a person is
// at it (a test replaces both).
var (
	stdin         io.Reader = os.Stdin
	stdinTerminal           = func() bool { // /dev/null is a character device too: ask the terminal
		return isatty.IsTerminal(os.Stdin.Fd()) || isatty.IsCygwinTerminal(os.Stdin.Fd())
	}
)

// confirmUpdates asks, on a terminal, before a job writes over records the
// organization has; it reports whether to go on. Without a terminal (a script, a pipe)
// it never asks: the plan printed before is the record of what was done.
func confirmUpdates(stderr io.Writer, p jobs.Preview, yes bool) bool {
	if yes || p.Updates == 0 || !stdinTerminal() {
		return true
	}
	return askYes(stderr, i18n.N(p.Updates, "The job changes %d record the organization has (bulkops plan lists each change). Submit? [y/N] ", "The job changes %d records the organization has (bulkops plan lists each change). Submit? [y/N] ").In(cliLanguage()))
}

// askYes asks question on stderr and reads the answer from stdin: yes in English or
// Czech.
func askYes(stderr io.Writer, question string) bool {
	fmt.Fprint(stderr, question)
	answer, _ := bufio.NewReader(stdin).ReadString('\n')
	answer = strings.ToLower(strings.TrimSpace(answer))
	return answer == "y" || answer == "yes" || answer == "a" || answer == "ano"
}

package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/jobs"
)

// undo: take a finished job back. The plan restores what the job updated, deletes what
// it created and recreates what it deleted; it is shown like bulkops plan and sent as a
// new job linked to the first ("undo of BO-…"). Undoing the undo redoes.

func init() {
	addCommand(newUndoCmd)
}

// undoOptions are undo's flags.
type undoOptions struct {
	profile                   string
	includeChanged, yes, wait bool
	quiet                     bool
}

func newUndoCmd(d *deps) *cobra.Command {
	var opt undoOptions
	c := &cobra.Command{Use: "undo [--include-changed] [--yes] [--wait] [--quiet] [--profile NAME] ID",
		Short: say("take a finished job back: restore what it updated, delete what it created, recreate what it deleted"),
		Args:  exactArgs(1, i18n.M("a job id")), ValidArgsFunction: completeJobID,
		Run: d.exits(func(args []string) int {
			return runUndo(d.quieted(opt.quiet), &opt, strings.ToUpper(args[0]))
		})}
	c.Flags().BoolVar(&opt.includeChanged, "include-changed", false, say("take back records changed in the organization since the job too, overwriting that change"))
	c.Flags().BoolVar(&opt.yes, "yes", false, say("submit the undo without asking"))
	c.Flags().BoolVar(&opt.wait, "wait", false, say("show progress and wait for the end: exit 0 completed, 1 completed with errors, 2 failed"))
	profileFlag(c, &opt.profile, say("profile to submit through; the one in use when omitted"))
	quietFlag(c, &opt.quiet)
	return c
}

func runUndo(d *deps, opt *undoOptions, id string) int {
	stdout, stderr := d.stdout, d.stderr
	return withSession(opt.profile, stderr, func(ctx context.Context, s *session) int {
		u, err := s.eng.PlanUndo(ctx, id, jobs.UndoOptions{IncludeChanged: opt.includeChanged})
		if err != nil {
			if u != nil {
				printUndoNotes(stdout, u)
			}
			return fail(stderr, err)
		}
		if err := u.Check(ctx, s.conn.Org()); err != nil {
			return fail(stderr, err)
		}
		org := engineOrg(s.eng)
		printUndoPlan(stdout, u, org)
		printUndoNotes(stdout, u)
		p := u.Preview()
		fmt.Fprintln(stdout, say("%d to delete, %d to create, %d to restore, %d unchanged, %s failing in %s",
			p.Deletes, p.Creates, p.Updates, p.Unchanged, i18n.N(p.Failing, "%d row", "%d rows"), org))
		if p.Deletes+p.Creates+p.Updates == 0 {
			fmt.Fprintln(stderr, "bulkops:", say("nothing to take back"))
			return 1
		}
		if !confirmUndo(stderr, u, org, opt.yes) {
			fmt.Fprintln(stderr, "bulkops:", say("not submitted"))
			return 1
		}
		j, err := s.eng.SubmitUndo(ctx, u, s.conn.SubmittedBy())
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, j.ID)
		fmt.Fprintln(stderr, say("submitted to %s: %s", s.conn.Label(cliLanguage()), j.FileName))
		if !opt.wait {
			return startInBackground(d, opt.profile, j.ID)
		}
		return runAndReport(ctx, s.eng, j.ID, stderr)
	})
}

// printUndoPlan prints the undo's plan: as bulkops plan prints a file of one type, or
// step by step as it prints a workbook when the job undone was a workbook job.
func printUndoPlan(w io.Writer, u *jobs.Undo, org string) {
	if u.Book == nil {
		fmt.Fprintln(w, say("Undo of %s (%s, %s):", u.Of.ID, u.Of.FileName, titleWord(u.Draft.Object)))
		printPlan(w, u.Draft)
		return
	}
	fmt.Fprintln(w, say("Undo of %s (%s, %s):", u.Of.ID, u.Of.FileName, i18n.N(u.Book.Types(), "%d type", "%d types").In(cliLanguage())))
	printWorkbookPlan(w, u.Book, org, true)
}

// printUndoNotes lists the records the undo leaves alone and what it cannot restore;
// of a workbook job's undo with each record's type (its row is of that type's step).
func printUndoNotes(w io.Writer, u *jobs.Undo) {
	note := func(left bool, n jobs.UndoNote) string {
		text := n.Text.In(cliLanguage())
		switch {
		case u.Book != nil && left:
			return say("= %s %s (row %d of its step of %s): %s", titleWord(n.Object), n.Key, n.Row, u.Of.ID, text)
		case u.Book != nil:
			return say("note: %s %s (row %d of its step of %s): %s", titleWord(n.Object), n.Key, n.Row, u.Of.ID, text)
		case left:
			return say("= %s (row %d of %s): %s", n.Key, n.Row, u.Of.ID, text)
		}
		return say("note: %s (row %d of %s): %s", n.Key, n.Row, u.Of.ID, text)
	}
	for _, n := range u.Left {
		fmt.Fprintln(w, note(true, n))
	}
	for _, n := range u.Notes {
		fmt.Fprintln(w, note(false, n))
	}
}

// confirmUndo asks on a terminal before the undo writes, naming the deletes and the
// organization. Without a terminal it never asks, but an undo that deletes goes ahead
// only with --yes, as a submit that deletes does (confirmDeletes).
func confirmUndo(stderr io.Writer, u *jobs.Undo, org string, yes bool) bool {
	p := u.Preview()
	switch {
	case yes:
		return true
	case !stdinTerminal():
		return confirmDeletes(stderr, p, org, false)
	}
	return askYes(stderr, i18n.N(p.Updates, "Undo %[2]s in %[3]s: delete %[4]d, create %[5]d and restore %[1]d record? [y/N] ", "Undo %[2]s in %[3]s: delete %[4]d, create %[5]d and restore %[1]d records? [y/N] ", u.Of.ID, org, p.Deletes, p.Creates).In(cliLanguage()))
}

// undoLines are a job detail's links to its undo, both ways, and how to take it back.
func undoLines(line func(k, v string), j jobs.Job) {
	if j.UndoOf != "" {
		line(say("Undo of"), j.UndoOf)
	}
	switch {
	case j.UndoneBy != "":
		line(say("Undone by"), j.UndoneBy)
	case !j.Undoable:
		line(say("Undo"), say("none: the job was submitted before Bulkops kept what a job changes"))
	case j.Status.Final():
		line(say("Undo"), "bulkops undo "+j.ID)
	}
}

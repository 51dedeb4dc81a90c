package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sync/jobs"
)

// submit: check, preview, pack and send a job (the CLI twin of the window's Import).
// The draft (jobs.BuildDraft) is the window's too: only how it is shown differs.

func init() {
	addCommand(newSubmitCmd)
}

// submitOptions are submit's flags.
type submitOptions struct {
	object, profile, encoding, sheet string
	wait, quiet, yes                 bool
}

func newSubmitCmd(d *deps) *cobra.Command {
	var opt submitOptions
	c := &cobra.Command{Use: "submit [--object KEY] [--encoding ENC] [--sheet NAME] [--wait] [--yes] [--quiet] [--profile NAME] FILE...",
		Short: say("check, pack and submit a job; prints its id"),
		Args:  minArgs(1, i18n.M("at least one file")), ValidArgsFunction: completeSheetFiles,
		Run: d.exits(func(files []string) int {
			return readingStdin(d, files, opt.object, func(d *deps, files []string) int { return runSubmit(d.quieted(opt.quiet), &opt, files) })
		})}
	objectFlag(c, &opt.object, say("object type key; detected from the header when omitted"))
	c.Flags().BoolVar(&opt.wait, "wait", false, say("show progress and wait for the end: exit 0 completed, 1 completed with errors, 2 failed"))
	profileFlag(c, &opt.profile, say("profile to submit through; the one in use when omitted"))
	encodingFlag(c, &opt.encoding)
	sheetFlag(c, &opt.sheet)
	c.Flags().BoolVar(&opt.yes, "yes", false, say("submit without asking when the job changes records the organization has"))
	quietFlag(c, &opt.quiet)
	return c
}

func runSubmit(d *deps, opt *submitOptions, files []string) int {
	stdout, stderr := d.stdout, d.stderr
	o, ok := lookupObject(opt.object, stderr)
	if !ok {
		return 2
	}
	if set, ok := workbookSheets(files, readOptions(o, opt.encoding, opt.sheet)); ok {
		return runWorkbookSubmit(d, opt, files, set)
	}
	draft, code := draftForSubmit(files, readOptions(o, opt.encoding, opt.sheet), stdout, stderr, false)
	if code != 0 {
		return code
	}
	return withSession(opt.profile, stderr, func(ctx context.Context, s *session) int {
		resumeInBackground(ctx, d, s, opt.profile)
		if !confirmCopy(stderr, jobName(files), draft, s.eng, opt.yes) { // asked first: it holds with or without a preview
			fmt.Fprintln(stderr, "bulkops:", say("not submitted"))
			return 1
		}
		if err := draft.Check(ctx, s.conn.Org()); err != nil {
			fmt.Fprintln(stderr, say("warning: no preview: %s", i18n.Of(err))) // the job reads the organization itself
		} else {
			printPreview(stderr, s.eng, draft)
			org := engineOrg(s.eng)
			if !confirmDeletes(stderr, draft.Preview, org, opt.yes) || !confirmUpdates(stderr, draft.Preview, opt.yes) {
				fmt.Fprintln(stderr, "bulkops:", say("not submitted"))
				return 1
			}
		}
		j, err := s.eng.SubmitDraft(ctx, draft, s.conn.SubmittedBy())
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, j.ID)
		fmt.Fprintln(stderr, say("submitted to %s: %s of %s from %s", s.conn.Label(cliLanguage()), i18n.N(j.Total, "%d row", "%d rows"), titleWord(draft.Object), j.FileName))
		if j.Status == jobs.Failed {
			fmt.Fprintln(stderr, "bulkops:", say("the job failed: %s", j.ReasonIn(cliLanguage())))
			return 2
		}
		if !opt.wait {
			return startInBackground(d, opt.profile, j.ID)
		}
		return runAndReport(ctx, s.eng, j.ID, stderr)
	})
}

// startInBackground hands the submitted job to a background runner.
func startInBackground(d *deps, profile, id string) int {
	if err := d.startRunner(profile, id); err != nil {
		fmt.Fprintln(d.stderr, "bulkops:", say("the job could not be started in the background: %s", i18n.Of(err)))
		fmt.Fprintln(d.stderr, say("run it with: bulkops run-job %s", id))
		return 1
	}
	fmt.Fprintln(d.stderr, say("running in the background; bulkops job %s shows its progress", id))
	return 0
}

// draftForSubmit reads the files and builds the job's draft. The sheet's own errors
// (format, required values, allowed values) stop it with exit code 1; what only the
// organization knows is told by the preview and left to the job, as in Control Hub.
// With planOnly (bulkops plan) the refusal says there is no plan rather than no submit.
func draftForSubmit(files []string, opt sheets.ReadOptions, stdout, stderr io.Writer, planOnly bool) (*jobs.Draft, int) {
	src := jobs.DraftSource{Name: jobName(files),
		Base: strings.TrimSuffix(filepath.Base(files[0]), filepath.Ext(files[0]))}
	if isAudio(opt.Object, files) {
		src.Audio = files
	} else {
		set, readable := readSheets(files, opt, stderr)
		if !readable {
			return nil, 2
		}
		src.Sheets = set
	}
	d, err := jobs.BuildDraft(src)
	if err != nil {
		return nil, fail(stderr, err)
	}
	var fe *sheets.FindingsError
	switch err := d.Err(); {
	case errors.As(err, &fe) && d.Sheets != nil && planOnly:
		errs, _ := printFindings(stdout, d.Findings)
		fmt.Fprintln(stderr, "bulkops:", say("no plan: %s in the sheet; fix them first", i18n.N(errs, "%d error", "%d errors")))
		return nil, 1
	case errors.As(err, &fe) && d.Sheets != nil:
		errs, _ := printFindings(stdout, d.Findings)
		fmt.Fprintln(stderr, "bulkops:", say("not submitted: %s in the sheet; fix them first", i18n.N(errs, "%d error", "%d errors")))
		return nil, 1
	case errors.As(err, &fe):
		printFindings(stdout, d.Findings)
		fmt.Fprintln(stderr, "bulkops:", say("not submitted: fix the errors above first"))
		return nil, 1
	case err != nil:
		return nil, fail(stderr, err)
	}
	return d, 0
}

// maxPreviewed bounds the rows the preview lists; the job's error file has them all.
const maxPreviewed = 10

// printPreview says what the job will do, as the window's check does before a submit:
// how many records it creates and updates, and which rows will fail in the organization.
func printPreview(w io.Writer, eng *jobs.Engine, d *jobs.Draft) {
	p := d.Preview
	warns, fails := p.Warnings, p.Org
	for i, f := range warns {
		if i == maxPreviewed {
			fmt.Fprintln(w, i18n.N(len(warns)-i, "  … and %d more warning", "  … and %d more warnings").In(cliLanguage()))
			break
		}
		fmt.Fprintln(w, say("warning: row %d, %s: %s", f.Row, f.Column, f.MessageIn(cliLanguage())))
	}
	fmt.Fprint(w, say("%d to create, %d to update, %d unchanged in %s: %s",
		p.Creates, p.Updates, p.Unchanged, engineOrg(eng), costLine(p)))
	if p.Failing == 0 {
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintln(w, i18n.N(p.Failing, "; %d row will fail in the organization:", "; %d rows will fail in the organization:").In(cliLanguage()))
	for i, f := range fails {
		if i == maxPreviewed {
			fmt.Fprintln(w, say("  … and %d more", len(fails)-i))
			break
		}
		file := ""
		if len(d.Sheets) > 1 {
			file = filepath.Base(f.File)
		}
		fmt.Fprintf(w, "  %s: %s\n", rowAt(file, f.Row, f.Column), f.MessageIn(cliLanguage()))
	}
}

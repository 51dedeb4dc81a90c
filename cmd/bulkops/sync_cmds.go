package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/bulkops/bulkops/internal/i18n"
	prog "github.com/bulkops/bulkops/internal/progress"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/sync/jobs"
)

// The commands that talk to an organization: sign-in, jobs and export. Without a
// profile of their own they all use the embedded sandbox, kept in the data directory.
func init() {
	addCommand(newLoginCmd)
	addCommand(newLogoutCmd)
	addCommand(newJobsCmd)
	addCommand(func(d *deps) *cobra.Command {
		var asJSON bool
		c := &cobra.Command{Use: "job [--json] ID", Short: say("a job's details and progress"),
			Args: exactArgs(1, i18n.M("a job id")), ValidArgsFunction: completeJobID,
			Run: d.exits(func(args []string) int { return runJob(args[0], asJSON, d.stdout, d.stderr) })}
		jsonFlag(c, &asJSON)
		return c
	})
	addCommand(newErrorsCmd)
	addCommand(newExportCmd)
	addCommand(newRunJobCmd)
}

// Exit codes of submit --wait and run-job, by how the job ended.
func jobExit(j jobs.Job) int {
	switch j.Status {
	case jobs.Completed:
		return 0
	case jobs.CompletedWithErrors:
		return 1
	}
	return 2
}

func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// fail reports the error that ends a command and returns its exit code.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "bulkops:", sayErr(err))
	return 1
}

// printCSVNote tells what a spreadsheet would change in a CSV file just written, if anything.
func printCSVNote(stderr io.Writer, path string, note i18n.Msg) {
	if !note.IsZero() {
		fmt.Fprintln(stderr, say("note: %s: %s", path, note))
	}
}

// The prompts of login: a first secret, and the choice to keep or replace a stored one.
// session is a connection to an organization, the job store and an engine on both.
type session struct {
	conn  *connect.Conn
	store *jobs.Store
	eng   *jobs.Engine
}

// engineOrg names the organization eng works on, as plans and questions name it:
// "Sandbox (embedded) (ID)" in the command line's language.
func engineOrg(eng *jobs.Engine) string {
	return jobs.OrgLabel(jobs.OrgShown(cliLanguage(), eng.OrgName), eng.OrgID)
}

func (s *session) close() {
	s.store.Close()
	s.conn.Close()
}

// withSession runs f on a session through profile, with a context that Ctrl-C cancels,
// and closes the session after it.
func withSession(profile string, stderr io.Writer, f func(ctx context.Context, s *session) int) int {
	ctx, stop := signalContext()
	defer stop()
	s, code := openSession(ctx, profile, stderr)
	if code != 0 {
		return code
	}
	defer s.close()
	return f(ctx, s)
}

// openSession connects and opens the job store.
func openSession(ctx context.Context, profile string, stderr io.Writer) (*session, int) {
	conn, code := openConn(ctx, profile, stderr)
	if code != 0 {
		return nil, code
	}
	store, code := openStore(stderr)
	if code != 0 {
		conn.Close()
		return nil, code
	}
	return &session{conn: conn, store: store, eng: conn.Engine(store)}, 0
}

// openConn connects through a profile (the one in use when "").
func openConn(ctx context.Context, profile string, stderr io.Writer) (*connect.Conn, int) {
	conn, err := connect.Open(ctx, profile, connect.Options{})
	if err != nil {
		return nil, fail(stderr, err)
	}
	if !conn.KeyringWarning.IsZero() {
		fmt.Fprintln(stderr, say("warning: %s", conn.KeyringWarning))
	}
	return conn, 0
}

// openStore opens the job store of the data directory. When it was found damaged and
// replaced by a new one, the command says so first (a command opens the store once).
func openStore(stderr io.Writer) (*jobs.Store, int) {
	store, err := jobs.OpenDefault()
	if err != nil {
		return nil, fail(stderr, err)
	}
	if d := store.Damaged(); d != nil {
		fmt.Fprintln(stderr, "bulkops:", say("warning: %s", d.Text()))
	}
	return store, 0
}

// runAndReport runs a job with its progress on stderr and exits by how it ended.
func runAndReport(ctx context.Context, eng *jobs.Engine, id string, stderr io.Writer) int {
	j, err := eng.Run(ctx, id, progressPrinter(stderr))
	if q, ok := stderr.(noProgress); ok {
		stderr = q.Writer
	}
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", sayErr(err))
		if errors.Is(err, jobs.ErrRunning) || ctx.Err() != nil {
			fmt.Fprintln(stderr, say("the job goes on; bulkops job %s shows its progress", id))
		}
		return 2
	}
	summarize(stderr, j)
	return jobExit(j)
}

// progressPrinter shows a job's progress on w (progress): a bar on a terminal, else a
// line at most twice a second and at its end.
func progressPrinter(w io.Writer) func(jobs.Progress) {
	p := newProgress(w)
	p.every = 500 * time.Millisecond
	return func(pr jobs.Progress) {
		p.update(say("%s: %s", pr.JobID, statusWord(pr.Status)), say("%d succeeded, %d failed", pr.Succeeded, pr.Failed),
			pr.Done, pr.Total, pr.Status.Final())
	}
}

func summarize(w io.Writer, j jobs.Job) {
	fmt.Fprintln(w, say("%s %s: %d succeeded, %d failed of %d", j.ID, statusWord(j.Status), j.Succeeded, j.Failed, j.Total))
	if j.Reason != "" {
		fmt.Fprintln(w, say("reason: %s", j.ReasonIn(cliLanguage())))
	}
	if j.Failed > 0 {
		fmt.Fprintln(w, say("bulkops errors %s -o %s writes the failed rows with their Error Message", j.ID, errorsFile(j)))
	}
}

func percent(done, total int) float64 {
	if total == 0 {
		return 100
	}
	return 100 * float64(done) / float64(total)
}

func newJobsCmd(d *deps) *cobra.Command {
	var limit int
	var asJSON bool
	c := &cobra.Command{Use: "jobs [-n N] [--json]", Short: say("list the jobs, newest first"), Args: noArgs,
		Run: d.exits(func([]string) int { return runJobs(limit, asJSON, d.stdout, d.stderr) })}
	c.Flags().IntVarP(&limit, "limit", "n", 0, say("show at most this many jobs"))
	jsonFlag(c, &asJSON)
	return c
}

func runJobs(limit int, asJSON bool, stdout, stderr io.Writer) int {
	store, code := openStore(stderr)
	if code != 0 {
		return code
	}
	defer store.Close()
	list, err := store.List(context.Background(), jobs.ListOptions{Limit: limit})
	if err != nil {
		return fail(stderr, err)
	}
	if asJSON {
		out := []jobJSON{}
		for _, j := range list {
			out = append(out, toJobJSON(j))
		}
		return writeJSON(stdout, out)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, say("JOB ID\tFILE NAME\tOBJECT\tSTATUS\tROWS\tSUBMITTED BY\tSUBMITTED\tORGANIZATION"))
	for _, j := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", j.ID, j.FileName, objectTitle(j.Object), statusWord(j.Status),
			rowsText(j), j.SubmittedBy, j.SubmittedAt.Local().Format("2006-01-02 15:04"), jobs.OrgName(jobs.OrgShown(cliLanguage(), j.OrgName), j.OrgID))
	}
	tw.Flush()
	if len(list) == 0 {
		fmt.Fprintln(stderr, say("no jobs yet: bulkops submit FILE creates one"))
	}
	for _, j := range list { // what went wrong with a job that does not move
		if j.Status.Active() && j.Reason != "" {
			fmt.Fprintln(stdout, say("note: %s (%s): %s", j.ID, statusWord(j.Status), j.ReasonIn(cliLanguage())))
		}
	}
	return 0
}

func objectTitle(key string) string {
	if o, ok := catalog.Lookup(key); ok {
		return titleWord(o)
	}
	return key
}

func rowsText(j jobs.Job) string {
	if j.Status.Final() {
		return say("%d ok, %d failed", j.Succeeded, j.Failed)
	}
	return fmt.Sprintf("%d/%d", j.Done(), j.Total)
}

// jobCommand runs a command about one stored job: it opens the store and calls do with
// the job's id as stored (upper case).
func jobCommand(id string, stderr io.Writer, do func(store *jobs.Store, id string) int) int {
	store, code := openStore(stderr)
	if code != 0 {
		return code
	}
	defer store.Close()
	return do(store, strings.ToUpper(id))
}

func runJob(id string, asJSON bool, stdout, stderr io.Writer) int {
	return jobCommand(id, stderr, func(store *jobs.Store, id string) int {
		ctx := context.Background()
		j, err := store.Get(ctx, id)
		if err != nil {
			return fail(stderr, err)
		}
		var failed []jobs.Row
		if j.Failed > 0 {
			if failed, err = store.Rows(ctx, id, jobs.Fail); err != nil {
				return fail(stderr, err)
			}
		}
		done, err := readDone(ctx, store, j)
		if err != nil {
			return fail(stderr, err)
		}
		if asJSON {
			out := toJobJSON(j)
			out.FailedRows = rowsJSON(failed)
			done.addJSON(&out)
			return writeJSON(stdout, out)
		}
		printJob(stdout, j, done)
		printSteps(stdout, store, j)
		done.printNotes(stdout)
		if len(failed) > 0 {
			printFailed(stdout, failed)
		}
		return 0
	})
}

// printJob writes a job's details, one a line.
func printJob(w io.Writer, j jobs.Job, done jobDone) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(k, v string) { fmt.Fprintf(tw, "%s:\t%s\n", k, v) }
	const stamp = "2006-01-02 15:04:05"
	line(say("Job ID"), j.ID)
	line(say("File name"), say("%s (package %s)", j.FileName, j.PackageName))
	line(say("Object"), objectTitle(j.Object))
	line(say("Status"), statusWord(j.Status))
	if j.Reason != "" {
		line(say("Reason"), j.ReasonIn(cliLanguage()))
	}
	line(say("Organization"), jobs.OrgLabel(jobs.OrgShown(cliLanguage(), j.OrgName), j.OrgID))
	line(say("Submitted by"), say("%s at %s", j.SubmittedBy, j.SubmittedAt.Local().Format(stamp)))
	if !j.StartedAt.IsZero() {
		line(say("Started"), j.StartedAt.Local().Format(stamp))
	}
	if !j.EndedAt.IsZero() {
		ended := j.EndedAt.Local().Format(stamp)
		if !j.StartedAt.IsZero() {
			ended = say("%s (took %s)", ended, j.EndedAt.Sub(j.StartedAt).Round(time.Second).String())
		}
		line(say("Ended"), ended)
	}
	line(say("Rows"), say("%d: %d succeeded, %d failed, %d to do (%.0f%% done)",
		j.Total, j.Succeeded, j.Failed, j.Total-j.Done(), 100*j.Fraction()))
	if done.known {
		line(say("Succeeded"), done.succeededText(j.Succeeded))
	}
	if j.Failed > 0 {
		line(say("Error file"), fmt.Sprintf("bulkops errors %s -o %s", j.ID, errorsFile(j)))
	}
	undoLines(line, j)
	tw.Flush()
}

// printFailed lists the first failed rows of a job with why they failed, in the command
// line's language (a row of a store from before Bulkops kept messages shows its English).
func printFailed(w io.Writer, rows []jobs.Row) {
	fmt.Fprintln(w, say("Failed rows:"))
	for i, r := range rows {
		if i == maxPreviewed {
			fmt.Fprintln(w, say("  … and %d more", len(rows)-i))
			break
		}
		fmt.Fprintf(w, "  %s: %s\n", rowAt("", r.Number, r.Column), r.MessageIn(cliLanguage()))
	}
}

// rowAt names a row of a sheet ("row 3, Multimedia Profile"), with its file first when
// file is not "".
func rowAt(file string, row int, column string) string {
	at := say("row %d", row)
	if file != "" {
		at = file + " " + at
	}
	if column != "" {
		at += ", " + column
	}
	return at
}

func newErrorsCmd(d *deps) *cobra.Command {
	var out, object string
	c := &cobra.Command{Use: "errors ID -o FILE.xlsx|FILE.csv|FILE.zip [--object KEY]", Short: say("write a job's failed rows with their Error Message"),
		Args: exactArgs(1, i18n.M("a job id")), ValidArgsFunction: completeJobID,
		Run: d.exits(func(args []string) int {
			o, ok := lookupObject(object, d.stderr)
			if !ok {
				return 2
			}
			key := ""
			if o != nil {
				key = o.Key
			}
			return toStdout(d, &out, ".csv", func(msgs io.Writer) int { return runErrors(args[0], key, &out, msgs, d.stderr) })
		})}
	outputFlag(c, &out, say("the file to write: .xlsx (a workbook, the messages also in notes on their cells) or .csv (Control Hub's error file); a workbook job's, a worksheet per type (.xlsx) or a CSV file per type (.zip)"))
	objectFlag(c, &object, say("of a workbook job, the failed rows of this type only"))
	required(c, "output")
	return c
}

// errorsFile is the error file a job's summary suggests: a workbook job's holds a
// worksheet per type.
func errorsFile(j jobs.Job) string {
	if j.Object == jobs.WorkbookObject {
		return "errors.xlsx"
	}
	return "errors.csv"
}

func runErrors(id, object string, out *string, stdout, stderr io.Writer) int {
	return jobCommand(id, stderr, func(store *jobs.Store, id string) int {
		n, note, err := store.WriteErrorsFileOf(context.Background(), id, *out, object)
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, say("wrote %s: %s of job %s with their Error Message", *out, i18n.N(n, "%d failed row", "%d failed rows"), id))
		printCSVNote(stderr, *out, note)
		return 0
	})
}

// exportOptions are export's flags.
type exportOptions struct {
	object, out, profile string
	all, quiet           bool
}

func newExportCmd(d *deps) *cobra.Command {
	var o exportOptions
	c := &cobra.Command{Use: "export {--object KEY[,KEY…] | --all} -o OUT [--profile NAME]", Short: say("write the organization's records as a sheet"), Args: noArgs,
		Run: d.exits(func([]string) int {
			if o.all || strings.Contains(o.object, ",") {
				return toStdout(d, &o.out, ".xlsx", func(msgs io.Writer) int { return runExportAll(o, msgs, d.quieted(o.quiet).stderr) })
			}
			if o.object == "" {
				fmt.Fprintln(d.stderr, "bulkops:", say("name the types to export with --object, or export them all with --all"))
				return 2
			}
			return toStdout(d, &o.out, "", func(msgs io.Writer) int { return runExport(o, msgs, d.quieted(o.quiet).stderr) })
		})}
	objectFlag(c, &o.object, say("object type key (bulkops objects); several, comma-separated, make one workbook"))
	c.Flags().BoolVar(&o.all, "all", false, say("export every type the API covers into one workbook (OUT.xlsx) or a zip of CSV files (OUT.zip)"))
	c.MarkFlagsMutuallyExclusive("all", "object")
	outputFlag(c, &o.out, say("output: OUT.csv or OUT.xlsx; a zip of CSV files past 5000 records"))
	profileFlag(c, &o.profile, say("profile to export from; the one in use when omitted"))
	quietFlag(c, &o.quiet)
	required(c, "output")
	return c
}

func runExport(opt exportOptions, stdout, stderr io.Writer) int {
	o, ok := lookupObject(opt.object, stderr)
	if !ok {
		return 2
	}
	ctx, stop := signalContext()
	defer stop()
	conn, code := openConn(ctx, opt.profile, stderr)
	if code != 0 {
		return code
	}
	defer conn.Close()
	p := newProgress(stderr)
	label := say("exporting %s from %s", titleWord(o), conn.Label(cliLanguage()))
	shown := p.activity(label)
	counted, last := exportCounts(p, label)
	s, err := jobs.Export(prog.With(ctx, counted), conn.API, o)
	var path string
	if err == nil {
		last()
		jobs.FromOrganization([]*sheets.Sheet{s}, conn.OrgID, conn.OrgName()) // a .xlsx records it: the guard of a copy names it
		path, err = jobs.WriteExport(s, opt.out)
	}
	shown()
	if err != nil {
		return fail(stderr, err)
	}
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		printCSVNote(stderr, path, sheets.CSVLossNote(s))
	}
	fmt.Fprintln(stdout, say("wrote %s: %s of %s from %s", path, i18n.N(len(s.Rows), "%d row", "%d rows"), titleWord(o), conn.Label(cliLanguage())))
	return 0
}

func newRunJobCmd(d *deps) *cobra.Command {
	var profile string
	var background, quiet bool
	c := &cobra.Command{Use: "run-job [ID...] [--profile NAME] [--quiet]", Short: say("run submitted jobs, or resume the unfinished ones"),
		ValidArgsFunction: completeJobIDs,
		Run: d.exits(func(ids []string) int {
			return runRunJob(ids, profile, background, d.stdout, d.quieted(quiet).stderr)
		})}
	quietFlag(c, &quiet)
	profileFlag(c, &profile, say("profile the job was submitted through"))
	c.Flags().BoolVar(&background, "background", false, say("run detached, as submit starts it: failures are noted on the jobs"))
	return c
}

func runRunJob(ids []string, profile string, background bool, stdout, stderr io.Writer) int {
	for i := range ids {
		ids[i] = strings.ToUpper(ids[i])
	}
	if background {
		return runInBackground(profile, ids, stdout, stderr)
	}
	return withSession(profile, stderr, func(ctx context.Context, s *session) int {
		if len(ids) > 0 {
			code := 0
			for _, id := range ids {
				code = max(code, runAndReport(ctx, s.eng, id, stderr))
			}
			return code
		}
		done, err := s.eng.Resume(ctx, nil)
		for _, j := range done {
			summarize(stdout, j)
		}
		if err != nil {
			fmt.Fprintln(stderr, "bulkops:", sayErr(err))
			return 2
		}
		if len(done) == 0 {
			fmt.Fprintln(stdout, say("no unfinished jobs"))
		}
		return 0
	})
}

// regionCodes are the codes of the data centers auth knows, for --region's completion.
func regionCodes() []string {
	codes := make([]string, len(auth.Regions))
	for i, r := range auth.Regions {
		codes[i] = r.Code
	}
	return codes
}

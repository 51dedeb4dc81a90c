package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/sync/jobs"
)

// The commands that talk to an organization: sign-in, jobs and export. Without a
// profile of their own they all use the embedded sandbox, kept in the data directory.
func init() {
	register("login", "[--profile NAME] [--region us1 --client-id ID | --url URL --client-id ID] [--new-secret]: sign in to a Webex organization (the client secret is asked for; a stored one can be kept or replaced)", streams(runLogin))
	register("logout", "[--profile NAME] [--forget-secret]: sign out (the tokens are deleted from the keyring; with --forget-secret the client secret too)", streams(runLogout))
	register("jobs", "list the jobs, newest first", streams(runJobs))
	register("job", "ID: a job's details and progress", streams(runJob))
	register("errors", "ID -o FILE.xlsx|FILE.csv: write a job's failed rows with their Error Message", streams(runErrors))
	register("export", "--object KEY -o OUT [--profile NAME]: write the organization's records as a sheet", streams(runExport))
	register("run-job", "[ID...] [--profile NAME]: run submitted jobs, or resume the unfinished ones", streams(runRunJob))
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

// badUsage prints a command's usage and returns the exit code of a wrong call.
// printCSVNote tells what a spreadsheet would change in a CSV file just written, if anything.
func printCSVNote(stderr io.Writer, path string, note i18n.Msg) {
	if !note.IsZero() {
		fmt.Fprintln(stderr, say("note: %s: %s", path, note))
	}
}

func badUsage(stderr io.Writer, line string) int {
	fmt.Fprintln(stderr, say("usage: bulkops %s", line))
	return 2
}

// The prompts of login: a first secret, and the choice to keep or replace a stored one.
func secretPrompt() string { return say("Client secret of the integration (not shown): ") }

func replacePrompt() string {
	return say("A client secret is stored for this profile; press Enter to keep it or type a new one (not shown): ")
}

// browser shows a sign-in page (a variable so that tests can sign in without one).
var browser = connect.OpenBrowser

func runLogin(args []string, stdout, stderr io.Writer) int {
	const use = "login [--profile NAME] [--region us1 --client-id ID | --url URL --client-id ID] [--new-secret]"
	fs := flag.NewFlagSet("login", flag.ContinueOnError)
	profile := fs.String("profile", "", say("profile name; a new one needs --region and --client-id, or --url"))
	region := fs.String("region", "", say("Webex Contact Center data center: us1, eu1, eu2, anz1, ca1, jp1, sg1"))
	url := fs.String("url", "", say("address of a standalone sandbox (bulkops sandbox)"))
	clientID := fs.String("client-id", "", say("client id of your Webex integration"))
	newSecret := fs.Bool("new-secret", false, say("replace the client secret stored for this profile (it is asked for)"))
	if rest, ok := parseFlags(fs, args, stderr); !ok || len(rest) > 0 {
		return badUsage(stderr, use)
	}
	ctx, stop := signalContext()
	defer stop()
	s, err := connect.Login(ctx, connect.LoginOptions{
		Profile: *profile, Region: *region, URL: *url, ClientID: *clientID, NewSecret: *newSecret,
		Secret: func() (string, error) { return connect.ReadSecret(os.Stdin, stderr, secretPrompt()) },
		ReplaceSecret: func() (string, error) {
			secret, err := connect.ReadSecret(os.Stdin, stderr, replacePrompt())
			if errors.Is(err, io.EOF) { // nothing to read (no terminal, empty input): keep it
				return "", nil
			}
			return secret, err
		},
		OpenBrowser: func(u string) error {
			fmt.Fprintln(stderr, say("Sign in in your browser; if it does not open, open:\n  %s", u))
			browser(u)
			return nil
		},
	})
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintln(stdout, say("Signed in: %s", s.Describe()))
	if !s.KeyringWarning.IsZero() {
		fmt.Fprintln(stderr, say("warning: %s", s.KeyringWarning))
	}
	return 0
}

func runLogout(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("logout", flag.ContinueOnError)
	profile := fs.String("profile", "", say("profile name; the one in use when omitted"))
	forget := fs.Bool("forget-secret", false, say("delete the client secret from the keyring too; the next login asks for it"))
	if rest, ok := parseFlags(fs, args, stderr); !ok || len(rest) > 0 {
		return badUsage(stderr, "logout [--profile NAME] [--forget-secret]")
	}
	logout := connect.Logout
	if *forget {
		logout = connect.LogoutForget
	}
	p, err := logout(*profile, connect.Options{})
	if err != nil {
		return fail(stderr, err)
	}
	if *forget {
		fmt.Fprintln(stdout, say("Signed out of %s; its client secret was deleted from the keyring", p))
	} else {
		fmt.Fprintln(stdout, say("Signed out of %s; its client secret stays in the keyring (logout --forget-secret deletes it)", p))
	}
	return 0
}

// session is a connection to an organization, the job store and an engine on both.
type session struct {
	conn  *connect.Conn
	store *jobs.Store
	eng   *jobs.Engine
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

// progressPrinter writes a job's progress to w, at most twice a second and at its end.
func progressPrinter(w io.Writer) func(jobs.Progress) {
	var last time.Time
	return func(p jobs.Progress) {
		if time.Since(last) < 500*time.Millisecond && !p.Status.Final() {
			return
		}
		last = time.Now()
		fmt.Fprintln(w, say("%s: %s, %d of %d rows (%.0f%%), %d succeeded, %d failed", p.JobID, statusWord(p.Status),
			p.Done, p.Total, percent(p.Done, p.Total), p.Succeeded, p.Failed))
	}
}

func summarize(w io.Writer, j jobs.Job) {
	fmt.Fprintln(w, say("%s %s: %d succeeded, %d failed of %d", j.ID, statusWord(j.Status), j.Succeeded, j.Failed, j.Total))
	if j.Reason != "" {
		fmt.Fprintln(w, say("reason: %s", j.ReasonIn(cliLanguage())))
	}
	if j.Failed > 0 {
		fmt.Fprintln(w, say("bulkops errors %s -o errors.csv writes the failed rows with their Error Message", j.ID))
	}
}

func percent(done, total int) float64 {
	if total == 0 {
		return 100
	}
	return 100 * float64(done) / float64(total)
}

func runJobs(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("jobs", flag.ContinueOnError)
	limit := fs.Int("n", 0, say("show at most this many jobs"))
	if rest, ok := parseFlags(fs, args, stderr); !ok || len(rest) > 0 {
		return badUsage(stderr, "jobs [-n N]")
	}
	store, code := openStore(stderr)
	if code != 0 {
		return code
	}
	defer store.Close()
	list, err := store.List(context.Background(), jobs.ListOptions{Limit: *limit})
	if err != nil {
		return fail(stderr, err)
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

// jobCommand runs a command about one stored job: it parses args (the job's id and the
// flags of fs, which need, when not nil, says are complete), opens the store and calls
// do with the id. use is the command's usage line.
func jobCommand(fs *flag.FlagSet, args []string, stderr io.Writer, use string, need func() bool,
	do func(store *jobs.Store, id string) int) int {
	ids, ok := parseFlags(fs, args, stderr)
	if !ok || len(ids) != 1 || need != nil && !need() {
		return badUsage(stderr, use)
	}
	store, code := openStore(stderr)
	if code != 0 {
		return code
	}
	defer store.Close()
	return do(store, strings.ToUpper(ids[0]))
}

func runJob(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("job", flag.ContinueOnError)
	return jobCommand(fs, args, stderr, "job ID", nil, func(store *jobs.Store, id string) int {
		ctx := context.Background()
		j, err := store.Get(ctx, id)
		if err != nil {
			return fail(stderr, err)
		}
		printJob(stdout, j)
		if j.Failed == 0 {
			return 0
		}
		failed, err := store.Rows(ctx, id, jobs.Fail)
		if err != nil {
			return fail(stderr, err)
		}
		printFailed(stdout, failed)
		return 0
	})
}

// printJob writes a job's details, one a line.
func printJob(w io.Writer, j jobs.Job) {
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
	if j.Failed > 0 {
		line(say("Error file"), fmt.Sprintf("bulkops errors %s -o errors.csv", j.ID))
	}
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

func runErrors(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errors", flag.ContinueOnError)
	out := fs.String("o", "", say("the file to write: .xlsx (a workbook, the messages also in notes on their cells) or .csv (Control Hub's error file)"))
	return jobCommand(fs, args, stderr, "errors ID -o FILE.xlsx|FILE.csv", func() bool { return *out != "" }, func(store *jobs.Store, id string) int {
		n, note, err := store.WriteErrorsFile(context.Background(), id, *out)
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, say("wrote %s: %d failed row(s) of job %s with their Error Message", *out, n, id))
		printCSVNote(stderr, *out, note)
		return 0
	})
}

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	object := fs.String("object", "", say("object type key (bulkops objects)"))
	out := fs.String("o", "", say("output: OUT.csv or OUT.xlsx; a zip of CSV files past 5000 records"))
	profile := fs.String("profile", "", say("profile to export from; the one in use when omitted"))
	if rest, ok := parseFlags(fs, args, stderr); !ok || len(rest) > 0 || *object == "" || *out == "" {
		return badUsage(stderr, "export --object KEY -o OUT [--profile NAME]")
	}
	o, ok := lookupObject(*object, stderr)
	if !ok {
		return 2
	}
	ctx, stop := signalContext()
	defer stop()
	conn, code := openConn(ctx, *profile, stderr)
	if code != 0 {
		return code
	}
	defer conn.Close()
	s, err := jobs.Export(ctx, conn.API, o)
	if err != nil {
		return fail(stderr, err)
	}
	path, err := jobs.WriteExport(s, *out)
	if err != nil {
		return fail(stderr, err)
	}
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		printCSVNote(stderr, path, sheets.CSVLossNote(s))
	}
	fmt.Fprintln(stdout, say("wrote %s: %d row(s) of %s from %s", path, len(s.Rows), titleWord(o), conn.Label(cliLanguage())))
	return 0
}

func runRunJob(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run-job", flag.ContinueOnError)
	profile := fs.String("profile", "", say("profile the job was submitted through"))
	background := fs.Bool("background", false, say("run detached, as submit starts it: failures are noted on the jobs"))
	ids, ok := parseFlags(fs, args, stderr)
	if !ok {
		return badUsage(stderr, "run-job [ID...] [--profile NAME]")
	}
	for i := range ids {
		ids[i] = strings.ToUpper(ids[i])
	}
	if *background {
		return runInBackground(*profile, ids, stdout, stderr)
	}
	return withSession(*profile, stderr, func(ctx context.Context, s *session) int {
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

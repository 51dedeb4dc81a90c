package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/sync/jobs"
)

// The commands that talk to an organization: sign-in, jobs and export. Without a
// profile of their own they all use the embedded sandbox, kept in the data directory.
func init() {
	register(command{"login", "[--profile NAME] [--region us1 --client-id ID | --url URL --client-id ID]: sign in to a Webex organization (the client secret is asked for)", runLogin})
	register(command{"logout", "[--profile NAME]: sign out (the tokens are deleted from the keyring)", runLogout})
	register(command{"submit", "[--object KEY] [--wait] [--profile NAME] FILE...: check, pack and submit a job; prints its id", runSubmit})
	register(command{"jobs", "list the jobs, newest first", runJobs})
	register(command{"job", "ID: a job's details and progress", runJob})
	register(command{"errors", "ID -o FILE.csv: write a job's failed rows with their Error Message", runErrors})
	register(command{"export", "--object KEY -o OUT [--profile NAME]: write the organization's records as a sheet", runExport})
	register(command{"run-job", "[ID] [--profile NAME]: run a submitted job, or resume the unfinished ones", runRunJob})
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

func runLogin(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("login", flag.ContinueOnError)
	profile := fs.String("profile", "", "profile name; a new one needs --region and --client-id, or --url")
	region := fs.String("region", "", "Webex Contact Center data center: us1, eu1, eu2, anz1, ca1, jp1, sg1")
	url := fs.String("url", "", "address of a standalone sandbox (bulkops sandbox)")
	clientID := fs.String("client-id", "", "client id of your Webex integration")
	if rest, ok := parseFlags(fs, args, stderr); !ok || len(rest) > 0 {
		fmt.Fprintln(stderr, "usage: bulkops login [--profile NAME] [--region us1 --client-id ID | --url URL --client-id ID]")
		return 2
	}
	ctx, stop := signalContext()
	defer stop()
	s, err := connect.Login(ctx, connect.LoginOptions{
		Profile: *profile, Region: *region, URL: *url, ClientID: *clientID,
		Secret: func() (string, error) {
			return connect.ReadSecret(os.Stdin, stderr, "Client secret of the integration (not shown): ")
		},
		OpenBrowser: func(u string) error {
			fmt.Fprintf(stderr, "Sign in in your browser; if it does not open, open:\n  %s\n", u)
			connect.OpenBrowser(u)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	fmt.Fprintln(stdout, "Signed in:", s.Describe())
	if s.KeyringWarning != "" {
		fmt.Fprintln(stderr, "warning:", s.KeyringWarning)
	}
	return 0
}

func runLogout(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("logout", flag.ContinueOnError)
	profile := fs.String("profile", "", "profile name; the one in use when omitted")
	if rest, ok := parseFlags(fs, args, stderr); !ok || len(rest) > 0 {
		fmt.Fprintln(stderr, "usage: bulkops logout [--profile NAME]")
		return 2
	}
	p, err := connect.Logout(*profile, connect.Options{})
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Signed out of %s\n", p)
	return 0
}

func runSubmit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("submit", flag.ContinueOnError)
	object := fs.String("object", "", "object type key; detected from the header when omitted")
	wait := fs.Bool("wait", false, "show progress and wait for the end: exit 0 completed, 1 completed with errors, 2 failed")
	profile := fs.String("profile", "", "profile to submit through; the one in use when omitted")
	files, ok := parseFlags(fs, args, stderr)
	if !ok || len(files) == 0 {
		fmt.Fprintln(stderr, "usage: bulkops submit [--object KEY] [--wait] [--profile NAME] FILE...")
		return 2
	}
	o, ok := lookupObject(*object, stderr)
	if !ok {
		return 2
	}
	tmp, err := os.MkdirTemp("", "bulkops-submit-")
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	pkg, obj, code := packForSubmit(files, o, tmp, stdout, stderr)
	if code != 0 {
		return code
	}
	ctx, stop := signalContext()
	defer stop()
	conn, store, eng, code := openEngine(ctx, *profile, stderr)
	if code != 0 {
		return code
	}
	defer conn.Close()
	defer store.Close()
	resumeInBackground(ctx, store, conn, *profile, stderr)
	j, err := eng.Submit(ctx, pkg, obj, conn.SubmittedBy())
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	fmt.Fprintln(stdout, j.ID)
	fmt.Fprintf(stderr, "submitted to %s: %d row(s) of %s from %s\n", conn.Label(), j.Total, obj.Title, j.FileName)
	if j.Status == jobs.Failed {
		fmt.Fprintln(stderr, "bulkops: the job failed:", j.Reason)
		return 2
	}
	if !*wait {
		if err := startRunner(j.ID, *profile); err != nil {
			fmt.Fprintln(stderr, "bulkops: the job could not be started in the background:", err)
			fmt.Fprintf(stderr, "run it with: bulkops run-job %s\n", j.ID)
			return 1
		}
		fmt.Fprintf(stderr, "running in the background; bulkops job %s shows its progress\n", j.ID)
		return 0
	}
	return runAndReport(ctx, eng, j.ID, stderr)
}

// packForSubmit checks the files and packs them as Control Hub takes them. The sheet's
// own errors (format, required values, allowed values) stop it with exit code 1; what
// only the organization knows is left to the job, as in Control Hub.
func packForSubmit(files []string, o *catalog.Object, tmp string, stdout, stderr io.Writer) (jobs.Package, *catalog.Object, int) {
	var p *sheets.Package
	var err error
	source := filepath.Base(files[0])
	if len(files) > 1 {
		source = fmt.Sprintf("%s and %d more", source, len(files)-1)
	}
	if isAudio(o, files) {
		o, _ = catalog.Lookup("audio_file")
		p, err = packAudioForSubmit(files, tmp)
	} else {
		set, readable := readSheets(files, o, stderr)
		if !readable {
			return jobs.Package{}, nil, 2
		}
		if fs := sheets.Validate(set, nil); sheets.HasErrors(fs) {
			errs, _ := printFindings(stdout, fs)
			fmt.Fprintf(stderr, "bulkops: not submitted: %d error(s) in the sheet; fix them first\n", errs)
			return jobs.Package{}, nil, 1
		}
		var s *sheets.Sheet
		if s, err = sheets.Merge(set[0].File, set); err == nil {
			o = s.Object
			base := strings.TrimSuffix(filepath.Base(files[0]), filepath.Ext(files[0]))
			p, err = sheets.Pack(s, filepath.Join(tmp, base), sheets.DefaultLimits)
		}
	}
	var fe *sheets.FindingsError
	if errors.As(err, &fe) {
		printFindings(stdout, fe.Findings)
		fmt.Fprintln(stderr, "bulkops: not submitted: fix the errors above first")
		return jobs.Package{}, nil, 1
	} else if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return jobs.Package{}, nil, 1
	}
	pkg, err := jobs.ReadPackage(p.Path)
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return jobs.Package{}, nil, 1
	}
	pkg.Source = source
	return pkg, o, 0
}

// packAudioForSubmit packs WAV files; a zip of them is checked and submitted as it is.
func packAudioForSubmit(files []string, tmp string) (*sheets.Package, error) {
	if len(files) == 1 && strings.EqualFold(filepath.Ext(files[0]), ".zip") {
		af, fs, err := sheets.ReadAudioZip(files[0])
		if err != nil {
			return nil, err
		}
		if sheets.HasErrors(fs) {
			return nil, &sheets.FindingsError{Findings: fs}
		}
		return &sheets.Package{Path: files[0], Object: "audio_file", Records: len(af)}, nil
	}
	return sheets.PackAudio(files, filepath.Join(tmp, "audio.zip"))
}

// openEngine connects and opens the job store.
func openEngine(ctx context.Context, profile string, stderr io.Writer) (*connect.Conn, *jobs.Store, *jobs.Engine, int) {
	conn, err := connect.Open(ctx, profile, connect.Options{})
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return nil, nil, nil, 1
	}
	if conn.KeyringWarning != "" {
		fmt.Fprintln(stderr, "warning:", conn.KeyringWarning)
	}
	store, err := jobs.OpenDefault()
	if err != nil {
		conn.Close()
		fmt.Fprintln(stderr, "bulkops:", err)
		return nil, nil, nil, 1
	}
	return conn, store, conn.Engine(store), 0
}

// resumeInBackground starts a runner for jobs of this organization that a process left
// unfinished, so that they end (and free the organization for the next job).
func resumeInBackground(ctx context.Context, store *jobs.Store, conn *connect.Conn, profile string, stderr io.Writer) {
	left, err := store.Unclaimed(ctx, conn.OrgID)
	if err != nil || len(left) == 0 {
		return
	}
	if err := startRunner("", profile); err == nil {
		fmt.Fprintf(stderr, "resuming %d unfinished job(s) in the background, the first %s\n", len(left), left[len(left)-1].ID)
	}
}

// startRunner runs "bulkops run-job [ID]" detached from this terminal (a variable so
// that tests, whose executable is not bulkops, can stand in for it).
var startRunner = func(id, profile string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	args := []string{"run-job"}
	if id != "" {
		args = append(args, id)
	}
	if profile != "" {
		args = append(args, "--profile", profile)
	}
	cmd := exec.Command(self, args...)
	connect.Detach(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

// runAndReport runs a job with its progress on stderr and exits by how it ended.
func runAndReport(ctx context.Context, eng *jobs.Engine, id string, stderr io.Writer) int {
	var last time.Time
	j, err := eng.Run(ctx, id, func(p jobs.Progress) {
		if time.Since(last) < 500*time.Millisecond && !p.Status.Final() {
			return
		}
		last = time.Now()
		fmt.Fprintf(stderr, "%s: %s, %d of %d rows (%.0f%%), %d succeeded, %d failed\n", p.JobID, p.Status,
			p.Done, p.Total, percent(p.Done, p.Total), p.Succeeded, p.Failed)
	})
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		if errors.Is(err, jobs.ErrRunning) || ctx.Err() != nil {
			fmt.Fprintf(stderr, "the job goes on; bulkops job %s shows its progress\n", id)
		}
		return 2
	}
	summarize(stderr, j)
	return jobExit(j)
}

func summarize(w io.Writer, j jobs.Job) {
	fmt.Fprintf(w, "%s %s: %d succeeded, %d failed of %d\n", j.ID, j.Status, j.Succeeded, j.Failed, j.Total)
	if j.Reason != "" {
		fmt.Fprintln(w, "reason:", j.Reason)
	}
	if j.Failed > 0 {
		fmt.Fprintf(w, "bulkops errors %s -o errors.csv writes the failed rows with their Error Message\n", j.ID)
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
	limit := fs.Int("n", 0, "show at most this many jobs")
	if rest, ok := parseFlags(fs, args, stderr); !ok || len(rest) > 0 {
		fmt.Fprintln(stderr, "usage: bulkops jobs [-n N]")
		return 2
	}
	store, err := jobs.OpenDefault()
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	defer store.Close()
	list, err := store.List(context.Background(), jobs.ListOptions{Limit: *limit})
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "JOB ID\tFILE NAME\tOBJECT\tSTATUS\tROWS\tSUBMITTED BY\tSUBMITTED\tORGANIZATION")
	for _, j := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", j.ID, j.FileName, objectTitle(j.Object), j.Status,
			rowsText(j), j.SubmittedBy, j.SubmittedAt.Local().Format("2006-01-02 15:04"), orgText(j))
	}
	tw.Flush()
	if len(list) == 0 {
		fmt.Fprintln(stderr, "no jobs yet: bulkops submit FILE creates one")
	}
	return 0
}

func objectTitle(key string) string {
	if o, ok := catalog.Lookup(key); ok {
		return o.Title
	}
	return key
}

func rowsText(j jobs.Job) string {
	if j.Status.Final() {
		return fmt.Sprintf("%d ok, %d failed", j.Succeeded, j.Failed)
	}
	return fmt.Sprintf("%d/%d", j.Done(), j.Total)
}

func orgText(j jobs.Job) string {
	if j.OrgName != "" {
		return j.OrgName
	}
	return j.OrgID
}

func runJob(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("job", flag.ContinueOnError)
	ids, ok := parseFlags(fs, args, stderr)
	if !ok || len(ids) != 1 {
		fmt.Fprintln(stderr, "usage: bulkops job ID")
		return 2
	}
	store, err := jobs.OpenDefault()
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	defer store.Close()
	j, err := store.Get(context.Background(), strings.ToUpper(ids[0]))
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	line := func(k, v string) { fmt.Fprintf(tw, "%s:\t%s\n", k, v) }
	line("Job ID", j.ID)
	line("File name", j.FileName+" (package "+j.PackageName+")")
	line("Object", objectTitle(j.Object))
	line("Status", string(j.Status))
	if j.Reason != "" {
		line("Reason", j.Reason)
	}
	line("Organization", fmt.Sprintf("%s (%s)", orgText(j), j.OrgID))
	line("Submitted by", j.SubmittedBy+" at "+j.SubmittedAt.Local().Format("2006-01-02 15:04:05"))
	if !j.StartedAt.IsZero() {
		line("Started", j.StartedAt.Local().Format("2006-01-02 15:04:05"))
	}
	if !j.EndedAt.IsZero() {
		took := ""
		if !j.StartedAt.IsZero() {
			took = " (took " + j.EndedAt.Sub(j.StartedAt).Round(time.Second).String() + ")"
		}
		line("Ended", j.EndedAt.Local().Format("2006-01-02 15:04:05")+took)
	}
	line("Rows", fmt.Sprintf("%d: %d succeeded, %d failed, %d to do (%.0f%% done)",
		j.Total, j.Succeeded, j.Failed, j.Total-j.Done(), 100*j.Fraction()))
	if j.Failed > 0 {
		line("Error file", fmt.Sprintf("bulkops errors %s -o errors.csv", j.ID))
	}
	tw.Flush()
	return 0
}

func runErrors(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errors", flag.ContinueOnError)
	out := fs.String("o", "", "the CSV file to write")
	ids, ok := parseFlags(fs, args, stderr)
	if !ok || len(ids) != 1 || *out == "" {
		fmt.Fprintln(stderr, "usage: bulkops errors ID -o FILE.csv")
		return 2
	}
	store, err := jobs.OpenDefault()
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	defer store.Close()
	id := strings.ToUpper(ids[0])
	n, err := store.WriteErrorsFile(context.Background(), id, *out)
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %d failed row(s) of job %s with their Error Message\n", *out, n, id)
	return 0
}

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	object := fs.String("object", "", "object type key (bulkops objects)")
	out := fs.String("o", "", "output: OUT.csv or OUT.xlsx; a zip of CSV files past 5000 records")
	profile := fs.String("profile", "", "profile to export from; the one in use when omitted")
	if rest, ok := parseFlags(fs, args, stderr); !ok || len(rest) > 0 || *object == "" || *out == "" {
		fmt.Fprintln(stderr, "usage: bulkops export --object KEY -o OUT [--profile NAME]")
		return 2
	}
	o, ok := lookupObject(*object, stderr)
	if !ok {
		return 2
	}
	ctx, stop := signalContext()
	defer stop()
	conn, err := connect.Open(ctx, *profile, connect.Options{})
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	defer conn.Close()
	s, err := jobs.Export(ctx, conn.API, o)
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	path, err := jobs.WriteExport(s, *out)
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %d row(s) of %s from %s\n", path, len(s.Rows), o.Title, conn.Label())
	return 0
}

func runRunJob(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run-job", flag.ContinueOnError)
	profile := fs.String("profile", "", "profile the job was submitted through")
	ids, ok := parseFlags(fs, args, stderr)
	if !ok || len(ids) > 1 {
		fmt.Fprintln(stderr, "usage: bulkops run-job [ID] [--profile NAME]")
		return 2
	}
	ctx, stop := signalContext()
	defer stop()
	conn, store, eng, code := openEngine(ctx, *profile, stderr)
	if code != 0 {
		return code
	}
	defer conn.Close()
	defer store.Close()
	if len(ids) == 1 {
		return runAndReport(ctx, eng, strings.ToUpper(ids[0]), stderr)
	}
	done, err := eng.Resume(ctx, nil)
	for _, j := range done {
		summarize(stdout, j)
	}
	if err != nil {
		fmt.Fprintln(stderr, "bulkops:", err)
		return 2
	}
	if len(done) == 0 {
		fmt.Fprintln(stdout, "no unfinished jobs")
	}
	return 0
}

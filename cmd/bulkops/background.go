package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/bulkops/bulkops/internal/datadir"
	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/sync/jobs"
)

// The runner that submit starts in the background has no terminal: its output goes to a
// log in the data directory, and what stops it from ending a job is noted on the job in
// the store, where bulkops jobs, bulkops job and the window show it.
const (
	runLogName = "run-job.log"
	runLogMax  = 1 << 20 // past this size the log starts again; the previous one is kept as .1
)

// resumeInBackground starts a runner for jobs of this organization that a process left
// unfinished, so that they end (and free the organization for the next job).
func resumeInBackground(ctx context.Context, d *deps, s *session, profile string) {
	left, err := s.store.Unclaimed(ctx, s.conn.OrgID)
	if err != nil || len(left) == 0 {
		return
	}
	ids := make([]string, len(left))
	for i, j := range left {
		ids[len(left)-1-i] = j.ID // oldest first
	}
	if err := d.startRunner(profile, ids...); err == nil {
		fmt.Fprintln(d.stderr, say("resuming %s in the background, the first %s", i18n.N(len(left), "%d unfinished job", "%d unfinished jobs"), ids[0]))
	}
}

// startDetached runs "bulkops run-job --background ID..." detached from this terminal,
// its output appended to the log.
func startDetached(profile string, ids ...string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	args := append([]string{"run-job", "--background"}, ids...)
	if profile != "" {
		args = append(args, "--profile", profile)
	}
	log, err := openRunLog()
	if err != nil {
		return err
	}
	defer log.Close() // the runner has its own descriptor
	fmt.Fprintf(log, "%s bulkops %s (started by process %d)\n", time.Now().Format(time.RFC3339), strings.Join(args, " "), os.Getpid())
	cmd := exec.Command(self, args...)
	cmd.Stdout, cmd.Stderr = log, log
	connect.Detach(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

// openRunLog opens the runners' log for appending, private to the user. It holds what a
// runner prints (progress, errors), never a secret: none is ever printed.
func openRunLog() (*os.File, error) {
	path, err := datadir.File(runLogName)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() > runLogMax {
		os.Rename(path, path+".1")
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, i18n.Errorf("the log of the background run %s: %w", path, err)
	}
	return f, datadir.Private(path)
}

// runInBackground is run-job as submit starts it. Its output goes to the log; what keeps
// it from ending a job (no connection, an error, a signal, a crash) is noted on the job.
func runInBackground(profile string, ids []string, stdout, stderr io.Writer) (code int) {
	store, code := openStore(stderr)
	if code != 0 {
		return code // nowhere to note it: the log has it
	}
	defer store.Close()
	ctx, stop := signalContext()
	defer stop()
	note := func(ids []string, err error) {
		fmt.Fprintln(stderr, "bulkops:", sayErr(err))
		for _, id := range ids {
			if nerr := store.NoteRunError(context.WithoutCancel(ctx), id, runFailure(profile, id, err)); nerr != nil {
				fmt.Fprintln(stderr, "bulkops:", say("job %s: the failure could not be noted: %s", id, i18n.Of(nerr)))
			}
		}
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "%s", debug.Stack())
			note(ids, i18n.Errorf("internal error: %v", r))
			code = 3
		}
	}()
	conn, err := connect.Open(ctx, profile, connect.Options{})
	if err != nil {
		note(ids, err)
		return 1
	}
	defer conn.Close()
	if !conn.KeyringWarning.IsZero() {
		fmt.Fprintln(stderr, say("warning: %s", conn.KeyringWarning))
	}
	return runEach(ctx, conn.Engine(store), ids, stdout, stderr, note)
}

// runEach runs the jobs one after the other (the unclaimed ones of the organization when
// ids is empty), noting the failure of each on it.
func runEach(ctx context.Context, eng *jobs.Engine, ids []string, stdout, stderr io.Writer, note func([]string, error)) int {
	if len(ids) == 0 {
		left, err := eng.Store.Unclaimed(ctx, eng.OrgID)
		if err != nil {
			fmt.Fprintln(stderr, "bulkops:", sayErr(err))
			return 2
		}
		for _, j := range slices.Backward(left) {
			ids = append(ids, j.ID)
		}
	}
	code := 0
	for i, id := range ids {
		j, err := eng.Run(ctx, id, progressPrinter(stderr))
		switch {
		case errors.Is(err, jobs.ErrRunning):
			fmt.Fprintln(stderr, say("job %s is run by another process", id))
		case err != nil && ctx.Err() != nil: // stopped: this job and the ones after it wait
			note(ids[i:], i18n.Errorf("stopped (%v) before the job ended", context.Cause(ctx)))
			return 2
		case err != nil:
			note([]string{id}, err)
			code = 2
		default:
			summarize(stdout, j)
			code = max(code, jobExit(j))
		}
	}
	return code
}

// runFailure is the note on a job whose background run failed: when, why, what to do.
func runFailure(profile, id string, err error) i18n.Msg {
	again := "bulkops run-job " + id
	if profile != "" {
		again += " --profile " + profile
	}
	log, _ := datadir.File(runLogName)
	return i18n.M("its background run failed at %s: %s; %s runs it again (log: %s)",
		time.Now().Format("2006-01-02 15:04"), i18n.Of(err), again, log)
}

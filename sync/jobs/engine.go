package jobs

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/bulkops/bulkops/internal/flock"
	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// Engine runs jobs against one organization.
type Engine struct {
	Store   *Store
	API     API
	OrgID   string
	OrgName string // shown on the dashboard; may be empty
	// BatchSize is the number of items a bulk request carries (default 100).
	BatchSize int
	// Parallel is the number of senders, each with one batch in flight (default 4).
	// A batch is recorded before it goes, and its outcome is committed before its
	// sender takes the next; with Parallel 1 the whole job goes strictly batch after
	// batch. More senders keep the request rate at the limiter's ceiling when the
	// server takes longer to answer than the limiter's spacing. After a crash, the
	// batches that were in flight are read again by key: nothing is created twice.
	Parallel int
	// Patience is how long the organization may keep failing to answer (connection
	// errors, 5xx, 429 beyond the client's own retries) before the job fails (default
	// 10 minutes).
	Patience time.Duration
}

// ErrRunning is returned by Run for a job another process (or goroutine) is running.
var ErrRunning = i18n.Errorf("the job is being run by another Bulkops process")

func (e *Engine) batchSize() int { return orDefault(e.BatchSize, 100) }
func (e *Engine) parallel() int  { return orDefault(e.Parallel, 4) }
func (e *Engine) patience() time.Duration {
	if e.Patience <= 0 {
		return 10 * time.Minute
	}
	return e.Patience
}

func orDefault(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}

// Submit stores a package as a New job of object type obj for the engine's
// organization. It is refused with an *ActiveError while the organization has a job New
// or In Progress. A package that cannot be read is stored as a Failed job with the
// reason, so the dashboard shows what happened to it.
func (e *Engine) Submit(ctx context.Context, pkg Package, obj *catalog.Object, submittedBy string) (Job, error) {
	return e.submit(ctx, pkg, obj, submittedBy, nil)
}

// submit is Submit with the plan the package was checked with (nil when it was not):
// the job keeps it and refuses a record the organization changed since.
func (e *Engine) submit(ctx context.Context, pkg Package, obj *catalog.Object, submittedBy string, plan []Planned) (Job, error) {
	return e.submitRows(ctx, pkg, obj, submittedBy, plan, nil, nil)
}

// submitRows stores a package as a New job with its files and rows; with rows nil it reads
// them from the package (a file given as it is), and a package that cannot be read is
// stored as a Failed job.
func (e *Engine) submitRows(ctx context.Context, pkg Package, obj *catalog.Object, submittedBy string, plan []Planned, files []File, rows []Row) (Job, error) {
	switch {
	case obj == nil:
		return Job{}, i18n.Errorf("submit: no object type given")
	case !obj.API.Covered:
		return Job{}, i18n.Errorf("%s cannot be submitted: the Webex Contact Center API does not cover them", titleOf(obj))
	case e.OrgID == "":
		return Job{}, i18n.Errorf("submit: not connected to an organization")
	case len(pkg.Data) > MaxPackage:
		return Job{}, i18n.Errorf("%s: %d bytes is more than a job takes (%d)", pkg.Name, len(pkg.Data), MaxPackage)
	}
	j := Job{FileName: pkg.Source, Object: obj.Key, Status: New, SubmittedBy: submittedBy,
		OrgID: e.OrgID, OrgName: e.OrgName}
	if j.FileName == "" {
		j.FileName = pkg.Name
	}
	j.FileName = filepath.Base(j.FileName)
	var err error
	if rows == nil {
		files, rows, err = parsePackage(pkg, obj)
	}
	if err != nil {
		j.ReasonText = i18n.M("the package cannot be read: %s", i18n.Of(err))
		j.Status, j.Reason, j.EndedAt = Failed, j.ReasonText.String(), time.Now()
		return e.Store.create(ctx, j, pkg, nil, nil, nil)
	}
	j.Total = len(rows)
	return e.Store.create(ctx, j, pkg, files, rows, plan)
}

// Run runs job id to its end and returns it as it ended: Completed, Completed With
// Errors, or Failed with the reason. progress (may be nil) is called after each batch
// and at each change of status, from one goroutine at a time.
//
// When ctx is cancelled the job stops where it is and stays In Progress: the next Run
// or Resume continues it. To stop a job for good, use Store.RequestCancel.
func (e *Engine) Run(ctx context.Context, id string, progress func(Progress)) (Job, error) {
	if progress == nil {
		progress = func(Progress) {}
	}
	lock, err := flock.TryLock(e.Store.lockPath(id))
	if errors.Is(err, flock.ErrLocked) {
		j, _ := e.Store.Get(ctx, id)
		return j, i18n.Errorf("job %s: %w", id, ErrRunning)
	} else if err != nil {
		return Job{}, err
	}
	ended := false
	defer func() {
		if ended { // an ended job never runs again: its lock file can go
			os.Remove(lock.Path())
		}
		lock.Unlock()
	}()
	j, err := e.Store.Get(ctx, id)
	if err != nil {
		return j, err
	}
	if j.OrgID != e.OrgID {
		return j, i18n.Errorf("job %s belongs to organization %s; connect to it to run the job", id, orgLabel(j))
	}
	if !j.Status.Active() {
		return j, i18n.Errorf("job %s has already ended: %s", id, j.Status)
	}
	if j.Object == WorkbookObject { // its steps are jobs of their own (workbook_run.go)
		j, err = e.runWorkbook(ctx, j, progress)
		ended = err == nil && j.Status.Final()
		return j, err
	}
	wctx := context.WithoutCancel(ctx)
	obj, ok := catalog.Lookup(j.Object)
	endNow := func(reason i18n.Msg) (Job, error) {
		j, err := e.end(wctx, id, reason, progress)
		ended = err == nil
		return j, err
	}
	if !ok {
		return endNow(i18n.M("this version of Bulkops does not know the object type %s", j.Object))
	}
	if c, err := e.Store.cancelRequested(ctx, id); err != nil {
		return j, err
	} else if c {
		return endNow(i18n.M("cancelled by the user"))
	}
	if j, err = e.Store.start(ctx, id); err != nil {
		return j, err
	}
	progress(j.progress("started"))
	r := newRunner(e, j, obj, progress)
	runErr := r.run(ctx)
	if runErr != nil && ctx.Err() != nil && !errors.Is(runErr, errCancelled) {
		j, _ = e.Store.Get(wctx, id)
		return j, i18n.Errorf("job %s stopped, still In Progress: %w", id, context.Cause(ctx))
	}
	var reason i18n.Msg
	if runErr != nil {
		reason = failureReason(runErr)
	}
	return endNow(reason)
}

func (e *Engine) end(ctx context.Context, id string, reason i18n.Msg, progress func(Progress)) (Job, error) {
	j, err := e.Store.finish(ctx, id, reason)
	if err != nil {
		return j, err
	}
	progress(j.progress("ended"))
	return j, nil
}

// Resume runs the organization's jobs that are New or In Progress and that no live
// process is running: jobs a crashed or closed process left behind. It returns the jobs
// it ran, as they ended.
func (e *Engine) Resume(ctx context.Context, progress func(Progress)) ([]Job, error) {
	all, err := e.Store.List(ctx, ListOptions{OrgID: e.OrgID})
	if err != nil {
		return nil, err
	}
	var out []Job
	for i := len(all) - 1; i >= 0; i-- { // oldest first
		if !all[i].Status.Active() {
			continue
		}
		j, err := e.Run(ctx, all[i].ID, progress)
		if errors.Is(err, ErrRunning) {
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, j)
	}
	return out, nil
}

// orgLabel names the job's organization in a sentence, its name quoted.
func orgLabel(j Job) string {
	name := j.OrgName
	if name != "" {
		name = strconv.Quote(name)
	}
	return OrgLabel(name, j.OrgID)
}

// joinLimit joins up to n strings and says how many more there were.
func joinLimit(s []string, n int) i18n.Msg {
	if len(s) <= n {
		return i18n.Raw(strings.Join(s, ", "))
	}
	return i18n.M("%s and %d more", strings.Join(s[:n], ", "), len(s)-n)
}

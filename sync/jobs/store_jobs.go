package jobs

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bulkops/bulkops/internal/flock"
	"github.com/bulkops/bulkops/internal/i18n"
)

// ErrActive is what a submit gets while its organization already has a job New or In
// Progress; the error is an *ActiveError naming that job.
var ErrActive = i18n.Errorf("another job is active")

// ActiveError refuses a second active job in one organization.
type ActiveError struct{ Job Job }

func (e *ActiveError) Error() string { return e.Text().String() }

// Text is the refusal as a message, for the user's language.
func (e *ActiveError) Text() i18n.Msg {
	return i18n.M("job %s (%s, submitted by %s at %s) is still %s in this organization: "+
		"only one job can be active at a time; wait for it to end, then submit again",
		e.Job.ID, e.Job.FileName, e.Job.SubmittedBy, e.Job.SubmittedAt.Format("2006-01-02 15:04"), e.Job.Status)
}

func (e *ActiveError) Unwrap() error { return ErrActive }

const jobColumns = `id, file_name, object, status, reason, reason_text, submitted_by, org_id, org_name,
	submitted_at, started_at, ended_at, total, succeeded, failed, package_name, undoable, undo_of,
	(SELECT COALESCE(MAX(u.id), '') FROM jobs u WHERE u.undo_of = jobs.id), parent, step,
	(SELECT count(DISTINCT c.object) FROM jobs c WHERE c.parent = jobs.id)`

type scanner interface{ Scan(...any) error }

func scanJob(r scanner) (Job, error) {
	var j Job
	var sub, start, end int64
	var text string
	err := r.Scan(&j.ID, &j.FileName, &j.Object, &j.Status, &j.Reason, &text, &j.SubmittedBy, &j.OrgID,
		&j.OrgName, &sub, &start, &end, &j.Total, &j.Succeeded, &j.Failed, &j.PackageName, &j.Undoable, &j.UndoOf, &j.UndoneBy,
		&j.Parent, &j.Step, &j.Types)
	j.ReasonText = i18n.Decode(text)
	j.SubmittedAt, j.StartedAt, j.EndedAt = fromMS(sub), fromMS(start), fromMS(end)
	return j, err
}

// Get returns the job id.
func (s *Store) Get(ctx context.Context, id string) (Job, error) {
	j, err := scanJob(s.db.QueryRowContext(ctx, "SELECT "+jobColumns+" FROM jobs WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return j, i18n.Errorf("job %s: %w", id, ErrNotFound)
	}
	return j, err
}

// ListOptions filter List.
type ListOptions struct {
	OrgID string // only this organization's jobs; "" = all
	Limit int    // at most this many; 0 = all
}

// List returns jobs newest first, as the dashboard shows them.
func (s *Store) List(ctx context.Context, o ListOptions) ([]Job, error) {
	q := "SELECT " + jobColumns + " FROM jobs WHERE parent = ''" // a workbook's steps show in its detail
	var args []any
	if o.OrgID != "" {
		q += " AND org_id = ?"
		args = append(args, o.OrgID)
	}
	q += " ORDER BY submitted_at DESC, id DESC"
	if o.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", o.Limit)
	}
	return s.queryJobs(ctx, q, args...)
}

// queryJobs runs a query of jobColumns and returns its jobs.
func (s *Store) queryJobs(ctx context.Context, q string, args ...any) ([]Job, error) {
	rs, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []Job
	for rs.Next() {
		j, err := scanJob(rs)
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rs.Err()
}

// Active returns the organization's job that is New or In Progress, if any.
func (s *Store) Active(ctx context.Context, orgID string) (Job, bool, error) {
	return activeJob(ctx, s.db, orgID)
}

type querier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func activeJob(ctx context.Context, q querier, orgID string) (Job, bool, error) {
	j, err := scanJob(q.QueryRowContext(ctx, "SELECT "+jobColumns+
		" FROM jobs WHERE org_id = ? AND parent = '' AND status IN (?, ?) ORDER BY submitted_at LIMIT 1", orgID, New, InProgress))
	if errors.Is(err, sql.ErrNoRows) {
		return Job{}, false, nil
	}
	return j, err == nil, err
}

// create stores a new job with its package, files and rows in one transaction. A job
// that is New is refused with an *ActiveError while its organization has an active job;
// the check and the insert share the transaction, so two processes cannot both pass it.
func (s *Store) create(ctx context.Context, j Job, pkg Package, files []File, rows []Row, plan []Planned) (Job, error) {
	err := s.tx(ctx, func(t *sql.Tx) error {
		if j.Status.Active() {
			if a, ok, err := activeJob(ctx, t, j.OrgID); err != nil {
				return err
			} else if ok {
				return &ActiveError{Job: a}
			}
		}
		if err := insertJob(ctx, t, &j, pkg, s.now()); err != nil {
			return err
		}
		if err := insertFiles(ctx, t, j.ID, files); err != nil {
			return err
		}
		if err := insertRows(ctx, t, j.ID, rows); err != nil {
			return err
		}
		return insertPlan(ctx, t, j.ID, plan)
	})
	if err == nil {
		markUsed(s.path)
	}
	return j, err
}

// insertJob gives j a fresh readable id (BO-20261124-7K3F) and inserts it.
func insertJob(ctx context.Context, t *sql.Tx, j *Job, pkg Package, now time.Time) error {
	j.SubmittedAt = now
	j.PackageName = pkg.Name
	for try := 0; ; try++ {
		j.ID = newJobID(now)
		_, err := t.ExecContext(ctx, `INSERT INTO jobs (id, file_name, object, status, reason, reason_text,
			submitted_by, org_id, org_name, submitted_at, ended_at, total, failed, package_name, package, undoable, undo_of)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
			j.ID, j.FileName, j.Object, j.Status, j.Reason, i18n.Encode(j.ReasonText), j.SubmittedBy, j.OrgID, j.OrgName,
			ms(now), ms(j.EndedAt), j.Total, j.Failed, pkg.Name, pkg.Data, j.UndoOf)
		if err == nil || try >= 5 || !strings.Contains(err.Error(), "UNIQUE") {
			return err
		}
	}
}

// idAlphabet has no 0/O or 1/I, so an id read aloud or retyped is not misread.
const idAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

func newJobID(now time.Time) string {
	b := make([]byte, 4)
	rand.Read(b)
	for i := range b {
		b[i] = idAlphabet[int(b[i])%len(idAlphabet)]
	}
	return "BO-" + now.Format("20060102") + "-" + string(b)
}

// NoteRunError records, as the Reason of a job that is still New or In Progress, why a
// run of it failed before it could end it (the runner could not connect, was stopped):
// a runner in the background has no terminal to say it on, so the dashboard and bulkops
// jobs do. The next start of the job clears it; its end replaces it.
func (s *Store) NoteRunError(ctx context.Context, id string, msg i18n.Msg) error {
	res, err := s.db.ExecContext(ctx, "UPDATE jobs SET reason = ?, reason_text = ? WHERE id = ? AND status IN (?, ?)",
		msg.String(), i18n.Encode(msg), id, New, InProgress)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := s.Get(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// start moves a New or In Progress job to In Progress (keeping the first start time) and
// clears the error a failed run noted.
func (s *Store) start(ctx context.Context, id string) (Job, error) {
	var j Job
	err := s.tx(ctx, func(t *sql.Tx) error {
		res, err := t.ExecContext(ctx, `UPDATE jobs SET status = ?, reason = '', reason_text = '',
			started_at = CASE started_at WHEN 0 THEN ? ELSE started_at END
			WHERE id = ? AND status IN (?, ?)`, InProgress, ms(s.now()), id, New, InProgress)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			cur, err := scanJob(t.QueryRowContext(ctx, "SELECT "+jobColumns+" FROM jobs WHERE id = ?", id))
			if errors.Is(err, sql.ErrNoRows) {
				return i18n.Errorf("job %s: %w", id, ErrNotFound)
			} else if err != nil {
				return err
			}
			return i18n.Errorf("job %s is %s: only a New or In Progress job can run", id, cur.Status)
		}
		j, err = scanJob(t.QueryRowContext(ctx, "SELECT "+jobColumns+" FROM jobs WHERE id = ?", id))
		return err
	})
	return j, err
}

// finish ends a job: Completed or Completed With Errors from its counts, or Failed with
// reason when reason is not empty. Rows still pending are failed with the reason first,
// so that no row is left without an outcome.
func (s *Store) finish(ctx context.Context, id string, reason i18n.Msg) (Job, error) {
	var j Job
	err := s.tx(ctx, func(t *sql.Tx) error {
		if !reason.IsZero() {
			if err := failPending(ctx, t, id, i18n.M("the job stopped before this row was done: %s", reason)); err != nil {
				return err
			}
		}
		var pending, failed int
		if err := t.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM job_rows WHERE job_id = ? AND outcome = ?),
			(SELECT failed FROM jobs WHERE id = ?)`, id, Pending, id).Scan(&pending, &failed); err != nil {
			return err
		}
		if pending > 0 {
			return &i18n.Error{Msg: i18n.N(pending, "%d row of job %s has no outcome yet", "%d rows of job %s have no outcome yet", id)}
		}
		if err := s.setEnded(ctx, t, id, reason, failed); err != nil {
			return err
		}
		var err error
		j, err = scanJob(t.QueryRowContext(ctx, "SELECT "+jobColumns+" FROM jobs WHERE id = ?", id))
		return err
	})
	return j, err
}

// setEnded ends job id: Failed with reason when reason is not empty, else Completed,
// or Completed With Errors when failed rows failed.
func (s *Store) setEnded(ctx context.Context, t *sql.Tx, id string, reason i18n.Msg, failed int) error {
	status := Completed
	switch {
	case !reason.IsZero():
		status = Failed
	case failed > 0:
		status = CompletedWithErrors
	}
	_, err := t.ExecContext(ctx, "UPDATE jobs SET status = ?, reason = ?, reason_text = ?, ended_at = ? WHERE id = ?",
		status, reason.String(), i18n.Encode(reason), ms(s.now()), id)
	return err
}

// failPending gives every pending row of a job the outcome failed with msg.
func failPending(ctx context.Context, t *sql.Tx, id string, msg i18n.Msg) error {
	res, err := t.ExecContext(ctx, "UPDATE job_rows SET outcome = ?, message = ?, message_text = ? WHERE job_id = ? AND outcome = ?",
		Fail, msg.String(), i18n.Encode(msg), id, Pending)
	if err != nil {
		return err
	}
	n, _ := res.RowsAffected()
	_, err = t.ExecContext(ctx, "UPDATE jobs SET failed = failed + ? WHERE id = ?", n, id)
	return err
}

// RequestCancel asks the process running job id to stop it: the runner checks before
// each batch, fails the rows not sent yet and ends the job Failed. A job that is New
// and not running is ended at once by its next Run. Any process may ask.
func (s *Store) RequestCancel(ctx context.Context, id string) error {
	// A workbook job's steps stop with it.
	res, err := s.db.ExecContext(ctx, "UPDATE jobs SET cancel = 1 WHERE (id = ? OR parent = ?) AND status IN (?, ?)", id, id, New, InProgress)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := s.Get(ctx, id); err != nil {
			return err
		}
		return i18n.Errorf("job %s has already ended", id)
	}
	return nil
}

func (s *Store) cancelRequested(ctx context.Context, id string) (bool, error) {
	var c int
	err := s.db.QueryRowContext(ctx, "SELECT cancel FROM jobs WHERE id = ?", id).Scan(&c)
	return c != 0, err
}

// Package returns the package stored with job id: exactly what was submitted.
func (s *Store) Package(ctx context.Context, id string) (Package, error) {
	var p Package
	err := s.db.QueryRowContext(ctx, "SELECT package_name, package FROM jobs WHERE id = ?", id).Scan(&p.Name, &p.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return p, i18n.Errorf("job %s: %w", id, ErrNotFound)
	}
	return p, err
}

// Unclaimed returns the organization's jobs that are New or In Progress while no
// process runs them: left by a process that ended or crashed, to be resumed.
func (s *Store) Unclaimed(ctx context.Context, orgID string) ([]Job, error) {
	all, err := s.List(ctx, ListOptions{OrgID: orgID})
	if err != nil {
		return nil, err
	}
	var out []Job
	for _, j := range all {
		if !j.Status.Active() {
			continue
		}
		if l, err := flock.TryLock(s.lockPath(j.ID)); err == nil {
			l.Unlock()
			out = append(out, j)
		}
	}
	return out, nil
}

package jobs

import (
	"context"
	"database/sql"

	"github.com/bulkops/bulkops/internal/i18n"
)

// WorkbookObject is the Object of a workbook job: a parent that owns a child job per
// step and has no rows of its own.
const WorkbookObject = "workbook"

// childJob is a step of a workbook job as it is stored: a job of one type with its
// package, rows and plan, as Submit stores any job.
type childJob struct {
	job   Job
	pkg   Package
	files []File
	rows  []Row
	plan  []Planned
}

// createWorkbook stores a workbook job and its steps in one transaction: the
// one-active-job check covers the parent, and the steps (New too) are stored under it,
// so no other job can slip in between them.
func (s *Store) createWorkbook(ctx context.Context, parent Job, pkg Package, children []childJob) (Job, error) {
	err := s.tx(ctx, func(t *sql.Tx) error {
		if a, ok, err := activeJob(ctx, t, parent.OrgID); err != nil {
			return err
		} else if ok {
			return &ActiveError{Job: a}
		}
		now := s.now()
		if err := insertJob(ctx, t, &parent, pkg, now); err != nil {
			return err
		}
		for i := range children {
			c := &children[i]
			if err := insertJob(ctx, t, &c.job, c.pkg, now); err != nil {
				return err
			}
			if _, err := t.ExecContext(ctx, "UPDATE jobs SET parent = ?, step = ? WHERE id = ?", parent.ID, i+1, c.job.ID); err != nil {
				return err
			}
			if err := insertFiles(ctx, t, c.job.ID, c.files); err != nil {
				return err
			}
			if err := insertRows(ctx, t, c.job.ID, c.rows); err != nil {
				return err
			}
			if err := insertPlan(ctx, t, c.job.ID, c.plan); err != nil {
				return err
			}
		}
		return s.sumSteps(ctx, t, parent.ID)
	})
	if err != nil {
		return Job{}, err
	}
	markUsed(s.path)
	return s.Get(ctx, parent.ID)
}

// Steps returns the child jobs of workbook job id in the order they run; none for a
// job of one type.
func (s *Store) Steps(ctx context.Context, id string) ([]Job, error) {
	return s.queryJobs(ctx, "SELECT "+jobColumns+" FROM jobs WHERE parent = ? ORDER BY step", id)
}

// sumSteps sets a workbook job's counts to the sums of its steps'.
func (s *Store) sumSteps(ctx context.Context, t *sql.Tx, id string) error {
	_, err := t.ExecContext(ctx, `UPDATE jobs SET
		total = (SELECT COALESCE(SUM(total), 0) FROM jobs c WHERE c.parent = jobs.id),
		succeeded = (SELECT COALESCE(SUM(succeeded), 0) FROM jobs c WHERE c.parent = jobs.id),
		failed = (SELECT COALESCE(SUM(failed), 0) FROM jobs c WHERE c.parent = jobs.id)
		WHERE id = ?`, id)
	return err
}

// updateSums is sumSteps in a transaction of its own, after a step moved.
func (s *Store) updateSums(ctx context.Context, id string) (Job, error) {
	if err := s.tx(ctx, func(t *sql.Tx) error { return s.sumSteps(ctx, t, id) }); err != nil {
		return Job{}, err
	}
	return s.Get(ctx, id)
}

// finishWorkbook ends a workbook job once its steps have ended: Failed with reason when
// reason is not empty (a step failed, the job was cancelled), else Completed or
// Completed With Errors by its steps' rows.
func (s *Store) finishWorkbook(ctx context.Context, id string, reason i18n.Msg) (Job, error) {
	err := s.tx(ctx, func(t *sql.Tx) error {
		if err := s.sumSteps(ctx, t, id); err != nil {
			return err
		}
		var failed int
		if err := t.QueryRowContext(ctx, "SELECT failed FROM jobs WHERE id = ?", id).Scan(&failed); err != nil {
			return err
		}
		return s.setEnded(ctx, t, id, reason, failed)
	})
	if err != nil {
		return Job{}, err
	}
	return s.Get(ctx, id)
}

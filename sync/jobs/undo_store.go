package jobs

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/bulkops/bulkops/sync/webex"
)

// beforeJSON is an object as the store keeps an update's before-state; "" for none.
func beforeJSON(o webex.Object) string {
	if o == nil {
		return ""
	}
	b, err := json.Marshal(o)
	if err != nil {
		return ""
	}
	return string(b)
}

// Changed is one record a job changed, as undo needs it: the row it came from, what was
// done, the object's id, and for an update or a delete the object as the organization
// had it just before the write.
type Changed struct {
	Seq, Row int
	Cells    []string // the job's row as submitted
	File     int
	Op       string // OpCreated, OpUpdated or OpDeleted
	ObjectID string
	Before   webex.Object // nil for a create
}

// Changed lists what job id created, updated and deleted, one entry per record (its
// first row), in package order. A record the job sent whose answer was lost, and that
// a resend then found as the job wrote it, counts as updated: it has a before-state.
func (s *Store) Changed(ctx context.Context, id string) ([]Changed, error) {
	rs, err := s.db.QueryContext(ctx, `SELECT seq, row_number, cells, file_no, operation, object_id, before FROM job_rows
		WHERE job_id = ? AND outcome = ? AND operation IN (?, ?, ?, ?) AND (before != '' OR operation = ?)
		AND seq = (SELECT MIN(seq) FROM job_rows r WHERE r.job_id = job_rows.job_id AND r.unit = job_rows.unit)
		ORDER BY seq`, id, Succeeded, OpCreated, OpUpdated, OpDeleted, OpUnchanged, OpCreated)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []Changed
	for rs.Next() {
		var c Changed
		var cells, before string
		if err := rs.Scan(&c.Seq, &c.Row, &cells, &c.File, &c.Op, &c.ObjectID, &before); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(cells), &c.Cells); err != nil {
			return nil, err
		}
		if before != "" {
			if err := json.Unmarshal([]byte(before), &c.Before); err != nil {
				return nil, err
			}
		}
		if c.Op == OpUnchanged { // sent, its answer lost, then found written: an update
			c.Op = OpUpdated
		}
		out = append(out, c)
	}
	return out, rs.Err()
}

// keepBefore keeps, before a batch goes out, each updated or deleted object of ps as
// the organization had it: the first time a record is sent only, so a record sent
// again (after a lost answer, in a resumed job) keeps the state from before the job's
// own write.
func (s *Store) keepBefore(ctx context.Context, id string, ps []prepared) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		for _, p := range ps {
			if !p.update || p.cur == nil {
				continue
			}
			if _, err := t.ExecContext(ctx, "UPDATE job_rows SET before = ? WHERE job_id = ? AND seq = ? AND before = ''",
				beforeJSON(p.cur), id, p.rec.rows[0].Seq); err != nil {
				return err
			}
		}
		return nil
	})
}

// setUndoOf links job id to the job it undoes.
func setUndoOf(ctx context.Context, t *sql.Tx, id, of string) error {
	_, err := t.ExecContext(ctx, "UPDATE jobs SET undo_of = ? WHERE id = ?", of, id)
	return err
}

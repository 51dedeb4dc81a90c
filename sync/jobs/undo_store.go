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
// a resend then found done, counts as what it was first sent to do.
func (s *Store) Changed(ctx context.Context, id string) ([]Changed, error) {
	rs, err := s.db.QueryContext(ctx, `SELECT seq, row_number, cells, file_no, operation, object_id, before, sent_as FROM job_rows
		WHERE job_id = ? AND outcome = ? AND (operation IN (?, ?, ?) OR (operation = ? AND sent_as != ''))
		AND seq = (SELECT MIN(seq) FROM job_rows r WHERE r.job_id = job_rows.job_id AND r.unit = job_rows.unit)
		ORDER BY seq`, id, Succeeded, OpCreated, OpUpdated, OpDeleted, OpUnchanged)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []Changed
	for rs.Next() {
		var c Changed
		var cells, before, sentAs string
		if err := rs.Scan(&c.Seq, &c.Row, &cells, &c.File, &c.Op, &c.ObjectID, &before, &sentAs); err != nil {
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
		if c.Op == OpUnchanged { // sent, its answer lost, then found done by the resend
			c.Op = sentAs
		}
		if c.ObjectID == "" && c.Before != nil { // a delete found done has no id of its own
			c.ObjectID = str(c.Before["id"])
		}
		if c.Op != OpCreated && c.Before == nil {
			continue // changed by a job from before schema 4 kept it: nothing to restore
		}
		if c.ObjectID == "" {
			continue
		}
		out = append(out, c)
	}
	return out, rs.Err()
}

// keepBefore keeps, before a batch goes out, what each record of ps is sent to do and,
// for an update or a delete, the object as the organization had it: the first time a
// record is sent only, so a record sent again (after a lost answer, in a resumed job)
// keeps the state from before the job's own write.
func (s *Store) keepBefore(ctx context.Context, id string, ps []prepared) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		for _, p := range ps {
			as := OpCreated
			switch {
			case p.del:
				as = OpDeleted
			case p.update:
				as = OpUpdated
			}
			if _, err := t.ExecContext(ctx, `UPDATE job_rows SET before = ?, sent_as = ? WHERE job_id = ? AND seq = ? AND sent_as = ''`,
				beforeJSON(p.cur), as, id, p.rec.rows[0].Seq); err != nil {
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

package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
)

// insertPlan keeps what the check saw of the organization for each planned record
// that the job may write: whether the object existed, its version and its row.
func insertPlan(ctx context.Context, t *sql.Tx, id string, plan []Planned) error {
	if len(plan) == 0 {
		return nil
	}
	st, err := t.PrepareContext(ctx, `INSERT OR REPLACE INTO job_plan (job_id, key, existed, version, org, row, label, changes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, p := range plan {
		if p.Action == ActFail || p.expect.key == "" {
			continue
		}
		org := ""
		if p.expect.org != nil {
			b, _ := json.Marshal(p.expect.org)
			org = string(b)
		}
		existed := p.Action != ActCreate
		changes := ""
		if p.Action == ActUpdate && len(p.Changes) > 0 {
			b, _ := json.Marshal(p.Changes)
			changes = string(b)
		}
		if _, err := st.ExecContext(ctx, id, p.expect.key, existed, p.expect.version, org, p.Row, p.Key, changes); err != nil {
			return err
		}
	}
	return nil
}

// plan is what job id was checked against, by record key; nil for a job submitted
// without a check.
func (s *Store) plan(ctx context.Context, id string) (map[string]expectation, error) {
	rs, err := s.db.QueryContext(ctx, "SELECT key, existed, version, org FROM job_plan WHERE job_id = ?", id)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out map[string]expectation
	for rs.Next() {
		var x expectation
		var org string
		if err := rs.Scan(&x.key, &x.existed, &x.version, &org); err != nil {
			return nil, err
		}
		if org != "" {
			if err := json.Unmarshal([]byte(org), &x.org); err != nil {
				return nil, err
			}
		}
		if out == nil {
			out = map[string]expectation{}
		}
		out[x.key] = x
	}
	return out, rs.Err()
}

// Operations counts the succeeded rows of job id by what was done to their record:
// created, updated, or left unchanged (nothing was sent for it).
type Operations struct{ Created, Updated, Unchanged, Deleted int }

// Operations tells the succeeded rows of job id apart by operation.
func (s *Store) Operations(ctx context.Context, id string) (Operations, error) {
	rs, err := s.db.QueryContext(ctx, `SELECT operation, COUNT(*) FROM job_rows WHERE job_id = ? AND outcome = ? GROUP BY operation`, id, Succeeded)
	if err != nil {
		return Operations{}, err
	}
	defer rs.Close()
	var ops Operations
	for rs.Next() {
		var op string
		var n int
		if err := rs.Scan(&op, &n); err != nil {
			return ops, err
		}
		switch op {
		case OpCreated:
			ops.Created = n
		case OpUpdated:
			ops.Updated = n
		case OpUnchanged:
			ops.Unchanged = n
		case OpDeleted:
			ops.Deleted = n
		}
	}
	return ops, rs.Err()
}

// PlannedUpdates are the updates job id was submitted with, each record's changed cells
// (the organization's value → the sheet's), in the order of their rows: what the job
// detail shows of what the job changes. Nil for a job submitted without a check.
func (s *Store) PlannedUpdates(ctx context.Context, id string) ([]Planned, error) {
	rs, err := s.db.QueryContext(ctx, `SELECT row, label, changes FROM job_plan WHERE job_id = ? AND changes != '' ORDER BY row`, id)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []Planned
	for rs.Next() {
		p := Planned{Action: ActUpdate}
		var changes string
		if err := rs.Scan(&p.Row, &p.Key, &changes); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(changes), &p.Changes); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rs.Err()
}

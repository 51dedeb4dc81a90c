package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"github.com/bulkops/bulkops/internal/i18n"
	"strings"
)

// File is one file of a job's package with its header row as written.
type File struct {
	Name   string
	Header []string
}

// Row is one row of a job's package and what became of it.
type Row struct {
	Seq       int      // position in the package, from 0
	Unit      int      // the object it belongs to: the rows of a parent/child object share one
	File      int      // index into the job's files
	Number    int      // spreadsheet row number within its file (the header is row 1)
	Cells     []string // as submitted
	Outcome   Outcome
	Operation string   // created or updated, once succeeded
	Message   string   // why it failed, in English (what the error file keeps)
	Text      i18n.Msg // the same message, to show it in the user's language; zero in a store written before Bulkops kept it
	Column    string   // the header of the column the message is about; "" for the whole row
	ObjectID  string   // the id of the object it created or updated
	Batch     int      // the batch it was last sent in; 0 when never sent
}

func insertFiles(ctx context.Context, t *sql.Tx, id string, files []File) error {
	for i, f := range files {
		h, _ := json.Marshal(f.Header)
		if _, err := t.ExecContext(ctx, "INSERT INTO files (job_id, file_no, name, header) VALUES (?, ?, ?, ?)",
			id, i, f.Name, string(h)); err != nil {
			return err
		}
	}
	return nil
}

func insertRows(ctx context.Context, t *sql.Tx, id string, rows []Row) error {
	st, err := t.PrepareContext(ctx, `INSERT INTO job_rows (job_id, seq, unit, file_no, row_number, cells,
		outcome, message, col) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, r := range rows {
		c, _ := json.Marshal(r.Cells)
		out := r.Outcome
		if out == "" {
			out = Pending
		}
		if _, err := st.ExecContext(ctx, id, r.Seq, r.Unit, r.File, r.Number, string(c), out, r.Message, r.Column); err != nil {
			return err
		}
	}
	return nil
}

// Files returns the files of job id's package, in package order.
func (s *Store) Files(ctx context.Context, id string) ([]File, error) {
	rs, err := s.db.QueryContext(ctx, "SELECT name, header FROM files WHERE job_id = ? ORDER BY file_no", id)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []File
	for rs.Next() {
		var f File
		var h string
		if err := rs.Scan(&f.Name, &h); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(h), &f.Header); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rs.Err()
}

// Rows returns the rows of job id in package order; with outcomes given, only the rows
// that have one of them.
func (s *Store) Rows(ctx context.Context, id string, outcomes ...Outcome) ([]Row, error) {
	q := `SELECT seq, unit, file_no, row_number, cells, outcome, operation, message, message_text, col, object_id, batch
		FROM job_rows WHERE job_id = ?`
	args := []any{id}
	if len(outcomes) > 0 {
		q += " AND outcome IN (?" + strings.Repeat(", ?", len(outcomes)-1) + ")"
		for _, o := range outcomes {
			args = append(args, o)
		}
	}
	return s.queryRows(ctx, q+" ORDER BY seq", args...)
}

// Notes are the first n succeeded rows that carry a message (a delete the organization
// answered 404 is done, "already gone"), and how many such rows the job has.
func (s *Store) Notes(ctx context.Context, id string, n int) ([]Row, int, error) {
	const where = ` FROM job_rows WHERE job_id = ? AND outcome = ? AND message != ''`
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*)"+where, id, Succeeded).Scan(&total); err != nil || total == 0 {
		return nil, 0, err
	}
	rows, err := s.queryRows(ctx, `SELECT seq, unit, file_no, row_number, cells, outcome, operation, message, message_text, col, object_id, batch`+
		where+" ORDER BY seq LIMIT ?", id, Succeeded, n)
	return rows, total, err
}

// queryRows reads the rows a query of job_rows' columns (as Rows selects them) returns.
func (s *Store) queryRows(ctx context.Context, q string, args ...any) ([]Row, error) {
	rs, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []Row
	for rs.Next() {
		var r Row
		var cells, text string
		if err := rs.Scan(&r.Seq, &r.Unit, &r.File, &r.Number, &cells, &r.Outcome, &r.Operation,
			&r.Message, &text, &r.Column, &r.ObjectID, &r.Batch); err != nil {
			return nil, err
		}
		r.Text = i18n.Decode(text)
		if err := json.Unmarshal([]byte(cells), &r.Cells); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rs.Err()
}

// markSent records that the rows seqs go out in a new batch, before the batch is sent:
// after a crash the store shows which rows were in flight. It returns the batch number.
func (s *Store) markSent(ctx context.Context, id string, seqs []int) (int, error) {
	var batch int
	err := s.tx(ctx, func(t *sql.Tx) error {
		if err := t.QueryRowContext(ctx, "UPDATE jobs SET batches = batches + 1 WHERE id = ? RETURNING batches", id).Scan(&batch); err != nil {
			return err
		}
		args := []any{batch, id}
		for _, q := range seqs {
			args = append(args, q)
		}
		_, err := t.ExecContext(ctx, "UPDATE job_rows SET batch = ? WHERE job_id = ? AND seq IN (?"+
			strings.Repeat(", ?", len(seqs)-1)+")", args...)
		return err
	})
	return batch, err
}

// result is the outcome of one row, as the runner decided it.
type result struct {
	seq      int
	outcome  Outcome
	op       string
	text     i18n.Msg
	column   string
	objectID string
}

// record commits the outcomes of rows, and the job's counts with them, in one
// transaction. A row that already has an outcome keeps it, so counts never drift.
func (s *Store) record(ctx context.Context, id string, res []result) (Job, error) {
	var j Job
	err := s.tx(ctx, func(t *sql.Tx) error {
		st, err := t.PrepareContext(ctx, `UPDATE job_rows SET outcome = ?, operation = ?, message = ?, message_text = ?,
			col = ?, object_id = ? WHERE job_id = ? AND seq = ? AND outcome = ?`)
		if err != nil {
			return err
		}
		defer st.Close()
		var ok, bad int64
		for _, r := range res {
			x, err := st.ExecContext(ctx, r.outcome, r.op, r.text.String(), i18n.Encode(r.text), r.column, r.objectID,
				id, r.seq, Pending)
			if err != nil {
				return err
			}
			n, _ := x.RowsAffected()
			if r.outcome == Succeeded {
				ok += n
			} else {
				bad += n
			}
		}
		if _, err := t.ExecContext(ctx, "UPDATE jobs SET succeeded = succeeded + ?, failed = failed + ? WHERE id = ?",
			ok, bad, id); err != nil {
			return err
		}
		j, err = scanJob(t.QueryRowContext(ctx, "SELECT "+jobColumns+" FROM jobs WHERE id = ?", id))
		return err
	})
	return j, err
}

// MessageIn is why the row failed, in language code ("en", "cs"); a row stored before
// Bulkops kept its message's template shows its English text.
func (r Row) MessageIn(code string) string { return i18n.Or(r.Text, r.Message, code) }

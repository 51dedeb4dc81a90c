package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/bulkops/bulkops/internal/i18n"
)

// migrations bring the schema from version i to i+1. Never edit one that has shipped:
// append a new one (PRAGMA user_version counts them).
var migrations = []string{
	`CREATE TABLE jobs (
		id           TEXT PRIMARY KEY,
		file_name    TEXT NOT NULL,
		object       TEXT NOT NULL,
		status       TEXT NOT NULL,
		reason       TEXT NOT NULL DEFAULT '',
		submitted_by TEXT NOT NULL,
		org_id       TEXT NOT NULL,
		org_name     TEXT NOT NULL DEFAULT '',
		submitted_at INTEGER NOT NULL,
		started_at   INTEGER NOT NULL DEFAULT 0,
		ended_at     INTEGER NOT NULL DEFAULT 0,
		total        INTEGER NOT NULL DEFAULT 0,
		succeeded    INTEGER NOT NULL DEFAULT 0,
		failed       INTEGER NOT NULL DEFAULT 0,
		cancel       INTEGER NOT NULL DEFAULT 0,
		batches      INTEGER NOT NULL DEFAULT 0,
		package_name TEXT NOT NULL,
		package      BLOB NOT NULL
	);
	CREATE INDEX jobs_org_status ON jobs (org_id, status);
	CREATE INDEX jobs_submitted ON jobs (submitted_at);
	CREATE TABLE files (
		job_id  TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
		file_no INTEGER NOT NULL,
		name    TEXT NOT NULL,
		header  TEXT NOT NULL,
		PRIMARY KEY (job_id, file_no)
	);
	CREATE TABLE job_rows (
		job_id     TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
		seq        INTEGER NOT NULL,
		unit       INTEGER NOT NULL,
		file_no    INTEGER NOT NULL,
		row_number INTEGER NOT NULL,
		cells      TEXT NOT NULL,
		outcome    TEXT NOT NULL DEFAULT 'pending',
		operation  TEXT NOT NULL DEFAULT '',
		message    TEXT NOT NULL DEFAULT '',
		col        TEXT NOT NULL DEFAULT '',
		object_id  TEXT NOT NULL DEFAULT '',
		batch      INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (job_id, seq)
	) WITHOUT ROWID;
	CREATE INDEX rows_outcome ON job_rows (job_id, outcome, seq);`,
	// 2: the messages of our own as template and arguments (i18n.Encode), so a row's error
	// and a job's reason show in the user's language; message and reason keep the English
	// text, and rows of a store written before keep showing it.
	`ALTER TABLE job_rows ADD COLUMN message_text TEXT NOT NULL DEFAULT '';
	ALTER TABLE jobs ADD COLUMN reason_text TEXT NOT NULL DEFAULT '';`,
	// 3: the plan a job was submitted with: per record key, whether the organization had
	// the object at the check, its version and its row as exported, so the job refuses a
	// record changed in the organization since; and the record's first row, its key as
	// the sheet wrote it and the cells an update changes, for the job's detail
	// (store_plan.go).
	`CREATE TABLE IF NOT EXISTS job_plan (
		job_id  TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
		key     TEXT NOT NULL,
		existed INTEGER NOT NULL,
		version TEXT NOT NULL DEFAULT '',
		org     TEXT NOT NULL DEFAULT '',
		row     INTEGER NOT NULL DEFAULT 0,
		label   TEXT NOT NULL DEFAULT '',
		changes TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (job_id, key)
	) WITHOUT ROWID;`,
	// 4: what undo needs (undo.go): per updated or deleted row the object as the
	// organization had it just before the write (JSON), and what the row was first sent
	// to do (created, updated, deleted: a resend after a lost answer finds it done);
	// jobs.undoable tells a job that kept them from one submitted before (those have no
	// undo); jobs.undo_of links an undo to its job.
	`ALTER TABLE job_rows ADD COLUMN before TEXT NOT NULL DEFAULT '';
	ALTER TABLE job_rows ADD COLUMN sent_as TEXT NOT NULL DEFAULT '';
	ALTER TABLE jobs ADD COLUMN undoable INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE jobs ADD COLUMN undo_of TEXT NOT NULL DEFAULT '';`,
	// 5: a workbook job (workbook_store.go) is a parent that owns a child job per step
	// (a type, its deletes, a second pass); parent names it, step orders them. Children
	// are left out of the dashboard's list and of the one-active-job check.
	`ALTER TABLE jobs ADD COLUMN parent TEXT NOT NULL DEFAULT '';
	ALTER TABLE jobs ADD COLUMN step INTEGER NOT NULL DEFAULT 0;
	CREATE INDEX jobs_parent ON jobs (parent, step);`,
}

func (s *Store) migrate(ctx context.Context) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		var v int
		if err := t.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			return err
		}
		if v > len(migrations) {
			return i18n.Errorf("the store was written by a newer Bulkops (schema %d, this one knows %d)", v, len(migrations))
		}
		for i := v; i < len(migrations); i++ {
			if _, err := t.ExecContext(ctx, migrations[i]); err != nil {
				return i18n.Errorf("schema %d: %w", i+1, err)
			}
		}
		if v < len(migrations) {
			_, err := t.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations)))
			return err
		}
		return nil
	})
}

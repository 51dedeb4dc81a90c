package jobs

import (
	"context"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// planned is what the job does with rec, prepared as the job prepares it (pr), for the
// plan: the action, the changed cells, and the warnings on cells a spreadsheet program
// seems to have rewritten. fail is the record's failure, already placed on its cell.
func (r *runner) planned(ctx context.Context, file string, rec *record, pr prepared, fail *sheets.Finding) (Planned, []sheets.Finding, error) {
	pl := Planned{File: file, Row: rec.rows[0].Number, Key: rec.keyText(r.obj)}
	switch {
	case fail != nil:
		pl.Action, pl.Reason = ActFail, fail.Message
		return pl, nil, nil
	case pr.del:
		pl.Action = ActDelete
		key, _, err := r.org.recordKey(ctx, r.m, rec)
		pl.expect = expectation{key: key, existed: true, version: str(pr.cur["version"])}
		return pl, nil, err
	case pr.cur == nil:
		pl.Action, pl.Changes = ActCreate, rec.values(file)
		key, _, err := r.org.recordKey(ctx, r.m, rec)
		pl.expect.key = key
		return pl, nil, err
	}
	pl.Action = ActUpdate
	if pr.done != nil {
		pl.Action = ActUnchanged
	}
	key, _, err := r.org.recordKey(ctx, r.m, rec)
	if err != nil {
		return pl, nil, err
	}
	pl.expect = expectation{key: key, version: str(pr.cur["version"])}
	if r.obj.Format != catalog.FormatCSV {
		return pl, nil, nil
	}
	d, err := r.m.changes(ctx, file, rec, pr.cur)
	if err != nil {
		return pl, nil, err
	}
	pl.expect.org = d.org
	if pl.Action == ActUpdate {
		pl.Changes = d.changes
	}
	if rec.restoring() { // an undo's blanks are the values it restores
		return pl, nil, nil
	}
	var warn []sheets.Finding
	pl.Suspect, warn = d.suspicions()
	return pl, warn, nil
}

package jobs

import (
	"context"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/webex"
)

// sinceCheck refuses to write rec over cur when the organization changed the object
// since the check the job was submitted with: what was planned is what is sent, and a
// change someone made meanwhile is not overwritten. The object's version tells (every
// write changes it); the check's row, rendered as an export writes it, names what
// changed. A record the job itself has sent (a resend after a lost answer, a resumed
// job) is its own change and is not refused.
func (r *runner) sinceCheck(ctx context.Context, rec *record, cur webex.Object) error {
	if r.plan == nil || r.wasSent(rec) {
		return nil
	}
	key, _, err := r.org.recordKey(ctx, r.m, rec)
	if err != nil {
		return err
	}
	exp, ok := r.plan[key]
	keyCol := rec.lay.headerOf(r.org.keys[0])
	switch {
	case !ok:
		return nil // not in the plan: the job was checked without the organization
	case !exp.existed:
		return &rowError{column: keyCol, text: i18n.M("%s was created in the organization since the check; check again to see what this row changes",
			rec.keyText(r.obj))}
	case exp.version != "" && exp.version == str(cur["version"]):
		return nil
	}
	now, err := r.m.exportRows(ctx, cur)
	if err != nil || len(now) == 0 {
		return err
	}
	var what []i18n.Msg
	col := ""
	for i, v := range now[0] {
		if i >= len(exp.org) || exp.org[i] == v {
			continue
		}
		c := &r.obj.Columns[i]
		if col == "" && rec.lay.has(c) {
			col = rec.lay.headerOf(c)
		}
		if v == "" {
			what = append(what, i18n.M("%s is now empty", c.Header))
		} else {
			what = append(what, i18n.M("%s is now %s", c.Header, v))
		}
	}
	if len(what) == 0 {
		if exp.version == "" {
			return nil // no version to tell by, and nothing a sheet shows changed
		}
		what = append(what, i18n.M("version %s, was %s at the check", str(cur["version"]), exp.version))
	}
	return &rowError{column: col, text: i18n.M("changed in the organization since the check: %s", i18n.Join(what))}
}

// wasSent reports whether the job has sent rec before (this run or one before it).
func (r *runner) wasSent(rec *record) bool {
	if rec.rows[0].Batch > 0 {
		return true
	}
	_, ok := r.sent.Load(rec.rows[0].Seq)
	return ok
}

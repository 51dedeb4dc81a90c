package jobs

import (
	"context"
	"slices"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/webex"
)

// undoWorkbook makes u the undo of a workbook job: its steps' undos in the reverse of
// the order the steps ran, as one workbook job (u.Book). The original deleted first
// (dependants first), then wrote each type in dependency order, then filled a cycle's
// late references; so the undo first restores what the second pass wrote, then takes
// back each type's writes (deleting its creates before the types they name), and
// last makes again what the job deleted. Each step's undo is up to two steps: its
// deletes, then its restores.
func (e *Engine) undoWorkbook(ctx context.Context, u *Undo, opt UndoOptions) error {
	id := u.Of.ID
	if !u.Of.Status.Final() {
		return i18n.Errorf("job %s is still %s: undo it once it has ended", id, u.Of.Status)
	}
	steps, err := e.Store.Steps(ctx, id)
	if err != nil {
		return err
	}
	r := newResolver(e.API)
	if r.seed, err = e.deletedBy(ctx, steps); err != nil {
		return err
	}
	wd := &WorkbookDraft{Name: "undo of " + id}
	for _, st := range slices.Backward(steps) {
		if st.Succeeded == 0 {
			continue // it changed nothing (or did not run)
		}
		b, err := e.undoOf(ctx, u, st, opt, r)
		if err != nil {
			return err
		}
		// A workbook carries no audio files (SubmitWorkbook refuses their sheets), so no
		// step deleted one today; if one did, its undo is an upload of its own.
		if len(b.sounds) > 0 {
			return i18n.Errorf("step %d of job %s (%s) deleted audio files: undo that step on its own (bulkops undo %s), then the rest",
				st.Step, id, objectTitle(st.Object), st.ID)
		}
		for _, part := range []struct {
			kind StepKind
			rows [][]string
		}{{StepDelete, b.deletes}, {StepWrite, b.restores}} {
			if len(part.rows) == 0 {
				continue
			}
			d, err := b.draftOf(id, part.rows)
			if err != nil {
				return err
			}
			wd.Steps = append(wd.Steps, &WorkbookStep{Kind: part.kind, Draft: d})
		}
	}
	if len(wd.Steps) == 0 {
		return i18n.Errorf("job %s changed nothing that can be taken back", id)
	}
	u.Book = wd
	return nil
}

// deletedBy are the objects the steps deleted, as they were (by type key): the undo
// makes them again, and the records of other steps that name them (a team's site
// deleted by the same job) are written with their names, which the organization no
// longer lists.
func (e *Engine) deletedBy(ctx context.Context, steps []Job) (map[string][]webex.Object, error) {
	out := map[string][]webex.Object{}
	for _, st := range steps {
		changed, err := e.Store.Changed(ctx, st.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range changed {
			if c.Op == OpDeleted && c.Before != nil {
				out[st.Object] = append(out[st.Object], c.Before)
			}
		}
	}
	return out, nil
}

// Preview is the undo's plan: its draft's, or the sum of its workbook's steps'.
func (u *Undo) Preview() Preview {
	if u.Book != nil {
		return u.Book.Preview()
	}
	return u.Draft.Preview
}

// Check plans the undo against the organization api reaches, as Draft.Check or
// WorkbookDraft.Check does.
func (u *Undo) Check(ctx context.Context, api API) error {
	if u.Book != nil {
		return u.Book.Check(ctx, api)
	}
	return u.Draft.Check(ctx, api)
}

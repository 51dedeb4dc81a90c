package jobs

import (
	"context"
	"path/filepath"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// SubmitWorkbook submits a workbook draft as one job: a parent on the dashboard and a
// child job per step, stored together (one transaction), each with its step's package
// and plan as SubmitDraft stores them. It is refused while the organization has an
// active job (*ActiveError), and a blocked draft with its Err.
func (e *Engine) SubmitWorkbook(ctx context.Context, wd *WorkbookDraft, submittedBy string) (Job, error) {
	if err := wd.Err(); err != nil {
		return Job{}, err
	}
	if e.OrgID == "" {
		return Job{}, i18n.Errorf("submit: not connected to an organization")
	}
	name := filepath.Base(wd.Name)
	parent := Job{FileName: name, Object: WorkbookObject, Status: New, SubmittedBy: submittedBy, OrgID: e.OrgID, OrgName: e.OrgName}
	kids := make([]childJob, 0, len(wd.Steps))
	touched := map[string]bool{} // the records the steps so far write, by type and key
	for _, st := range wd.Steps {
		d, obj := st.Draft, st.Object()
		switch {
		case !obj.API.Covered:
			return Job{}, i18n.Errorf("%s cannot be submitted: the Webex Contact Center API does not cover them", titleOf(obj))
		case len(d.Package.Data) > MaxPackage:
			return Job{}, i18n.Errorf("%s: %d bytes is more than a job takes (%d)", d.Package.Name, len(d.Package.Data), MaxPackage)
		}
		files, rows, err := parsePackage(d.Package, obj)
		if err != nil {
			return Job{}, i18n.Errorf("%s, %s: the package cannot be read: %w", name, titleOf(obj), err)
		}
		plan := ownPlan(d.Preview.Plan, obj, touched)
		if st.Kind == StepLate {
			plan = nil // its records were planned as the first pass's; they exist by its turn
		}
		j := Job{FileName: stepName(name, st), Object: obj.Key, Status: New, SubmittedBy: submittedBy,
			OrgID: e.OrgID, OrgName: e.OrgName, Total: len(rows)}
		kids = append(kids, childJob{job: j, pkg: d.Package, files: files, rows: rows, plan: plan})
	}
	return e.Store.createWorkbook(ctx, parent, Package{Name: name, Data: []byte{}}, kids)
}

// ownPlan is the plan a step's job checks its records against before it sends them
// (sinceCheck): plan but for the records an earlier step of the same job writes (an
// undo restores a layout's teams, then deletes the layout its first pass created),
// which that step changed, not someone else. It adds plan's records to touched.
func ownPlan(plan []Planned, obj *catalog.Object, touched map[string]bool) []Planned {
	out := make([]Planned, 0, len(plan))
	for _, p := range plan {
		k := obj.Key + "\t" + p.expect.key
		if p.expect.key == "" || !touched[k] {
			out = append(out, p)
		}
	}
	for _, p := range plan {
		if p.Action != ActFail && p.Action != ActUnchanged && p.expect.key != "" {
			touched[obj.Key+"\t"+p.expect.key] = true
		}
	}
	return out
}

// stepName is a step's file name: the workbook's, and what the step does when it is not
// the type's creates and updates.
func stepName(name string, st *WorkbookStep) string {
	switch st.Kind {
	case StepDelete:
		return name + " (deletes)"
	case StepLate:
		return name + " (second pass)"
	}
	return name
}

// runWorkbook runs a workbook job's steps one after another, each with Run (it reads
// the organization when its turn comes, so the names the steps before it created
// resolve). A step that fails ends the job Failed and the steps after it with it: they
// would refer to what it did not do. Run holds the parent's lock throughout.
func (e *Engine) runWorkbook(ctx context.Context, parent Job, progress func(Progress)) (Job, error) {
	wctx := context.WithoutCancel(ctx)
	if c, err := e.Store.cancelRequested(ctx, parent.ID); err != nil {
		return parent, err
	} else if c {
		return e.endWorkbook(wctx, parent.ID, i18n.M("cancelled by the user"), progress)
	}
	parent, err := e.Store.start(ctx, parent.ID)
	if err != nil {
		return parent, err
	}
	progress(parent.progress("started"))
	steps, err := e.Store.Steps(ctx, parent.ID)
	if err != nil {
		return parent, err
	}
	for _, st := range steps {
		if !st.Status.Active() {
			continue
		}
		base := parent
		base.Succeeded, base.Failed = base.Succeeded-st.Succeeded, base.Failed-st.Failed
		sj, err := e.Run(ctx, st.ID, func(p Progress) { progress(stepProgress(base, st, p)) })
		if err != nil {
			if ctx.Err() != nil {
				parent, _ = e.Store.Get(wctx, parent.ID)
				return parent, i18n.Errorf("job %s stopped, still In Progress: %w", parent.ID, context.Cause(ctx))
			}
			return e.endWorkbook(wctx, parent.ID, i18n.M("step %d (%s): %s", st.Step, objectTitle(st.Object), i18n.Of(err)), progress)
		}
		if parent, err = e.Store.updateSums(wctx, parent.ID); err != nil {
			return parent, err
		}
		if sj.Status == Failed {
			return e.endWorkbook(wctx, parent.ID, i18n.M("step %d (%s) failed: %s", st.Step, objectTitle(st.Object),
				i18n.Raw(sj.ReasonIn("en"))), progress)
		}
	}
	return e.endWorkbook(wctx, parent.ID, i18n.Msg{}, progress)
}

// stepProgress is a step's progress as the workbook job's: its rows counted with the
// other steps', and the step's type named.
func stepProgress(base, step Job, p Progress) Progress {
	return Progress{JobID: base.ID, Status: InProgress, Total: base.Total,
		Done: base.Succeeded + base.Failed + p.Done, Succeeded: base.Succeeded + p.Succeeded, Failed: base.Failed + p.Failed,
		Message: step.Object + ": " + p.Message}
}

// endWorkbook ends the steps not run yet (Failed, with reason) and then the workbook job.
func (e *Engine) endWorkbook(ctx context.Context, id string, reason i18n.Msg, progress func(Progress)) (Job, error) {
	steps, err := e.Store.Steps(ctx, id)
	if err != nil {
		return Job{}, err
	}
	for _, st := range steps {
		if st.Status.Active() {
			if _, err := e.Store.finish(ctx, st.ID, i18n.M("not run: %s", reason)); err != nil {
				return Job{}, err
			}
		}
	}
	j, err := e.Store.finishWorkbook(ctx, id, reason)
	if err != nil {
		return j, err
	}
	progress(j.progress("ended"))
	return j, nil
}

// objectTitle is a type's title for messages, its key when the catalog has no such type.
func objectTitle(key string) any {
	if o, ok := catalog.Lookup(key); ok {
		return titleOf(o)
	}
	return key
}

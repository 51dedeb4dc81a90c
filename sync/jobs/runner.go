package jobs

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// maxAttempts bounds how often a record is sent: after a conflict (409: a name taken
// meanwhile, a version changed meanwhile) or an answer that says nothing of it, the
// organization is read again and the record sent again, as an update when its key now
// exists. That is also what makes a resend after a lost answer safe.
const maxAttempts = 3

// runner runs one job once.
type runner struct {
	e        *Engine
	store    *Store
	api      API
	job      Job
	obj      *catalog.Object
	m        *mapper
	org      *orgIndex
	read     *reader
	pkg      Package // the package, for audio files' bytes
	progress func(Progress)

	cmu          sync.Mutex // commits and progress events, one at a time
	mu           sync.Mutex
	failingSince time.Time // first of the current run of unanswered requests
	failures     int
	// ownFail holds why the engine refused a record itself (an address book's entries
	// not saved, an audio file it cannot read), by the seq of its first row, for judge to
	// give its rows.
	ownFail map[int]i18n.Msg
	// plan is what the check saw of the organization, by record key (nil for a job
	// submitted unchecked); sent holds the seqs of the first rows of the records sent in
	// this run (see sinceCheck).
	plan map[string]expectation
	sent sync.Map
	// decideOnly is set for a preview: an update's item is built on the object as
	// listed, without the GET a PUT needs first (the item is never sent; readsBeforeUpdate
	// counts that GET for the job).
	decideOnly bool
}

func newRunner(e *Engine, j Job, obj *catalog.Object, progress func(Progress)) *runner {
	res := newResolver(e.API)
	return &runner{e: e, store: e.Store, api: e.API, job: j, obj: obj,
		m: newMapper(obj, e.OrgID, res), org: newOrgIndex(obj), read: newReader(e.API, obj, res), progress: progress}
}

func (r *runner) emit(j Job, msg string) { r.progress(j.progress(msg)) }

// run sends every pending row of the job. It returns nil when each has an outcome.
func (r *runner) run(ctx context.Context) error {
	files, err := r.store.Files(ctx, r.job.ID)
	if err != nil {
		return err
	}
	rows, err := r.store.Rows(ctx, r.job.ID, Pending)
	if err != nil || len(rows) == 0 {
		return err
	}
	recs := groupRecords(r.obj, files, rows)
	if r.plan, err = r.store.plan(ctx, r.job.ID); err != nil {
		return err
	}
	if r.obj.Format == catalog.FormatAudioZip {
		if r.pkg, err = r.store.Package(ctx, r.job.ID); err != nil {
			return err
		}
	}
	r.emit(r.job, "reading the organization")
	if err := r.patiently(ctx, func() error { return readOrganization(ctx, r.api, r.m, r.org, recs) }); err != nil {
		return err
	}
	orgSize := len(r.org.byKey)
	for i, run := range runs(recs) {
		if i > 0 {
			if err := r.patiently(ctx, func() error { return r.reread(ctx, run, orgSize) }); err != nil {
				return err
			}
		}
		if err := r.sendRun(ctx, run); err != nil {
			return err
		}
	}
	return nil
}

// sendRun sends a run of records, again after a conflict, reading the organization
// again before each further attempt.
func (r *runner) sendRun(ctx context.Context, todo []*record) error {
	var err error
	for attempt := 1; len(todo) > 0; attempt++ {
		if attempt > 1 {
			if err := r.patiently(ctx, func() error { return r.org.load(ctx, r.api, r.names(ctx, todo)) }); err != nil {
				return err
			}
		}
		if todo, err = r.pass(ctx, todo, attempt >= maxAttempts); err != nil {
			return err
		}
	}
	return nil
}

// names are the key-field values of records, to read them again.
func (r *runner) names(ctx context.Context, recs []*record) []string {
	seen := map[string]bool{}
	var out []string
	for _, rec := range recs {
		if _, n, err := r.org.recordKey(ctx, r.m, rec); err == nil && n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// patiently runs f until it succeeds, fails for a reason sending again cannot cure, or
// the organization has failed to answer for longer than the engine's patience.
func (r *runner) patiently(ctx context.Context, f func() error) error {
	for {
		err := f()
		if err == nil {
			r.answered()
			return nil
		}
		if ctx.Err() != nil || !transient(err) {
			return err
		}
		wait, giveUp := r.unanswered(err)
		if giveUp != nil {
			return giveUp
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return err
		}
	}
}

// answered ends a run of unanswered requests.
func (r *runner) answered() {
	r.mu.Lock()
	r.failingSince, r.failures = time.Time{}, 0
	r.mu.Unlock()
}

// unanswered counts a request the organization did not answer and says how long to
// wait before the next try, or, past the engine's patience, the error that ends the job.
func (r *runner) unanswered(err error) (time.Duration, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	if r.failingSince.IsZero() {
		r.failingSince = now
	}
	if now.Sub(r.failingSince) > r.e.patience() {
		return 0, &unreachableError{since: r.failingSince, err: err}
	}
	r.failures++
	wait := time.Second << min(r.failures-1, 5)
	return min(wait, 30*time.Second, r.e.patience()/4+time.Millisecond), nil
}

// prepared is a record made ready to send: its item, or the outcome it already has.
type prepared struct {
	rec    *record
	item   webex.Object
	update bool   // the record's key exists: the item updates that object
	del    bool   // the record is marked for deletion: the object id goes
	id     string // the existing object's id
	// cur is the existing object as read for the comparison (see current): what the
	// plan renders as the organization's values.
	cur webex.Object
	// done is the outcome of a record that needs no request: it failed before it was
	// sent, or the organization has it as it is.
	done []result
	fail *rowError // why it failed before it was sent
}

// Operations a succeeded row reports.
const (
	OpCreated   = "created"
	OpUpdated   = "updated"
	OpUnchanged = "unchanged" // the organization had it as the row says: nothing was sent
)

// prepare decides create, update or nothing for rec and builds its item; an update
// starts from the object as the organization has it now.
func (r *runner) prepare(ctx context.Context, rec *record) (prepared, error) {
	p := prepared{rec: rec}
	var same bool
	var err error
	if rec.deleting() {
		same, err = r.prepareDelete(ctx, rec, &p)
	} else {
		var existing webex.Object
		existing, err = r.org.match(ctx, r.m, rec)
		if err == nil {
			same, err = r.buildItem(ctx, rec, existing, &p)
		}
	}
	var re *rowError
	switch {
	case errors.As(err, &re):
		p.done, p.fail = rec.results(Fail, "", re.text, re.column, ""), re
		return p, nil
	case err == nil && same:
		p.done = rec.results(Succeeded, OpUnchanged, i18n.Msg{}, "", p.id)
	}
	return p, err
}

// buildItem builds p's item and reports whether the record changes nothing.
func (r *runner) buildItem(ctx context.Context, rec *record, existing webex.Object, p *prepared) (bool, error) {
	if existing == nil {
		if err := r.goneSinceCheck(ctx, rec); err != nil {
			return false, err
		}
		item, err := r.m.build(ctx, rec, nil)
		p.item = item
		return false, err
	}
	p.update, p.id = true, str(existing["id"])
	cur, err := r.current(ctx, existing)
	if webex.IsNotFound(err) { // deleted since the list was read: create it again
		p.update, p.id = false, ""
		return r.buildItem(ctx, rec, nil, p)
	} else if err != nil {
		return false, err
	}
	p.cur = cur
	if r.obj.Format != catalog.FormatAudioZip {
		if same, err := r.m.unchanged(ctx, rec, cur); err != nil || (same && len(r.m.clears(rec, cur)) == 0) {
			return same, err
		}
		if err := r.sinceCheck(ctx, rec, cur); err != nil {
			return false, err
		}
	}
	base, err := r.base(ctx, cur)
	if err != nil {
		return false, err
	}
	if p.item, err = r.m.build(ctx, rec, base); err == nil {
		r.m.clearIn(rec, cur, p.item)
	}
	return false, err
}

// current is the object as the organization has it now, with every field a column maps
// to: the listed object, completed where lists leave arrays out (see reader).
func (r *runner) current(ctx context.Context, listed webex.Object) (webex.Object, error) {
	var cur webex.Object
	err := r.patiently(ctx, func() (err error) {
		cur, err = r.read.complete(ctx, listed)
		return err
	})
	return cur, err
}

// base is what an update's item starts from: on a PATCH route only the id (a PATCH
// carries only what changes); an audio file's id and version; else the whole object as
// stored (a PUT replaces it whole: a field left out would be cleared).
func (r *runner) base(ctx context.Context, cur webex.Object) (webex.Object, error) {
	id := str(cur["id"])
	switch {
	case r.obj.Format == catalog.FormatAudioZip:
		// A replace names the record's own blobId: live refuses one without it.
		return webex.Object{"id": id, "version": cur["version"], "blobId": cur["blobId"]}, nil
	case r.obj.API.Routes.Update.Method == http.MethodPatch:
		return webex.Object{"id": id}, nil
	case r.read.whole(cur) || r.decideOnly:
		return cur, nil
	}
	var full webex.Object
	err := r.patiently(ctx, func() (err error) {
		full, err = r.api.Get(ctx, pathOf(r.obj.API.Get), id)
		return err
	})
	return full, err
}

// pathOf turns a catalog path such as "site/{id}" into the resource path the client
// joins an id to.
func pathOf(tmpl string) string { return strings.TrimSuffix(tmpl, "/{id}") }

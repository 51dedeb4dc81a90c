package jobs

import (
	"context"
	"errors"
	"net/http"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// maxBulkItems is the most items one bulk request may carry (the sandbox's limit; the
// real API documents none).
const maxBulkItems = 1000

// route is the request that saves p: the type's update route for an object the
// organization has, its create route for a new one (catalog.API.Routes).
func (r *runner) route(p prepared) catalog.Route {
	if p.del {
		return r.obj.API.Routes.Delete
	}
	if p.update {
		return r.obj.API.Routes.Update
	}
	return r.obj.API.Routes.Create
}

// sizeOf is the number of records a batch on route rt holds: one where the route
// carries one object (PUT …/{id}, a single create, an audio upload).
func (r *runner) sizeOf(rt catalog.Route) int {
	if !rt.Bulk() || r.obj.Format == catalog.FormatAudioZip {
		return 1
	}
	return min(r.e.batchSize(), maxBulkItems)
}

// sendBatch records that b goes out, sends it and judges the answers.
func (r *runner) sendBatch(ctx context.Context, b batch, last bool) ([]result, []*record, error) {
	if c, err := r.store.cancelRequested(ctx, r.job.ID); err != nil {
		return nil, nil, err
	} else if c {
		return nil, nil, errCancelled
	}
	ps, known := r.refuseKnown(b.ps)
	if len(ps) == 0 {
		return known, nil, nil
	}
	var seqs []int
	for _, p := range ps {
		seqs = append(seqs, p.rec.seqs()...)
		r.sent.Store(p.rec.rows[0].Seq, true)
	}
	if _, err := r.store.markSent(context.WithoutCancel(ctx), r.job.ID, seqs); err != nil {
		return nil, nil, err
	}
	if err := r.store.keepBefore(context.WithoutCancel(ctx), r.job.ID, ps); err != nil {
		return nil, nil, err
	}
	res, again, err := r.deliver(ctx, b.rt, ps, last)
	return append(known, res...), again, err
}

// deliver sends ps, waiting out an organization that does not answer. A whole request
// refused for something in it (a 400 for the batch) is split in halves until the item at
// fault is alone and fails by itself.
func (r *runner) deliver(ctx context.Context, rt catalog.Route, ps []prepared, last bool) ([]result, []*record, error) {
	var answers []webex.BulkResult
	err := r.patiently(ctx, func() (err error) {
		answers, err = r.send(ctx, rt, ps)
		return err
	})
	if ae, ok := r.itemRefused(rt, err); ok {
		if len(ps) > 1 {
			h := len(ps) / 2
			res1, again1, err := r.deliver(ctx, rt, ps[:h], last)
			if err != nil {
				return res1, again1, err
			}
			res2, again2, err := r.deliver(ctx, rt, ps[h:], last)
			return append(res1, res2...), append(again1, again2...), err
		}
		status := ae.Status
		if status == http.StatusNotFound { // updated an object deleted meanwhile: read again
			status = 0
		}
		answers, err = []webex.BulkResult{{ItemIdentifier: ps[0].rec.rows[0].Seq, Status: status, Error: ae}}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	r.learnRequired(ps, answers)
	res, again := r.judge(ps, answers, last)
	return res, again, nil
}

// itemRefused reports a refusal of what the request carries rather than of the request:
// for a bulk request, see refusal; a request that carries one object is refused for that
// object by any 4xx but those about the sign-in and the rate.
func (r *runner) itemRefused(rt catalog.Route, err error) (*webex.APIError, bool) {
	if rt.Bulk() && r.obj.Format != catalog.FormatAudioZip {
		return refusal(err)
	}
	var ae *webex.APIError
	if !errors.As(err, &ae) || ae.Temporary() {
		return nil, false
	}
	switch ae.Status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusRequestTimeout:
		return nil, false
	}
	return ae, ae.Status >= 400 && ae.Status < 500
}

// send makes the request(s) for ps on route rt and returns one answer per record.
func (r *runner) send(ctx context.Context, rt catalog.Route, ps []prepared) ([]webex.BulkResult, error) {
	if rt.Bulk() && r.obj.Format != catalog.FormatAudioZip {
		items := make([]webex.BulkItem, len(ps))
		for i, p := range ps {
			items[i] = webex.BulkItem{ItemIdentifier: p.rec.rows[0].Seq, RequestAction: webex.ActionSave, Item: p.item}
			if p.del {
				items[i].RequestAction, items[i].Item = webex.ActionDelete, deleteItem(p)
			}
		}
		return r.api.BulkSave(ctx, rt.Path, rt.Method, items)
	}
	out := make([]webex.BulkResult, 0, len(ps))
	for _, p := range ps {
		if p.del {
			res, err := r.deleteOne(ctx, rt, p)
			if err != nil {
				return nil, err
			}
			out = append(out, res)
			continue
		}
		obj, err := r.sendOne(ctx, rt, p)
		if err != nil {
			return nil, err
		}
		res := webex.BulkResult{ItemIdentifier: p.rec.rows[0].Seq, Status: http.StatusOK, OperationType: "UPDATE",
			Href: "/" + str(obj["id"])}
		if !p.update {
			res.OperationType, res.Status = "CREATE", http.StatusCreated
		}
		if r.m.hooks.after != nil {
			var re *rowError
			if err := r.m.hooks.after(ctx, r.m, p.rec, str(obj["id"])); errors.As(err, &re) {
				res.Error = r.refuse(p, re.text)
			} else if err != nil {
				return nil, err
			}
		}
		out = append(out, res)
	}
	return out, nil
}

// sendOne saves one record on a route that carries one object: an audio file's
// multipart upload, PUT …/{id} where live tenants update no other way, or a single
// create where the type has no bulk endpoint.
func (r *runner) sendOne(ctx context.Context, rt catalog.Route, p prepared) (webex.Object, error) {
	if r.obj.Format == catalog.FormatAudioZip {
		name := p.rec.rows[0].Cells[0]
		data, err := audioData(r.pkg, name)
		if err != nil {
			return nil, r.refuse(p, i18n.M("the file cannot be read from the package: %s", i18n.Of(err)))
		}
		info := webex.Object{"name": name, "contentType": "AUDIO_WAV"}
		for _, k := range []string{"id", "version", "description", "blobId"} {
			if v, ok := p.item[k]; ok {
				info[k] = v
			}
		}
		return r.api.UploadAudio(ctx, info, name, data, p.id)
	}
	switch {
	case rt.One() && rt.Method == http.MethodPut:
		return r.api.Update(ctx, pathOf(rt.Path), p.id, p.item)
	case !rt.One() && rt.Method == http.MethodPost && !p.update:
		return r.api.Create(ctx, rt.Path, p.item)
	}
	return nil, i18n.Errorf("%s: the engine cannot send %s one object at a time", r.obj.Key, rt)
}

// judge turns the answers into row outcomes. A conflict (409) or an answer that says
// nothing of an item sends the record again after the organization is read again,
// unless this was the last attempt.
func (r *runner) judge(ps []prepared, answers []webex.BulkResult, last bool) ([]result, []*record) {
	var res []result
	var again []*record
	for i, p := range ps {
		a := answers[i]
		switch {
		case a.Error == nil:
			op := OpUpdated
			switch {
			case p.del:
				op = OpDeleted
			case a.OperationType == "CREATE" || (a.OperationType == "" && !p.update):
				op = OpCreated
			}
			id := a.ID()
			if id == "" {
				id = p.id
			}
			res = append(res, p.rec.results(Succeeded, op, i18n.Msg{}, "", id)...)
		case p.del && (a.Status == http.StatusNotFound || a.Error.Status == http.StatusNotFound):
			// Gone: a delete sent again after its answer was lost finds its own work, or
			// someone deleted the record since the check. Either way it is not there.
			res = append(res, p.rec.results(Succeeded, OpDeleted, i18n.M("already gone: the organization no longer had it when the delete was sent"), "", p.id)...)
		case (a.Status == 0 || a.Error.Status == http.StatusConflict || a.Error.Status == 0) && !last:
			if a.Error.Status == http.StatusConflict {
				// Refused, so not written: a version changed since is someone else's,
				// which sinceCheck must see when the record is prepared again.
				r.sent.Delete(p.rec.rows[0].Seq)
			}
			again = append(again, p.rec)
		default:
			res = append(res, p.rec.results(Fail, "", r.failText(p, a.Error), r.columnFor(p.rec, a.Error), p.id)...)
		}
	}
	return res, again
}

// refuse is the engine's own refusal of record p, as an answer the server could have
// given: judge fails p's rows with text (failText).
func (r *runner) refuse(p prepared, text i18n.Msg) *webex.APIError {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ownFail == nil {
		r.ownFail = map[int]i18n.Msg{}
	}
	r.ownFail[p.rec.rows[0].Seq] = text
	return &webex.APIError{Status: http.StatusBadRequest, Reason: text.String()}
}

// failText is why p failed: the engine's own message when it refused p itself (refuse),
// else the server's, as the server wrote it.
func (r *runner) failText(p prepared, e *webex.APIError) i18n.Msg {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t, ok := r.ownFail[p.rec.rows[0].Seq]; ok {
		return t
	}
	if t, ok := r.usedByServer(p, e); ok {
		return t
	}
	return i18n.Raw(messageOf(e))
}

package jobs

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/bulkops/bulkops/sync/webex"
)

// Which fields an organization requires on a create is partly unrecorded live: whether a
// queue create needs defaultMusicInQueueMediaFileId (achobgood/wxcc-toolkit says 400,
// Cisco's spec lists it optional; live-api.md, "Unknown either way"). The engine does not
// guess. A create the organization refuses with 400 "X is required", X a field the item
// lacks, is remembered for the rest of the job: each later create of the job that lacks
// X fails at once with the organization's same words, unsent, instead of a request per
// record that the organization refuses the same way. The same shape as the address
// book's entry wall (mapping_address_book.go) and the client's flag-off fields
// (webex/flagged.go): learnt from the answer, kept, acted on without asking again.
var requiredField = regexp.MustCompile(`(?:^|[\s:;])([A-Za-z][\w.]*) is required\b`)

// requiredOnCreate prefixes the key under which the job keeps (in its resolver's extra)
// the refusal of a create that lacked the field named after it.
const requiredOnCreate = "create requires "

// learnRequired remembers the fields the answers to ps say a create requires.
func (r *runner) learnRequired(ps []prepared, answers []webex.BulkResult) {
	for i, p := range ps {
		ae := answers[i].Error
		if p.update || ae == nil || ae.Status != http.StatusBadRequest {
			continue
		}
		for _, t := range append([]string{ae.Reason}, ae.Messages...) {
			for _, m := range requiredField.FindAllStringSubmatch(t, -1) {
				if lacks(p.item, m[1]) {
					r.m.res.extra.LoadOrStore(requiredOnCreate+m[1], ae)
				}
			}
		}
	}
}

// refuseKnown takes out of ps the creates that lack a field the organization already
// said it requires in this job, and fails them with its words; it returns the others,
// to send.
func (r *runner) refuseKnown(ps []prepared) (send []prepared, failed []result) {
	var known []prepared
	var answers []webex.BulkResult
	for _, p := range ps {
		if ae := r.knownRefusal(p); ae != nil {
			known = append(known, p)
			answers = append(answers, webex.BulkResult{ItemIdentifier: p.rec.rows[0].Seq, Status: ae.Status, Error: ae})
		} else {
			send = append(send, p)
		}
	}
	if len(known) > 0 {
		failed, _ = r.judge(known, answers, true)
	}
	return send, failed
}

// knownRefusal is the organization's refusal of an earlier create of this job that p, a
// create, would get too: it lacks the same required field. nil when none.
func (r *runner) knownRefusal(p prepared) (out *webex.APIError) {
	if p.update {
		return nil
	}
	r.m.res.extra.Range(func(k, v any) bool {
		field, ok := strings.CutPrefix(k.(string), requiredOnCreate)
		if ok && lacks(p.item, field) {
			out = v.(*webex.APIError)
		}
		return out == nil
	})
	return out
}

// lacks reports whether item has no value at the dotted field path.
func lacks(item webex.Object, field string) bool {
	v := getPath(item, field)
	return v == nil || str(v) == ""
}

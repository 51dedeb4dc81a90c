package jobs

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/bulkops/bulkops/sync/auth"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/webex"
)

const reasonCancelled = "cancelled by the user" // as i18n.M spells it in failureReason and Run

// errCancelled stops a run whose cancellation was requested through the store.
var errCancelled = errors.New(reasonCancelled)

// unreachableError ends a job whose organization failed to answer for longer than the
// engine's patience.
type unreachableError struct {
	since time.Time
	err   error
}

func (e *unreachableError) Error() string { return e.msg().String() }

func (e *unreachableError) msg() i18n.Msg {
	return i18n.M("the organization has not answered since %s: %s", e.since.Format("15:04:05"), i18n.Raw(e.err.Error()))
}

func (e *unreachableError) Unwrap() error { return e.err }

// failureReason says in words why a job failed, for the dashboard.
func failureReason(err error) i18n.Msg {
	var ae *webex.APIError
	var ue *unreachableError
	switch {
	case errors.Is(err, errCancelled):
		return i18n.M("cancelled by the user")
	case errors.As(err, &ae) && ae.Status == http.StatusUnauthorized:
		return i18n.M("signed out: the organization refused the sign-in (%s); sign in again and submit the rows that were not done", i18n.Raw(ae.Error()))
	case auth.NeedsSignIn(err):
		return i18n.M("signed out: %s; sign in again and submit the rows that were not done", i18n.Raw(err.Error()))
	case errors.As(err, &ae) && ae.Status == http.StatusForbidden:
		return i18n.M("not permitted: %s; the signed-in user must be a Contact Center administrator of this organization", i18n.Raw(ae.Error()))
	case errors.As(err, &ue) && err == error(ue):
		return ue.msg()
	}
	return i18n.Of(err)
}

// transient reports whether a failed request may succeed when sent again later: the
// organization did not answer, answered 5xx, or kept answering 429 past the client's
// own retries.
func transient(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, errCancelled) || auth.NeedsSignIn(err) {
		return false
	}
	var ae *webex.APIError
	if errors.As(err, &ae) {
		return ae.Temporary() || ae.Status == http.StatusRequestTimeout
	}
	var re *rowError
	if errors.As(err, &re) {
		return false
	}
	// No answer at all: the client already retried what it could; the engine waits
	// longer before it gives up on the organization.
	return true
}

// refusal reports whether a whole request was refused for something in its items (400,
// 409, 413, 422): splitting the batch finds the item at fault. Any other refusal (401,
// 403, 404 for the endpoint…) is about the request itself and ends the job.
func refusal(err error) (*webex.APIError, bool) {
	var ae *webex.APIError
	if !errors.As(err, &ae) {
		return nil, false
	}
	switch ae.Status {
	case http.StatusBadRequest, http.StatusConflict, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
		return ae, true
	}
	return nil, false
}

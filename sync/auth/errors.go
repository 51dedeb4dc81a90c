package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/webex"
	"golang.org/x/oauth2"
)

// ErrSignInRequired means there is no usable sign-in: never signed in, signed out, or the
// server no longer accepts the saved refresh token. The user must sign in again.
var ErrSignInRequired = i18n.Errorf("sign-in required")

// NeedsSignIn reports whether err means the user must sign in again: the saved sign-in
// is missing or was refused (ErrSignInRequired), or the API refused the access token
// (401, e.g. a sandbox restarted since the sign-in).
func NeedsSignIn(err error) bool {
	var ae *webex.APIError
	return errors.Is(err, ErrSignInRequired) || errors.As(err, &ae) && ae.Status == http.StatusUnauthorized
}

// errSignInTimeout is the cause of a sign-in that took longer than its bound.
var errSignInTimeout = i18n.Errorf("sign-in timed out")

// tokenError turns an error of the token endpoint into a sentence with the server's own
// message and trackingId. The body of a failed token request holds no token, but only
// the decoded fields are kept anyway.
func tokenError(what i18n.Msg, err error) error {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return i18n.Errorf("%s: %w", what, err)
	}
	status := 0
	if re.Response != nil {
		status = re.Response.StatusCode
	}
	ae := webex.DecodeError(status, headerOf(re), re.Body)
	if ae.Key == "" {
		ae.Key = re.ErrorCode
	}
	msg := ae.Error() // the server's reason and OAuth error code, as it wrote them
	if ae.Key != "" && !strings.Contains(msg, ae.Key) {
		msg += " [" + ae.Key + "]"
	}
	return i18n.Errorf("%s: the identity server answered %s", what, msg)
}

// isInvalidGrant reports a refresh token the server no longer accepts (RFC 6749 §5.2).
func isInvalidGrant(err error) bool {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return false
	}
	return re.ErrorCode == "invalid_grant" || strings.Contains(string(re.Body), `"invalid_grant"`)
}

func headerOf(re *oauth2.RetrieveError) map[string][]string {
	if re.Response == nil {
		return nil
	}
	return re.Response.Header
}

// flowError explains why a sign-in ended without an answer.
func flowError(ctx context.Context, limit string) error {
	if errors.Is(context.Cause(ctx), errSignInTimeout) {
		return i18n.Errorf("%w after %s: the sign-in was not completed in the browser", errSignInTimeout, limit)
	}
	return i18n.Errorf("sign-in cancelled: %w", context.Cause(ctx))
}

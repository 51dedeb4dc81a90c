package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"golang.org/x/oauth2"

	"github.com/bulkops/bulkops/internal/i18n"
)

// SignInDevice runs the device grant, for when no browser on this computer can be used:
// show is called with a code and the address where the user enters it (on any device);
// SignInDevice then polls until the user has confirmed, the code expires, ctx is
// cancelled or Options.SignInTimeout passes. The Webex integration must list Webex's
// OAuth-helper redirect URIs for this to work (ecosystem.md §4.3).
func (a *Authenticator) SignInDevice(ctx context.Context, show func(userCode, verificationURL string)) (*Session, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, a.opts.SignInTimeout, errSignInTimeout)
	defer cancel()
	secret, err := a.clientSecret()
	if err != nil {
		return nil, err
	}
	cfg := a.config(secret, "")
	cfg.Endpoint.TokenURL = strings.TrimRight(a.profile.IdentityURL, "/") + "/v1/device/token"
	cfg.Endpoint.AuthStyle = oauth2.AuthStyleInHeader // Webex wants Basic auth here
	tctx := a.tokenContext(ctx)
	da, err := cfg.DeviceAuth(tctx)
	if err != nil {
		return nil, tokenError(i18n.M("starting the device sign-in to %s", a.profile.Name), err)
	}
	where := da.VerificationURIComplete
	if where == "" {
		where = da.VerificationURI
	}
	show(da.UserCode, where)
	for {
		// Each call waits one interval, then polls until an answer other than RFC 8628's
		// "pending"; Webex says "pending" with HTTP 428 instead, so poll again on that.
		tok, err := cfg.DeviceAccessToken(tctx, da)
		switch {
		case err == nil:
			return a.finish(ctx, tok)
		case ctx.Err() != nil:
			return nil, flowError(ctx, a.opts.SignInTimeout.String())
		case errors.Is(err, context.DeadlineExceeded):
			return nil, i18n.Errorf("the code %s expired before the sign-in was confirmed; start again", da.UserCode)
		case !pending(err):
			return nil, tokenError(i18n.M("device sign-in to %s", a.profile.Name), err)
		}
	}
}

// pending reports Webex's "not confirmed yet": HTTP 428 Precondition Required.
func pending(err error) bool {
	var re *oauth2.RetrieveError
	return errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusPreconditionRequired
}

package webex

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// call is one logical request; its body is kept as bytes so that it can be sent again.
type call struct {
	method      string
	path        string // relative to the organization
	query       url.Values
	body        []byte
	contentType string
}

// answer is a successful (2xx) response, read whole.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// do sends r until it succeeds, fails for good, or runs out of retries: 429 waits for
// Retry-After (shared by every goroutine on this client), 5xx and dropped connections
// back off with full jitter, other 4xx return at once.
//
// POST …/bulk is retried too, although a dropped connection leaves unknown whether the
// server applied it. That is safe here because the job engine saves by name: before a
// batch is sent again it re-reads the organization, so an item that was created the first
// time goes out as an update of that object, never as a second copy.
func (c *Client) do(ctx context.Context, r call) (*answer, error) {
	target := c.endpoint(r.path, r.query)
	where := r.method + " " + pathOf(target)
	var failures, throttled int
	for {
		if err := c.waitTurn(ctx); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		a, err := c.attempt(ctx, r, target)
		if err != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("%s: %w", where, context.Cause(ctx))
			}
			if !transient(err) || failures >= c.opts.MaxRetries {
				return nil, fmt.Errorf("%s: %w%s", where, err, attemptsNote(failures))
			}
			failures++
			if err := c.retryAfter(ctx, c.backoff(failures)); err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			continue
		}
		if a.status >= 200 && a.status < 300 {
			return a, nil
		}
		apiErr := DecodeError(a.status, a.header, a.body)
		apiErr.Method, apiErr.Path = r.method, pathOf(target)
		wait, retry := c.judge(a, &failures, &throttled)
		if !retry {
			if a.status == http.StatusTooManyRequests {
				apiErr.RetryAfter = wait
			}
			return nil, apiErr
		}
		if err := c.retryAfter(ctx, wait); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
	}
}

// judge decides whether an error answer is worth sending again, and after how long.
func (c *Client) judge(a *answer, failures, throttled *int) (time.Duration, bool) {
	now := time.Now()
	switch {
	case a.status == http.StatusTooManyRequests:
		c.rateLimited.Add(1)
		wait := parseRetryAfter(a.header.Get("Retry-After"), now, time.Second)
		if *throttled >= c.opts.MaxRateLimitRetries || wait > c.opts.MaxRetryAfter {
			return wait, false
		}
		*throttled++
		c.pause(wait) // the budget is the organization's: everyone waits
		return 0, true
	case retryableStatus(a.status) && *failures < c.opts.MaxRetries:
		*failures++
		wait := c.backoff(*failures)
		if ra := parseRetryAfter(a.header.Get("Retry-After"), now, 0); ra > wait && ra <= c.opts.MaxRetryAfter {
			wait = ra
		}
		return wait, true
	}
	return 0, false
}

// retryAfter counts a retry and sleeps d, or returns early when ctx ends.
func (c *Client) retryAfter(ctx context.Context, d time.Duration) error {
	c.retries.Add(1)
	if d > 0 && !c.sleep(ctx.Done(), d) {
		return context.Cause(ctx)
	}
	return nil
}

// attempt sends r once and reads the whole answer within AttemptTimeout.
func (c *Client) attempt(ctx context.Context, r call, target string) (*answer, error) {
	actx, cancel := context.WithTimeout(ctx, c.opts.AttemptTimeout)
	defer cancel()
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(actx, r.method, target, body)
	if err != nil {
		return nil, permanent{err}
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.opts.UserAgent)
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	c.requests.Add(1)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, unwrapURLError(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxResponseBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the answer: %w", err)
	}
	if int64(len(data)) > c.opts.MaxResponseBytes {
		return nil, permanent{fmt.Errorf("the answer is larger than %d bytes", c.opts.MaxResponseBytes)}
	}
	return &answer{status: resp.StatusCode, header: resp.Header, body: data}, nil
}

// waitTurn waits out a pause set by a 429, then for the rate limiter.
func (c *Client) waitTurn(ctx context.Context) error {
	c.pauseMu.Lock()
	wait := time.Until(c.pauseUntil)
	c.pauseMu.Unlock()
	if wait > 0 && !c.sleep(ctx.Done(), wait) {
		return context.Cause(ctx)
	}
	if err := c.limiter.Wait(ctx); err != nil {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		return err
	}
	return nil
}

func (c *Client) pause(d time.Duration) {
	c.pauseMu.Lock()
	defer c.pauseMu.Unlock()
	if until := time.Now().Add(d); until.After(c.pauseUntil) {
		c.pauseUntil = until
	}
}

// permanent marks an error that sending again cannot cure.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

func pathOf(target string) string {
	if u, err := url.Parse(target); err == nil {
		return u.Path
	}
	return target
}

func attemptsNote(retries int) string {
	if retries == 0 {
		return ""
	}
	return fmt.Sprintf(" (gave up after %d attempts)", retries+1)
}

// unwrapURLError drops *url.Error's "Get \"https://…\":" prefix, which repeats what the
// caller already names.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

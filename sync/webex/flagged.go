package webex

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"slices"
)

// Live (dwolgast-lab/wxcc-skills CHANGELOG.md and mcp_server.py _put_adaptive, verified
// on a real tenant): a GET returns fields the organization may not write. A multimedia
// profile carries workItem (top level and inside manuallyAssignable), and on a tenant
// without the work-item feature a PUT that sends it back is refused with 400 "workItem
// is not allowed when feature flag is disabled". Whether a field is writable is the
// tenant's state, not the contract, so it is learnt from that answer: the named field
// is dropped at every depth and the PUT sent again, and the client remembers it for
// every later PUT to this organization. A tenant with the feature gets the object as
// read, and nothing is dropped.
var flagDenied = regexp.MustCompile(`(\w+) is not allowed when feature flag is disabled`)

// maxFlagRetries bounds the fields one PUT may lose this way.
const maxFlagRetries = 5

// FlagOffFields are the fields the organization refused so far because their feature
// flag is off, sorted: what `bulkops doctor` reports.
func (c *Client) FlagOffFields() []string {
	c.flagMu.Lock()
	defer c.flagMu.Unlock()
	var out []string
	for f := range c.flagOff {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

func (c *Client) putFlagAware(ctx context.Context, path string, obj any) (Object, error) {
	for tries := 0; ; tries++ {
		out, err := c.sendJSON(ctx, http.MethodPut, path, c.withoutFlagOff(obj))
		var ae *APIError
		if err == nil || tries == maxFlagRetries || !errors.As(err, &ae) || ae.Status != http.StatusBadRequest {
			return out, err
		}
		m := flagDenied.FindStringSubmatch(ae.said())
		if m == nil || !c.learnFlagOff(m[1]) {
			return out, err
		}
	}
}

// learnFlagOff records field as refused; false when it was already (dropping it again
// would change nothing).
func (c *Client) learnFlagOff(field string) bool {
	c.flagMu.Lock()
	defer c.flagMu.Unlock()
	if c.flagOff[field] {
		return false
	}
	if c.flagOff == nil {
		c.flagOff = map[string]bool{}
	}
	c.flagOff[field] = true
	return true
}

// withoutFlagOff returns obj without the fields learnt as refused, at every depth; obj
// itself when there are none or it is not a JSON object.
func (c *Client) withoutFlagOff(obj any) any {
	c.flagMu.Lock()
	defer c.flagMu.Unlock()
	if _, ok := obj.(Object); !ok || len(c.flagOff) == 0 {
		return obj
	}
	return dropFields(obj, func(k string) bool { return c.flagOff[k] })
}

func dropFields(v any, drop func(string) bool) any {
	switch t := v.(type) {
	case Object:
		out := make(Object, len(t))
		for k, x := range t {
			if !drop(k) {
				out[k] = dropFields(x, drop)
			}
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = dropFields(x, drop)
		}
		return out
	}
	return v
}

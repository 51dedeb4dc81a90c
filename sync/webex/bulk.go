package webex

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Bulk request actions (api.md §3.3).
const (
	ActionSave   = "SAVE"   // create when the item has no id, update when it has one
	ActionDelete = "DELETE" // delete the item's id
)

// BulkItem is one entry of a bulk request. ItemIdentifier is chosen by the caller and
// unique within the request (the job engine uses the CSV row number).
type BulkItem struct {
	ItemIdentifier int    `json:"itemIdentifier"`
	RequestAction  string `json:"requestAction,omitempty"`
	Item           Object `json:"item"`
}

// BulkResult is the server's verdict on one BulkItem.
type BulkResult struct {
	ItemIdentifier int
	Status         int    // per-item HTTP-like status
	OperationType  string // CREATE, UPDATE, DELETE
	Href           string // ends with the object's id
	Error          *APIError
}

// OK reports whether the item was applied.
func (r BulkResult) OK() bool { return r.Error == nil }

// ID is the id of the object the item created or changed: the last segment of Href.
func (r BulkResult) ID() string {
	href := strings.TrimRight(r.Href, "/")
	if i := strings.IndexAny(href, "?#"); i >= 0 {
		href = href[:i]
	}
	return href[strings.LastIndex(href, "/")+1:]
}

// BulkSave sends items to a bulk endpoint such as "site/bulk" (method POST) or
// "user/bulk" (PATCH) and returns one result per item, in the order of items. An item the
// server's 207 answer does not mention comes back with an Error saying so, so that no row
// is ever reported as done without the server's word. A failure of the whole request
// (400, 401, 403, 409, 429 after retries, 5xx…) is returned as the error.
func (c *Client) BulkSave(ctx context.Context, path, method string, items []BulkItem) ([]BulkResult, error) {
	seen := make(map[int]bool, len(items))
	for _, it := range items {
		if seen[it.ItemIdentifier] {
			return nil, fmt.Errorf("%s %s: itemIdentifier %d is used twice", method, path, it.ItemIdentifier)
		}
		seen[it.ItemIdentifier] = true
	}
	body, err := json.Marshal(struct {
		Items []BulkItem `json:"items"`
	}{items})
	if err != nil {
		return nil, fmt.Errorf("%s %s: the items cannot be sent as JSON: %v", method, path, err)
	}
	a, err := c.do(ctx, call{method: method, path: path, body: body, contentType: "application/json"})
	if err != nil {
		return nil, err
	}
	got, err := decodeBulk(a.body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, pathOf(c.endpoint(path, nil)), err)
	}
	out := make([]BulkResult, len(items))
	for i, it := range items {
		r, ok := got[it.ItemIdentifier]
		if !ok {
			r = BulkResult{ItemIdentifier: it.ItemIdentifier, Error: &APIError{
				Reason: "the server's answer has no result for this item; it may or may not have been saved",
			}}
		}
		out[i] = r
	}
	return out, nil
}

func decodeBulk(body []byte) (map[int]BulkResult, error) {
	var wire struct {
		Items []struct {
			ItemIdentifier int             `json:"itemIdentifier"`
			Status         int             `json:"status"`
			OperationType  string          `json:"operationType"`
			Href           string          `json:"href"`
			APIError       json.RawMessage `json:"apiError"`
		} `json:"items"`
	}
	if err := unmarshalNumbers(body, &wire); err != nil {
		return nil, err
	}
	got := make(map[int]BulkResult, len(wire.Items))
	for _, w := range wire.Items {
		r := BulkResult{ItemIdentifier: w.ItemIdentifier, Status: w.Status, OperationType: w.OperationType, Href: w.Href}
		hasErr := len(w.APIError) > 0 && string(w.APIError) != "null"
		if hasErr || w.Status >= http.StatusBadRequest {
			r.Error = decodeErrorValue(w.Status, w.APIError)
		}
		got[w.ItemIdentifier] = r
	}
	return got, nil
}

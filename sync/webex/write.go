package webex

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Create sends obj with POST to path (e.g. "site") and returns the stored object, with
// its id and version. Use it where no bulk endpoint exists (address books, audio files
// go through UploadAudio).
func (c *Client) Create(ctx context.Context, path string, obj any) (Object, error) {
	return c.sendJSON(ctx, http.MethodPost, path, obj)
}

// Update replaces the object id at path with obj (PUT: send the whole object, with its
// id and version; api.md §3.2). A field the organization refuses because its feature
// flag is off is left out, and the PUT sent again (flagged.go).
func (c *Client) Update(ctx context.Context, path, id string, obj any) (Object, error) {
	return c.putFlagAware(ctx, idPath(path, id), obj)
}

// Patch sends only the fields in obj (null clears a field), to path/id, or to path
// itself when id is empty (e.g. PATCH user/bulk goes through BulkSave).
func (c *Client) Patch(ctx context.Context, path, id string, obj any) (Object, error) {
	return c.sendJSON(ctx, http.MethodPatch, idPath(path, id), obj)
}

// Delete removes the object id at path. An empty id is refused: on some resources a
// DELETE without an id removes every object (api.md §4, dial-number).
func (c *Client) Delete(ctx context.Context, path, id string) error {
	if id == "" {
		return fmt.Errorf("DELETE %s: no id given", path)
	}
	_, err := c.do(ctx, call{method: http.MethodDelete, path: idPath(path, id)})
	return err
}

func (c *Client) sendJSON(ctx context.Context, method, path string, obj any) (Object, error) {
	body, err := json.Marshal(obj)
	if err != nil {
		return nil, fmt.Errorf("%s %s: the object cannot be sent as JSON: %v", method, path, err)
	}
	a, err := c.do(ctx, call{method: method, path: path, body: body, contentType: "application/json"})
	if err != nil {
		return nil, err
	}
	return decodeObject(a.body, method, pathOf(c.endpoint(path, nil)))
}

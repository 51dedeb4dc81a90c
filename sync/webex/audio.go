package webex

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
)

// UploadAudio stores an audio file: POST audio-file when id is empty (create), PUT
// audio-file/{id} otherwise (replace). The request is multipart/form-data with the part
// audioFileInfo (info as application/json: name with its .wav extension, contentType
// AUDIO_WAV, description…) and the part audioFile (the WAV bytes), as api.md §6 describes.
// It returns the stored AudioFileInfo with its id and version.
func (c *Client) UploadAudio(ctx context.Context, info Object, fileName string, data []byte, id string) (Object, error) {
	body, contentType, err := audioBody(info, fileName, data)
	if err != nil {
		return nil, fmt.Errorf("audio file %s: %w", fileName, err)
	}
	method := http.MethodPost
	if id != "" {
		method = http.MethodPut
	}
	path := idPath("audio-file", id)
	a, err := c.do(ctx, call{method: method, path: path, body: body, contentType: contentType})
	if err != nil {
		return nil, fmt.Errorf("audio file %s: %w", fileName, err)
	}
	return decodeObject(a.body, method, pathOf(c.endpoint(path, nil)))
}

func audioBody(info Object, fileName string, data []byte) ([]byte, string, error) {
	meta, err := json.Marshal(info)
	if err != nil {
		return nil, "", fmt.Errorf("audioFileInfo cannot be sent as JSON: %v", err)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	parts := []struct {
		header textproto.MIMEHeader
		data   []byte
	}{
		{partHeader(`form-data; name="audioFileInfo"`, "application/json"), meta},
		{partHeader(`form-data; name="audioFile"; filename="`+quoteEscape(fileName)+`"`, "audio/wav"), data},
	}
	for _, p := range parts {
		w, err := mw.CreatePart(p.header)
		if err != nil {
			return nil, "", err
		}
		if _, err := w.Write(p.data); err != nil {
			return nil, "", err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), mw.FormDataContentType(), nil
}

func partHeader(disposition, contentType string) textproto.MIMEHeader {
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", disposition)
	h.Set("Content-Type", contentType)
	return h
}

// quoteEscape escapes a file name for a quoted header parameter, as mime/multipart does.
var quoteEscape = strings.NewReplacer("\\", "\\\\", `"`, "\\\"", "\r", "%0D", "\n", "%0A").Replace

// AudioSound reads the sound of an audio file by its blobId: GET
// organization/{orgId}/blob/{blobId}, which live tenants serve though the spec does not
// list it (live-api.md, second pass: RIFF/WAVE bytes).
func (c *Client) AudioSound(ctx context.Context, blobID string) ([]byte, error) {
	if blobID == "" {
		return nil, fmt.Errorf("audio file: no blobId to read its sound by")
	}
	a, err := c.do(ctx, call{method: http.MethodGet, path: "blob/" + url.PathEscape(blobID)})
	if err != nil {
		return nil, err
	}
	return a.body, nil
}

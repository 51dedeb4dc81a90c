package sandbox

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
)

// upload is a parsed audio-file multipart request.
type upload struct {
	info    map[string]any
	content []byte
}

// readUpload reads the two parts of an audio upload: the metadata (JSON, in the part
// res.infoPart: audioFileInfo, agentPersonalGreetingInfo) and audioFile.
func readUpload(r *http.Request, res *resource) (upload, *itemError) {
	var up upload
	mt, ps, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case mt == "application/json": // live: a JSON upload is a bare 500, whatever its shape
		return up, newItemError(http.StatusInternalServerError, res.entity, "Internal Server Error")
	case mt != "multipart/form-data" || ps["boundary"] == "":
		return up, newItemError(http.StatusUnsupportedMediaType, res.entity,
			"Content-Type '"+r.Header.Get("Content-Type")+"' is not supported; send multipart/form-data")
	}
	mr := multipart.NewReader(r.Body, ps["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return up, partError(err, res)
		}
		b, err := io.ReadAll(part)
		if err != nil {
			return up, partError(err, res)
		}
		switch part.FormName() {
		case res.infoPart:
			// live: a metadata part that is not declared application/json makes it a 415.
			if ct, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type")); ct != "application/json" {
				return up, newItemError(http.StatusUnsupportedMediaType, res.entity,
					res.infoPart+": Content-Type '"+part.Header.Get("Content-Type")+"' is not supported; send application/json")
			}
			if up.info, err = decodeObject(b); err != nil {
				return up, newItemError(http.StatusBadRequest, res.entity, res.infoPart+": JSON parse error: "+err.Error())
			}
		case "audioFile":
			up.content = b
		}
	}
	switch {
	case up.info == nil:
		return up, newItemError(http.StatusBadRequest, res.entity, res.infoPart+": must not be null")
	case up.content == nil:
		return up, newItemError(http.StatusBadRequest, res.entity, "audioFile: must not be null")
	case !isWAV(up.content):
		return up, newItemError(http.StatusBadRequest, res.entity, "audioFile: is not a WAV file (RIFF/WAVE with fmt and data chunks)")
	}
	return up, nil
}

func partError(err error, res *resource) *itemError {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return bodyError(err)
	}
	return newItemError(http.StatusBadRequest, res.entity, "multipart parse error: "+err.Error())
}

// handleUpload serves POST audio-file (create) and PUT audio-file/{id} (replace).
func (s *Server) handleUpload(res *resource) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p params) {
		up, e := readUpload(r, res)
		if e != nil {
			writeAPIError(w, r, e)
			return
		}
		status := res.createStatus
		delete(up.info, "url")
		delete(up.info, "audioFile")
		delete(up.info, "id")
		if id := p["id"]; id != "" {
			up.info["id"], status = id, http.StatusOK
		}
		s.mu.Lock()
		var obj map[string]any
		blob, e := s.uploadBlob(res, p["id"], up.info)
		if e == nil {
			up.info["blobId"] = blob
			if _, obj, e = s.st.save(res, "", up.info, saveOpts{now: s.nowMS()}); e == nil {
				s.st.putBlob(blob, up.content) // a replace overwrites in place: the blobId stays
			}
		}
		e = s.stored(e)
		s.mu.Unlock()
		s.answerWrite(w, r, e, status, obj)
	}
}

// uploadBlob returns the blob an upload writes: a new one for a create; for a replace
// the record's own, which the request must name (live: omitting blobId is a 400 naming
// it, another record's blobId a 400 "blobId: invalid value"). The state is locked.
func (s *Server) uploadBlob(res *resource, id string, info map[string]any) (string, *itemError) {
	if id == "" {
		return newUUID(), nil
	}
	old := s.st.lookup(res, "", id)
	switch {
	case old == nil:
		return "", newItemError(http.StatusNotFound, res.entity, "id: "+id+" not found for given orgId.")
	case str(info["blobId"]) == "":
		return "", newItemError(http.StatusBadRequest, res.entity, "blobId: must not be blank")
	case info["blobId"] != old.obj["blobId"]:
		return "", newItemError(http.StatusBadRequest, res.entity, "blobId: invalid value")
	}
	return str(old.obj["blobId"]), nil
}

// handleAudioPatch serves PATCH audio-file/{id}: only the description changes.
func (s *Server) handleAudioPatch(res *resource) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p params) {
		var body map[string]any
		if e := decodeJSON(r, &body); e != nil {
			writeAPIError(w, r, e)
			return
		}
		for k := range body {
			if k != "description" && k != "id" && k != "version" && k != "organizationId" {
				writeAPIError(w, r, newItemError(http.StatusBadRequest, res.entity,
					k+": only the description can be changed with PATCH; upload the file again with PUT"))
				return
			}
		}
		item := map[string]any{"id": p["id"], "description": body["description"]}
		if v, ok := body["version"]; ok {
			item["version"] = v
		}
		s.write(w, r, res, p, item, true, http.StatusOK)
	}
}

// withURL adds the download link GET audio-file/{id}?includeUrl=true returns.
func (s *Server) withURL(r *http.Request, obj map[string]any) map[string]any {
	out := make(map[string]any, len(obj)+1)
	for k, v := range obj {
		out[k] = v
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	out["url"] = scheme + "://" + r.Host + "/blob/" + str(obj["blobId"])
	return out
}

// serveBlob serves audio content by blob id, like the pre-signed URLs of the real
// service: no token needed, the id is the secret.
func (s *Server) serveBlob(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/blob/")
	s.mu.RLock()
	b, ok := s.st.blobs[id]
	s.mu.RUnlock()
	if !ok || r.Method != http.MethodGet {
		writeFail(w, r, http.StatusNotFound, "No audio content "+id)
		return
	}
	w.Header().Set("Content-Type", "audio/wav")
	w.Write(b)
}

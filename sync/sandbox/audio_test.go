package sandbox

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"testing"
)

// upload sends an audio-file multipart request and returns status and decoded body.
func (c *tc) upload(method, path string, info map[string]any, content []byte) (int, map[string]any) {
	c.t.Helper()
	return c.uploadAs("audioFileInfo", method, path, info, content)
}

// uploadAs sends a multipart request whose metadata part is named infoPart.
func (c *tc) uploadAs(infoPart, method, path string, info map[string]any, content []byte) (int, map[string]any) {
	c.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	if info != nil {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="`+infoPart+`"`)
		h.Set("Content-Type", "application/json")
		pw, _ := mw.CreatePart(h)
		json.NewEncoder(pw).Encode(info)
	}
	if content != nil {
		fw, _ := mw.CreateFormFile("audioFile", "prompt.wav")
		fw.Write(content)
	}
	mw.Close()
	return c.raw(method, path, b.Bytes(), mw.FormDataContentType())
}

func TestAudioFiles(t *testing.T) {
	c := newTC(t, Options{OffSpecRequests: true}) // bad uploads on purpose
	wav := muLawWAV(1234)
	info := map[string]any{"name": "greeting.wav", "contentType": "AUDIO_WAV", "description": "Hello"}
	status, created := c.upload("POST", "audio-file", info, wav)
	if status != http.StatusOK || created["blobId"] == "" || created["version"] != 0.0 {
		t.Fatalf("upload: %d %v", status, created)
	}
	id := created["id"].(string)

	// includeUrl gives a link that serves the very bytes uploaded.
	got := c.object("GET", "audio-file/"+id+"?includeUrl=true", nil, http.StatusOK)
	resp, err := http.Get(got["url"].(string))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Equal(body, wav) || resp.Header.Get("Content-Type") != "audio/wav" {
		t.Errorf("download: %d bytes %s, want the %d bytes uploaded", len(body), resp.Header.Get("Content-Type"), len(wav))
	}
	if _, ok := c.object("GET", "audio-file/"+id, nil, http.StatusOK)["url"]; ok {
		t.Error("url without includeUrl=true")
	}

	// PUT replaces the content in place (live: it names the record's own blobId, which
	// stays); PATCH changes the description only.
	info["id"], info["version"] = id, 0
	for blob, want := range map[any]string{nil: "blobId: must not be blank", "someone-else": "blobId: invalid value"} {
		info["blobId"] = blob
		if status, body := c.upload("PUT", "audio-file/"+id, info, muLawWAV(10)); status != 400 || messages(body)[0] != want {
			t.Errorf("replace with blobId %v: %d %q, want 400 %q", blob, status, messages(body), want)
		}
	}
	info["blobId"] = created["blobId"]
	status, replaced := c.upload("PUT", "audio-file/"+id, info, muLawWAV(10))
	if status != http.StatusOK || replaced["blobId"] != created["blobId"] || replaced["version"] != 1.0 {
		t.Errorf("replace: %d %v", status, replaced)
	}
	resp, _ = http.Get(got["url"].(string))
	if b, _ := io.ReadAll(resp.Body); !bytes.Equal(b, muLawWAV(10)) {
		t.Errorf("after the replace the blob serves %d bytes, want the new %d", len(b), len(muLawWAV(10)))
	}
	resp.Body.Close()
	if got := c.object("PATCH", "audio-file/"+id, map[string]any{"description": "Hi"}, http.StatusOK); got["description"] != "Hi" || got["name"] != "greeting.wav" {
		t.Errorf("PATCH: %v", got)
	}
	c.object("PATCH", "audio-file/"+id, map[string]any{"name": "other.wav"}, http.StatusBadRequest)

	// What is refused.
	riff := append([]byte("RIFF\x04\x00\x00\x00WAVE"), wav[12:20]...)
	for name, tt := range map[string]struct {
		info    map[string]any
		content []byte
		status  int
		want    string
	}{
		"not a WAV":     {map[string]any{"name": "a.wav", "contentType": "AUDIO_WAV"}, []byte("ID3 mp3 data"), 400, "audioFile: is not a WAV file"},
		"truncated WAV": {map[string]any{"name": "a.wav", "contentType": "AUDIO_WAV"}, riff, 400, "audioFile: is not a WAV file"},
		"no .wav name":  {map[string]any{"name": "a.mp3", "contentType": "AUDIO_WAV"}, wav, 400, "name: must end with the .wav extension"},
		"bad type":      {map[string]any{"name": "a.wav", "contentType": "AUDIO_MP3"}, wav, 400, "contentType: must be one of"},
		"no info":       {nil, wav, 400, "audioFileInfo: must not be null"},
		"no file":       {map[string]any{"name": "a.wav", "contentType": "AUDIO_WAV"}, nil, 400, "audioFile: must not be null"},
		"duplicate":     {map[string]any{"name": "welcome.wav", "contentType": "AUDIO_WAV"}, wav, 409, "Similar entity is already present"},
	} {
		status, body := c.upload("POST", "audio-file", tt.info, tt.content)
		if status != tt.status || !strings.Contains(strings.Join(messages(body), " "), tt.want) {
			t.Errorf("%s: %d %q, want %d %q", name, status, messages(body), tt.status, tt.want)
		}
	}
	// live: a JSON upload is a bare 500; a metadata part not declared JSON a 415.
	if status, _ := c.raw("POST", "audio-file", info, "application/json"); status != http.StatusInternalServerError {
		t.Errorf("JSON upload: %d, want 500", status)
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormField("audioFileInfo")
	json.NewEncoder(fw).Encode(map[string]any{"name": "plain.wav", "contentType": "AUDIO_WAV"})
	fw, _ = mw.CreateFormFile("audioFile", "plain.wav")
	fw.Write(wav)
	mw.Close()
	if status, _ := c.raw("POST", "audio-file", b.Bytes(), mw.FormDataContentType()); status != http.StatusUnsupportedMediaType {
		t.Errorf("metadata part without Content-Type: %d, want 415", status)
	}
	// Queues play the hold music: it cannot go.
	c.object("DELETE", "audio-file/"+c.idOf("v2/audio-file", "name", "hold-music.wav"), nil, http.StatusPreconditionFailed)
	c.object("DELETE", "audio-file/"+id, nil, http.StatusOK) // the spec: 200
	c.s.mu.RLock()
	defer c.s.mu.RUnlock()
	if _, ok := c.s.st.blobs[replaced["blobId"].(string)]; ok {
		t.Error("the content outlived its audio file")
	}
}

func TestIsWAV(t *testing.T) {
	good := muLawWAV(3)
	if !isWAV(good) {
		t.Fatal("muLawWAV is not a WAV")
	}
	for name, b := range map[string][]byte{
		"empty": nil, "short": good[:11], "no data chunk": good[:len(good)-12], "RIFX": append([]byte("RIFX"), good[4:]...),
		"oversized chunk": append(append([]byte{}, good[:16]...), 0xff, 0xff, 0xff, 0x7f),
	} {
		if isWAV(b) {
			t.Errorf("%s accepted", name)
		}
	}
}

package webex

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"testing"
)

func TestUploadAudio(t *testing.T) {
	wav := append([]byte("RIFF\x24\x00\x00\x00WAVEfmt "), make([]byte, 64)...)
	tests := []struct {
		name, id, wantMethod, wantPath string
	}{
		{"create", "", "POST", "/organization/org-1/audio-file"},
		{"replace", "a1", "PUT", "/organization/org-1/audio-file/a1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			type part struct {
				ctype, file string
				data        []byte
			}
			parts := map[string]part{}
			var method, path string
			c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				method, path = r.Method, r.URL.Path
				mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
				if err != nil || mt != "multipart/form-data" {
					t.Fatalf("content type %q", r.Header.Get("Content-Type"))
				}
				mr := multipart.NewReader(r.Body, params["boundary"])
				for {
					p, err := mr.NextPart()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatal(err)
					}
					data, _ := io.ReadAll(p)
					parts[p.FormName()] = part{p.Header.Get("Content-Type"), p.FileName(), data}
				}
				fmt.Fprint(w, `{"id":"a1","name":"welcome \"main\".wav","blobId":"b1","version":1}`)
			}), Options{}, false)
			info := Object{"name": `welcome "main".wav`, "contentType": "AUDIO_WAV", "description": "Greeting"}
			got, err := c.UploadAudio(context.Background(), info, `welcome "main".wav`, wav, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if method != tt.wantMethod || path != tt.wantPath {
				t.Errorf("sent %s %s", method, path)
			}
			meta := parts["audioFileInfo"]
			var sentInfo map[string]any
			if meta.ctype != "application/json" || json.Unmarshal(meta.data, &sentInfo) != nil || sentInfo["contentType"] != "AUDIO_WAV" {
				t.Errorf("audioFileInfo part = %q %s", meta.ctype, meta.data)
			}
			file := parts["audioFile"]
			if file.ctype != "audio/wav" || file.file != `welcome "main".wav` || string(file.data) != string(wav) {
				t.Errorf("audioFile part = %q %q %d bytes", file.ctype, file.file, len(file.data))
			}
			if got["id"] != "a1" || got["blobId"] != "b1" {
				t.Errorf("returned %v", got)
			}
		})
	}
}

func TestUploadAudioErrorNamesTheFile(t *testing.T) {
	c, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(400)
		fmt.Fprint(w, `{"error":{"reason":"name: must carry the .wav extension"}}`)
	}), Options{}, false)
	_, err := c.UploadAudio(context.Background(), Object{"name": "hold"}, "hold", []byte("x"), "")
	want := "audio file hold: POST /organization/org-1/audio-file: 400 Bad Request: name: must carry the .wav extension"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant %s", err, want)
	}
}

package jobs

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/sheets"
)

// Audio files are deleted by a sheet of their names with DELETE in the Action column
// (DELETE audio-file/{id}, one a request): hold-music.wav, which queues play, is
// refused before submit naming them, and the job sends no delete for it; a prompt
// nothing plays is deleted, its sound kept with the job, and the undo of that job
// uploads it again, byte for byte; the undo of an upload deletes what it created.
func TestDeleteAudioFiles(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx := context.Background()
	dir := t.TempDir()
	p, err := sheets.PackAudio(writeWAVs(t, dir, "spare-prompt.wav", "new-prompt.wav"), filepath.Join(dir, "spare.zip"))
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := ReadPackage(p.Path)
	if err != nil {
		t.Fatal(err)
	}
	upload := e.submitRun("audio_file", pkg)
	if upload.Status != Completed {
		t.Fatalf("upload: %s\n%s", upload.Status, e.errorCSV(upload.ID))
	}

	d := e.draftOf(t, "audio_file", "File Name,Action\nhold-music.wav,DELETE\nspare-prompt.wav,DELETE\n")
	if err := d.Check(ctx, e.api); err != nil {
		t.Fatal(err)
	}
	pl := d.Preview.Plan
	if d.Preview.Deletes != 1 || d.Preview.Failing != 1 || len(pl) != 2 {
		t.Fatalf("the plan: %d deletes, %d failing: %+v", d.Preview.Deletes, d.Preview.Failing, pl)
	}
	for _, x := range pl {
		switch x.Key {
		case "hold-music.wav":
			if x.Action != ActFail || !strings.HasPrefix(x.Reason, "Audio File hold-music.wav is used by ") || !strings.Contains(x.Reason, " queues") {
				t.Errorf("hold-music.wav, which queues play: %+v", x)
			}
		case "spare-prompt.wav":
			if x.Action != ActDelete {
				t.Errorf("spare-prompt.wav: %+v", x)
			}
		}
	}
	_, n := e.log.since(0)
	j, err := e.eng.SubmitDraft(ctx, d, "admin@example.com")
	if err == nil {
		j, err = e.eng.Run(ctx, j.ID, nil)
	}
	if err != nil || j.Succeeded != 1 || j.Failed != 1 {
		t.Fatalf("the delete job: %v, %d succeeded, %d failed\n%s", err, j.Succeeded, j.Failed, e.errorCSV(j.ID))
	}
	sent, _ := e.log.since(n)
	if w := writes(sent); len(w) != 1 || !strings.HasPrefix(w[0], "DELETE audio-file/") {
		t.Errorf("the job sent %v, want one DELETE audio-file/{id}", w)
	}
	if names := e.names("audio_file"); names["hold-music.wav"] != 1 || names["spare-prompt.wav"] != 0 {
		t.Errorf("audio files after the job: %v", names)
	}
	// The delete's undo uploads the sound the job kept.
	u, _ := e.undoRun(t, j.ID, UndoOptions{})
	if u.Draft.Preview.Creates != 1 || len(u.Left) != 0 {
		t.Errorf("the undo of the delete: %d creates, left %+v", u.Draft.Preview.Creates, u.Left)
	}
	if got := e.sound(t, "spare-prompt.wav"); string(got) != string(wav(400)) {
		t.Errorf("spare-prompt.wav after the undo: %d bytes, want the %d uploaded", len(got), len(wav(400)))
	}

	// The upload's undo: spare-prompt.wav is not the file it uploaded any more (the delete
	// took that one), new-prompt.wav is deleted.
	u, _ = e.undoRun(t, upload.ID, UndoOptions{})
	if len(u.Left) != 1 || u.Left[0].Key != "spare-prompt.wav" || u.Draft.Preview.Deletes != 1 {
		t.Errorf("the undo of the upload: %+v, %d deletes", u.Left, u.Draft.Preview.Deletes)
	}
	if names := e.names("audio_file"); names["new-prompt.wav"] != 0 || names["hold-music.wav"] != 1 {
		t.Errorf("audio files after the upload's undo: %v", names)
	}
}

// sound is the WAV bytes of the organization's audio file name.
func (e *env) sound(t *testing.T, name string) []byte {
	t.Helper()
	obj, err := e.api.Get(context.Background(), "audio-file", e.id("audio_file", name))
	if err != nil {
		t.Fatal(err)
	}
	data, err := e.api.AudioSound(context.Background(), str(obj["blobId"]))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

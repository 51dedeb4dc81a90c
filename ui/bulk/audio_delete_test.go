package bulk

import (
	"strings"
	"testing"
)

// Audio files are deleted from the window by a file of their names with DELETE in the
// Action column: the check names the one a queue plays and refuses it, and counts the
// other as a delete.
func TestImportAudioDeletes(t *testing.T) {
	e := newEnv(t)
	f, _ := e.checkFile("audio_file", "prompts.csv", "File Name,Action\nhold-music.wav,DELETE\nwelcome.wav,DELETE\n")
	c := f.imp.checked
	if c == nil || c.Deletes != 1 || c.Failing != 1 {
		t.Fatalf("the check: %+v; summary %q", c, f.imp.summary.Text)
	}
	if all := strings.Join(texts(e.win), "\n"); !strings.Contains(all, "hold-music.wav is used by ") {
		t.Errorf("the check does not say what plays hold-music.wav: %q", all)
	}
}

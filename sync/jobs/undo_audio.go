package jobs

import (
	"os"
	"path/filepath"
)

// keptFile is an audio file a job deleted, with the sound the job kept of it.
type keptFile struct {
	name string
	data []byte
}

// audioDraft is the undo of a job that deleted audio files: their kept sounds, written
// as WAV files to a directory of their own and drafted as an upload (a zip of them), so
// that the undo's plan and job are those of any upload. The directory stays while the
// draft may be checked (it reads the files again); SubmitUndo removes it.
func (b *undoBuilder) audioDraft(id string) (*Draft, error) {
	dir, err := os.MkdirTemp("", "bulkops-undo-")
	if err != nil {
		return nil, err
	}
	b.u.dir = dir
	var paths []string
	for _, f := range b.sounds {
		p := filepath.Join(dir, filepath.Base(f.name))
		if err := os.WriteFile(p, f.data, 0o600); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	d, err := BuildDraft(DraftSource{Audio: paths, Name: "undo of " + id})
	if err != nil {
		return nil, err
	}
	d.Package.Source = "undo of " + id
	return d, nil
}

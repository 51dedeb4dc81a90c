package jobs

import (
	"context"
	"encoding/base64"

	"github.com/bulkops/bulkops/sync/webex"
)

// Audio files: a delete keeps the file's sound with its record, so that its undo can
// upload it again (the record alone — name, id, blobId — cannot make the file).
func init() {
	special["audio_file"] = hooks{kept: keptAudio}
}

// keptSound is the field of an audio file as a delete keeps it that holds its WAV bytes
// (base64, as JSON carries bytes).
const keptSound = "bulkopsKeptSound"

// soundReader reads an audio file's bytes (webex.Client.AudioSound).
type soundReader interface {
	AudioSound(ctx context.Context, blobID string) ([]byte, error)
}

// keptAudio is o with its sound, when the client can read it; else o as it is, and the
// undo says it cannot create the file again.
func keptAudio(ctx context.Context, m *mapper, o webex.Object) (webex.Object, error) {
	sr, ok := client(m.res.api).(soundReader)
	if !ok {
		return o, nil
	}
	data, err := sr.AudioSound(ctx, str(o["blobId"]))
	if err != nil {
		return nil, err
	}
	out := make(webex.Object, len(o)+1)
	for k, v := range o {
		out[k] = v
	}
	out[keptSound] = base64.StdEncoding.EncodeToString(data)
	return out, nil
}

// soundOf is the sound a delete kept of the audio file o, nil when none.
func soundOf(o webex.Object) []byte {
	s, _ := o[keptSound].(string)
	data, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(data) == 0 {
		return nil
	}
	return data
}

package sheets

import (
	"github.com/bulkops/bulkops/internal/i18n"

	"encoding/binary"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Audio files go to Control Hub as a zip of WAV files, not as CSV. The API takes names of
// at most 80 characters of letters, digits, spaces, '.', '_' and '-', ending in .wav, and
// Cisco's TAC note 220878 says Webex Contact Center plays 8 kHz mono 8-bit μ-law WAV; other
// encodings may upload and then stay silent in a flow, hence the warning.

const audioMaxName = 80

var audioNamePattern = regexp.MustCompile(`^[a-zA-Z0-9._\-\s]*$`)

// WAVE format codes (the fmt chunk's wFormatTag).
const (
	wavPCM        = 1
	wavFloat      = 3
	wavALaw       = 6
	wavMuLaw      = 7
	wavExtensible = 0xFFFE
)

// AudioFormat is what a WAV file's fmt and data chunks say about its sound.
type AudioFormat struct {
	Code          uint16 // WAVE format code (an extensible file's sub-format): 1 PCM, 7 μ-law, …
	Channels      int
	SampleRate    int // samples per second
	BitsPerSample int
	DataBytes     int64 // size of the sound data
}

// AudioFile is one file of an audio zip.
type AudioFile struct {
	Name   string // file name, without the folders it had in the zip
	Data   []byte
	Format AudioFormat // zero when the file is not a readable WAV
}

// Best reports whether the format is what Webex plays best: 8 kHz mono 8-bit μ-law.
func (f AudioFormat) Best() bool {
	return f.Code == wavMuLaw && f.SampleRate == 8000 && f.Channels == 1 && f.BitsPerSample == 8
}

// Duration is how long the sound plays.
func (f AudioFormat) Duration() time.Duration {
	perSec := int64(f.SampleRate) * int64(f.Channels) * int64(f.BitsPerSample) / 8
	if perSec <= 0 {
		return 0
	}
	return time.Duration(f.DataBytes * int64(time.Second) / perSec)
}

// String describes the format: "8 kHz mono 8-bit μ-law", "44.1 kHz stereo 16-bit PCM".
func (f AudioFormat) String() string {
	ch := strconv.Itoa(f.Channels) + " channels"
	switch f.Channels {
	case 1:
		ch = "mono"
	case 2:
		ch = "stereo"
	}
	khz := strconv.FormatFloat(float64(f.SampleRate)/1000, 'f', -1, 64)
	return fmt.Sprintf("%s kHz %s %d-bit %s", khz, ch, f.BitsPerSample, wavCodeName(f.Code))
}

func wavCodeName(c uint16) string {
	switch c {
	case wavPCM:
		return "PCM"
	case wavFloat:
		return "floating-point PCM"
	case wavALaw:
		return "A-law"
	case wavMuLaw:
		return "μ-law"
	case 2, 0x11:
		return "ADPCM"
	case 0x55:
		return "MP3"
	}
	return fmt.Sprintf("format 0x%04X", c)
}

// CheckAudio checks one audio file: its name as the API takes it, that it is really a WAV
// file (RIFF/WAVE with a fmt and a data chunk), and warns when it is not 8 kHz mono μ-law.
// name may carry folders; the file name is what is checked.
func CheckAudio(name string, data []byte) []Finding {
	fs, _ := checkAudio(name, name, data)
	return fs
}

// checkAudio checks the file whose findings name file (a path, or zip!entry) and whose
// audio-file name is the base of name.
func checkAudio(file, name string, data []byte) ([]Finding, AudioFormat) {
	var fs []Finding
	add := func(sev Severity, msg i18n.Msg) {
		fs = append(fs, NewFinding(file, 0, -1, "", sev, msg))
	}
	base := audioBase(name)
	for _, p := range audioNameProblems(base) {
		add(Error, p)
	}
	f, warn, err := parseWAV(data)
	if err != nil {
		add(Error, i18n.Of(err))
		return fs, AudioFormat{}
	}
	if !warn.IsZero() {
		add(Warning, warn)
	}
	switch {
	case f.DataBytes == 0:
		add(Warning, i18n.M("the file holds no sound: its data chunk is empty"))
	case !f.Best():
		add(Warning, i18n.M("Webex plays 8 kHz mono μ-law best; this file is %s and may stay silent in a flow: convert it (sox in.wav -r 8000 -c 1 -e u-law out.wav)", f))
	}
	return fs, f
}

// audioBase is the file name of a path inside a zip or on disk.
func audioBase(name string) string {
	return path.Base(strings.ReplaceAll(name, `\`, "/"))
}

// audioNameProblems says what the API would refuse in an audio file name.
func audioNameProblems(base string) []i18n.Msg {
	var ps []i18n.Msg
	if n := runeLen(base); n > audioMaxName {
		ps = append(ps, i18n.M("the name %q is %d characters long; at most %d are allowed", base, n, audioMaxName))
	}
	if !strings.EqualFold(path.Ext(base), ".wav") {
		ps = append(ps, i18n.M("the name %q must end in .wav", base))
	}
	if !audioNamePattern.MatchString(base) {
		var bad []string
		seen := map[rune]bool{}
		for _, r := range base {
			if !seen[r] && !audioNamePattern.MatchString(string(r)) {
				seen[r] = true
				bad = append(bad, strconv.QuoteRune(r))
			}
		}
		ps = append(ps, i18n.M("the name %q may contain only the letters A–Z without accents, digits, spaces, '.', '_' and '-', not %s", base, strings.Join(bad, " ")))
	}
	return ps
}

// parseWAV reads the RIFF chunks of a WAV file without trusting any size it states. It
// returns a warning for a damaged but playable file (a data chunk cut short).
func parseWAV(b []byte) (f AudioFormat, warn i18n.Msg, err error) {
	if len(b) < 12 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		if len(b) >= 4 && string(b[0:4]) == "RIFX" {
			return f, i18n.Msg{}, i18n.Errorf("the file is a big-endian (RIFX) WAV, which Webex does not play; save it as a standard WAV")
		}
		return f, i18n.Msg{}, i18n.Errorf("the file is not a WAV file: it does not start with a RIFF/WAVE header")
	}
	haveFmt, haveData := false, false
	for off := 12; off+8 <= len(b); {
		id, size := string(b[off:off+4]), int64(binary.LittleEndian.Uint32(b[off+4:off+8]))
		body := off + 8
		end := int64(body) + size
		if end > int64(len(b)) {
			if id != "data" {
				return f, i18n.Msg{}, i18n.Errorf("the file is damaged: its %q chunk runs past the end of the file", strings.TrimSpace(id))
			}
			warn = i18n.M("the file is cut short: its data chunk says it is longer than the file")
			end = int64(len(b))
		}
		switch id {
		case "fmt ":
			if err := parseFmt(b[body:end], &f); err != nil {
				return f, i18n.Msg{}, err
			}
			haveFmt = true
		case "data":
			if !haveData {
				f.DataBytes = end - int64(body)
			}
			haveData = true
		}
		off = int(end + end%2) // chunks are padded to an even size
	}
	switch {
	case !haveFmt:
		return f, i18n.Msg{}, i18n.Errorf("the file is not a usable WAV file: it has no fmt chunk")
	case !haveData:
		return f, i18n.Msg{}, i18n.Errorf("the file is not a usable WAV file: it has no data chunk")
	}
	return f, warn, nil
}

func parseFmt(c []byte, f *AudioFormat) error {
	if len(c) < 16 {
		return i18n.Errorf("the file is damaged: its fmt chunk is too short")
	}
	f.Code = binary.LittleEndian.Uint16(c[0:2])
	f.Channels = int(binary.LittleEndian.Uint16(c[2:4]))
	f.SampleRate = int(binary.LittleEndian.Uint32(c[4:8]))
	f.BitsPerSample = int(binary.LittleEndian.Uint16(c[14:16]))
	if f.Code == wavExtensible && len(c) >= 26 {
		f.Code = binary.LittleEndian.Uint16(c[24:26]) // the sub-format GUID starts with the code
	}
	if f.Channels == 0 || f.SampleRate == 0 {
		return i18n.Errorf("the file is damaged: its fmt chunk gives no channels or no sample rate")
	}
	return nil
}

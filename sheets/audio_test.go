package sheets

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// vWAV encodes a WAV file: a RIFF/WAVE header, a fmt chunk (extensible when ext is set)
// and samples bytes of sound.
func vWAV(code uint16, rate, channels, bits, samples int, ext bool) []byte {
	var fmtc bytes.Buffer
	tag := code
	if ext {
		tag = wavExtensible
	}
	align := channels * bits / 8
	for _, v := range []any{tag, uint16(channels), uint32(rate), uint32(rate * align), uint16(align), uint16(bits)} {
		binary.Write(&fmtc, binary.LittleEndian, v)
	}
	if ext {
		binary.Write(&fmtc, binary.LittleEndian, uint16(22))
		binary.Write(&fmtc, binary.LittleEndian, uint16(bits))
		binary.Write(&fmtc, binary.LittleEndian, uint32(4))
		binary.Write(&fmtc, binary.LittleEndian, code)
		fmtc.Write([]byte("\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71"))
	}
	data := make([]byte, samples*align)
	for i := range data {
		data[i] = byte(i * 7)
	}
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(4+8+fmtc.Len()+8+len(data)))
	b.WriteString("WAVE")
	chunk := func(id string, body []byte) {
		b.WriteString(id)
		binary.Write(&b, binary.LittleEndian, uint32(len(body)))
		b.Write(body)
		if len(body)%2 == 1 {
			b.WriteByte(0)
		}
	}
	chunk("LIST", []byte("INFOISFT\x03\x00\x00\x00sox\x00")) // an odd-sized chunk before fmt
	chunk("fmt ", fmtc.Bytes())
	chunk("data", data)
	return b.Bytes()
}

var vMuLaw = vWAV(wavMuLaw, 8000, 1, 8, 8000, false) // one second, as Webex wants it

func TestCheckAudio(t *testing.T) {
	cut := func(b []byte, n int) []byte { return b[:len(b)-n] }
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"welcome.wav", vMuLaw, nil},
		{"prompts/Welcome Line-2_v1.0.WAV", vMuLaw, nil},
		{"ext.wav", vWAV(wavMuLaw, 8000, 1, 8, 10, true), nil},
		{"music.wav", vWAV(wavPCM, 44100, 2, 16, 10, false), []string{
			"warning: Webex plays 8 kHz mono μ-law best; this file is 44.1 kHz stereo 16-bit PCM and may stay silent in a flow: convert it (sox in.wav -r 8000 -c 1 -e u-law out.wav)"}},
		{"alaw.wav", vWAV(wavALaw, 8000, 1, 8, 10, true), []string{
			"warning: Webex plays 8 kHz mono μ-law best; this file is 8 kHz mono 8-bit A-law and may stay silent in a flow: convert it (sox in.wav -r 8000 -c 1 -e u-law out.wav)"}},
		{"silent.wav", vWAV(wavMuLaw, 8000, 1, 8, 0, false), []string{"warning: the file holds no sound: its data chunk is empty"}},
		{"short.wav", cut(vMuLaw, 100), []string{"warning: the file is cut short: its data chunk says it is longer than the file"}},
		{"song.mp3", []byte("ID3\x03\x00\x00\x00\x00\x00\x00"), []string{
			`error: the name "song.mp3" must end in .wav`,
			"error: the file is not a WAV file: it does not start with a RIFF/WAVE header"}},
		{"big.wav", []byte("RIFX\x00\x00\x00\x00WAVE"), []string{
			"error: the file is a big-endian (RIFX) WAV, which Webex does not play; save it as a standard WAV"}},
		{"nofmt.wav", []byte("RIFF\x0c\x00\x00\x00WAVEdata\x00\x00\x00\x00"), []string{
			"error: the file is not a usable WAV file: it has no fmt chunk"}},
		{"nodata.wav", vMuLaw[:12+8+16+8+16], []string{"error: the file is not a usable WAV file: it has no data chunk"}},
		{"badfmt.wav", []byte("RIFF\x14\x00\x00\x00WAVEfmt \x04\x00\x00\x00\x07\x00\x01\x00"), []string{
			"error: the file is damaged: its fmt chunk is too short"}},
		{"cutfmt.wav", vMuLaw[:12+8+16+8+5], []string{`error: the file is damaged: its "fmt" chunk runs past the end of the file`}},
		{"héllo wörld#1.wav", vMuLaw, []string{
			`error: the name "héllo wörld#1.wav" may contain only the letters A–Z without accents, digits, spaces, '.', '_' and '-', not 'é' 'ö' '#'`}},
		{strings.Repeat("a", 77) + ".wav", vMuLaw, []string{
			`error: the name "` + strings.Repeat("a", 77) + `.wav" is 81 characters long; at most 80 are allowed`}},
		{strings.Repeat("a", 76) + ".wav", vMuLaw, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range CheckAudio(tt.name, tt.data) {
			if f.File != tt.name || f.Row != 0 || f.Col != -1 {
				t.Errorf("%s: finding located at %q:%d:%d", tt.name, f.File, f.Row, f.Col)
			}
			got = append(got, f.Severity.String()+": "+f.Message)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got  %q\n want %q", tt.name, got, tt.want)
		}
	}
}

func TestAudioFormat(t *testing.T) {
	f, warn, err := parseWAV(vMuLaw)
	if err != nil || !warn.IsZero() {
		t.Fatal(err, warn)
	}
	if !f.Best() || f.String() != "8 kHz mono 8-bit μ-law" || f.Duration().Seconds() != 1 || f.DataBytes != 8000 {
		t.Errorf("format %+v %s %v", f, f, f.Duration())
	}
}

// TestParseWAVNeverPanics feeds every prefix of good files and random damage to the parser.
func TestParseWAVNeverPanics(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, good := range [][]byte{vMuLaw[:200], vWAV(wavPCM, 16000, 2, 16, 40, true)} {
		for n := 0; n <= len(good); n++ {
			parseWAV(good[:n])
		}
		for i := 0; i < 2000; i++ {
			b := slices.Clone(good)
			for k := 0; k < 1+rng.IntN(4); k++ {
				b[rng.IntN(len(b))] = byte(rng.IntN(256))
			}
			parseWAV(b)
		}
	}
}

func FuzzParseWAV(f *testing.F) {
	f.Add(vMuLaw[:100])
	f.Add(vWAV(wavPCM, 44100, 2, 16, 3, true))
	f.Fuzz(func(t *testing.T, b []byte) { parseWAV(b) })
}

func vWriteWAVs(t *testing.T, dir string, files map[string][]byte) []string {
	t.Helper()
	var paths []string
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// TestPackAudioRoundTrip packs WAV files and reads the zip back: the same names, bytes
// and formats, and the warning about the file Webex plays badly.
func TestPackAudioRoundTrip(t *testing.T) {
	dir := t.TempDir()
	music := vWAV(wavPCM, 44100, 2, 16, 100, false)
	paths := vWriteWAVs(t, filepath.Join(dir, "in"), map[string][]byte{"welcome.wav": vMuLaw, "music.wav": music})
	p, err := PackAudio(paths, filepath.Join(dir, "prompts"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Path != filepath.Join(dir, "prompts.zip") || p.Object != "audio_file" || p.Records != 2 ||
		!slices.Equal(p.Files, []string{"music.wav", "welcome.wav"}) {
		t.Errorf("package %+v", p)
	}
	files, fs, err := ReadAudioZip(p.Path)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Name != "music.wav" || !bytes.Equal(files[0].Data, music) ||
		files[1].Name != "welcome.wav" || !bytes.Equal(files[1].Data, vMuLaw) || !files[1].Format.Best() {
		t.Errorf("read back %d files", len(files))
	}
	if len(fs) != 1 || fs[0].Severity != Warning || fs[0].File != p.Path+"!music.wav" {
		t.Errorf("findings %q", vLines(fs))
	}
}

func TestPackAudioRefuses(t *testing.T) {
	dir := t.TempDir()
	paths := vWriteWAVs(t, filepath.Join(dir, "in"), map[string][]byte{
		"a/welcome.wav": vMuLaw, "b/welcome.wav": vMuLaw, "notes.txt": []byte("hello")})
	out := filepath.Join(dir, "out.zip")
	_, err := PackAudio(paths, out)
	var fe *FindingsError
	if !errors.As(err, &fe) {
		t.Fatalf("got %v, want a *FindingsError", err)
	}
	var got []string
	for _, f := range fe.Findings {
		got = append(got, filepath.Base(f.File)+": "+f.Message)
	}
	want := []string{
		"welcome.wav: welcome.wav has the same name as " + paths[0] + "; one zip cannot hold both",
		`notes.txt: the name "notes.txt" must end in .wav`,
		"notes.txt: the file is not a WAV file: it does not start with a RIFF/WAVE header",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings\n got  %q\n want %q", got, want)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a refused package was written")
	}
	if es := vDirEntries(t, dir); !slices.Equal(es, []string{"in"}) {
		t.Errorf("left behind: %q", es)
	}
	if _, err := PackAudio(nil, out); err == nil {
		t.Errorf("an empty package was written")
	}
}

func vZipFile(t *testing.T, entries map[string][]byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "audio.zip")
	f, _ := os.Create(p)
	zw := zip.NewWriter(f)
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, _ := zw.Create(n)
		w.Write(entries[n])
	}
	zw.Close()
	f.Close()
	return p
}

func TestReadAudioZip(t *testing.T) {
	p := vZipFile(t, map[string][]byte{
		"prompts/welcome.wav": vMuLaw, "other/Welcome.wav": vMuLaw, "readme.txt": []byte("x"),
		"__MACOSX/._welcome.wav": []byte("junk"),
	})
	files, fs, err := ReadAudioZip(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Errorf("%d files, want 3 (macOS litter left out, nothing else)", len(files))
	}
	want := []string{
		"audio.zip!prompts/welcome.wav:0:: error: welcome.wav has the same name as other/Welcome.wav in this zip; Webex would keep one of them",
		"audio.zip!readme.txt:0:: error: the file is not a WAV file: it does not start with a RIFF/WAVE header",
		`audio.zip!readme.txt:0:: error: the name "readme.txt" must end in .wav`,
	}
	var got []string
	for _, f := range fs {
		f.File = strings.TrimPrefix(f.File, filepath.Dir(p)+string(filepath.Separator))
		got = append(got, f.String())
	}
	vDiff(t, got, want)

	if _, _, err := ReadAudioZip(vZipFile(t, map[string][]byte{"../evil.wav": vMuLaw})); err == nil ||
		!strings.Contains(err.Error(), "climbs out") {
		t.Errorf("a path climbing out of the zip: %v", err)
	}
	if _, _, err := ReadAudioZip(filepath.Join(t.TempDir(), "missing.zip")); err == nil {
		t.Errorf("a missing zip read fine")
	}
	_, fs, err = ReadAudioZip(vZipFile(t, nil))
	if err != nil || len(fs) != 1 || fs[0].Message != "the zip holds no audio files" {
		t.Errorf("empty zip: %v %q", err, vLines(fs))
	}
}

// TestAudioRulesMatchCatalog: the name rules above are the catalog's File Name column.
func TestAudioRulesMatchCatalog(t *testing.T) {
	o := vObject(t, "audio_file")
	c := o.Columns[o.Column("File Name")]
	if c.MaxLength != audioMaxName {
		t.Errorf("catalog allows %d characters, audio.go %d", c.MaxLength, audioMaxName)
	}
	re := checkRegexp(c.Pattern)
	for _, n := range []string{"a.wav", "A b-c_d.WAV", "x.mp3", "é.wav", "a#.wav", "wav", ".wav"} {
		if ok := re.MatchString(n); ok != (len(audioNameProblems(n)) == 0) {
			t.Errorf("%q: catalog says %v, audio.go says %q", n, ok, audioNameProblems(n))
		}
	}
}

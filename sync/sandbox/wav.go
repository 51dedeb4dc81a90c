package sandbox

import (
	"bytes"
	"encoding/binary"
)

// isWAV reports whether b is a RIFF/WAVE file with a fmt and a data chunk: the only
// audio the sandbox accepts, as Webex plays only .wav prompts.
func isWAV(b []byte) bool {
	if len(b) < 12 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return false
	}
	var fmtOK, data bool
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:p+8]))
		if size < 0 || p+8+size > len(b) {
			return false
		}
		switch id {
		case "fmt ":
			fmtOK = size >= 16
		case "data":
			data = true
		}
		p += 8 + size + size%2 // chunks are word aligned
	}
	return fmtOK && data
}

// muLawWAV builds a mono 8 kHz 8-bit μ-law WAV (the format Webex plays, api.md §6) of
// n samples of silence.
func muLawWAV(n int) []byte {
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(4 + (8 + 18) + (8 + 4) + (8 + n + n%2)))
	b.WriteString("WAVEfmt ")
	le(uint32(18))
	le(uint16(7))    // WAVE_FORMAT_MULAW
	le(uint16(1))    // channels
	le(uint32(8000)) // sample rate
	le(uint32(8000)) // byte rate
	le(uint16(1))    // block align
	le(uint16(8))    // bits per sample
	le(uint16(0))    // no extension
	b.WriteString("fact")
	le(uint32(4))
	le(uint32(n))
	b.WriteString("data")
	le(uint32(n))
	b.Write(bytes.Repeat([]byte{0xFF}, n)) // μ-law silence
	if n%2 == 1 {
		b.WriteByte(0)
	}
	return b.Bytes()
}

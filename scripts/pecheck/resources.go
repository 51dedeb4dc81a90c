package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// resources reads the resource tree of a .rsrc section: directories of entries by id,
// three levels deep (type, name, language), leaves pointing at data by RVA.
type resources struct {
	data []byte
	base uint32 // the section's virtual address, to turn data RVAs into offsets
}

const subdir = 0x80000000

// dir returns the entries of the directory at off by id: the offset of each entry's
// subdirectory (with the high bit set) or of its data entry.
func (r resources) dir(off uint32) (map[uint32]uint32, error) {
	if int(off)+16 > len(r.data) {
		return nil, fmt.Errorf("resource directory at %#x lies outside .rsrc", off)
	}
	named := binary.LittleEndian.Uint16(r.data[off+12:])
	ids := binary.LittleEndian.Uint16(r.data[off+14:])
	out := map[uint32]uint32{}
	for i := uint32(0); i < uint32(named)+uint32(ids); i++ {
		e := off + 16 + 8*i
		if int(e)+8 > len(r.data) {
			return nil, errors.New("resource directory truncated")
		}
		out[binary.LittleEndian.Uint32(r.data[e:])] = binary.LittleEndian.Uint32(r.data[e+4:])
	}
	return out, nil
}

// count returns how many resources of type t there are (the icon images of the .ico).
func (r resources) count(types map[uint32]uint32, t uint32) (int, error) {
	off, ok := types[t]
	if !ok || off&subdir == 0 {
		return 0, fmt.Errorf("no resource of type %d", t)
	}
	names, err := r.dir(off &^ subdir)
	return len(names), err
}

// leaf follows the first entry down from a type's directory to its data.
func (r resources) leaf(off uint32) ([]byte, error) {
	for off&subdir != 0 {
		entries, err := r.dir(off &^ subdir)
		if err != nil {
			return nil, err
		}
		if len(entries) == 0 {
			return nil, errors.New("empty resource directory")
		}
		off = ^uint32(0)
		for _, o := range entries {
			off = min(off, o) // any one will do; the smallest is the first written
		}
	}
	if int(off)+8 > len(r.data) {
		return nil, errors.New("resource data entry outside .rsrc")
	}
	rva := binary.LittleEndian.Uint32(r.data[off:])
	size := binary.LittleEndian.Uint32(r.data[off+4:])
	start := int64(rva) - int64(r.base)
	if start < 0 || start+int64(size) > int64(len(r.data)) {
		return nil, errors.New("resource data outside .rsrc")
	}
	return r.data[start : start+int64(size)], nil
}

// productVersion reads the ProductVersion string of the version info: a UTF-16 key, then
// its value aligned to 4 bytes, ending in a NUL.
func (r resources) productVersion(off uint32) (string, error) {
	vi, err := r.leaf(off)
	if err != nil {
		return "", err
	}
	key := utf16le("ProductVersion\x00")
	i := bytes.Index(vi, key)
	if i < 0 {
		return "", errors.New("the version info has no ProductVersion")
	}
	i += len(key)
	i = (i + 3) &^ 3
	var u []uint16
	for ; i+1 < len(vi); i += 2 {
		c := binary.LittleEndian.Uint16(vi[i:])
		if c == 0 {
			return string(utf16.Decode(u)), nil
		}
		u = append(u, c)
	}
	return "", errors.New("ProductVersion is not terminated")
}

func utf16le(s string) []byte {
	var b []byte
	for _, c := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}

package sheets

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/internal/atomicfile"
)

// packSink is where a package goes: a file (bulkops pack) or memory (a job's draft). The
// packer is one; only the last step, what receives the bytes, differs.
type packSink struct {
	base string // the files' name without .csv or .zip
	ext  string // the name's extension in lower case, "" when it has none
	// path is the package's path for a file named name (in a message, in Package.Path).
	path func(name string) string
	// write has fill write the package named name; it returns its path and size. The
	// package appears whole or not at all.
	write func(name string, fill func(io.Writer) error) (string, int64, error)
}

// fileSink writes the package at out (atomicfile: a temporary file renamed into place).
func fileSink(out string) packSink {
	dir, base := packBase(out)
	path := func(name string) string { return filepath.Join(dir, name) }
	return packSink{base: base, ext: strings.ToLower(filepath.Ext(out)), path: path,
		write: func(name string, fill func(io.Writer) error) (string, int64, error) {
			p := path(name)
			if err := atomicfile.Write(p, 0o644, fill); err != nil {
				return "", 0, err
			}
			var size int64
			if fi, err := os.Stat(p); err == nil {
				size = fi.Size()
			}
			return p, size, nil
		}}
}

// memorySink keeps the package in buf, under the name base.csv or base.zip (as the
// records need: a name with no directory and no extension).
func memorySink(base string, buf *bytes.Buffer) packSink {
	return packSink{base: base, path: func(name string) string { return name },
		write: func(name string, fill func(io.Writer) error) (string, int64, error) {
			buf.Reset()
			if err := fill(buf); err != nil {
				buf.Reset()
				return "", 0, err
			}
			return name, int64(buf.Len()), nil
		}}
}

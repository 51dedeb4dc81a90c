package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/bulkops/bulkops/internal/atomicfile"
	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// Pipes: "-" for a file read is standard input, "-" for the file written (-o -) is
// standard output. The sheets code reads and writes files by name (a workbook needs to
// seek, a package's format comes from its name), so standard input is first kept in a
// temporary file named for what it holds, and a result for standard output is written
// to a temporary folder and copied out. The temporary names ("stdin.csv",
// "stdout.zip") are what findings and messages say, so the user sees what was read as
// what, and what was written.

// stdinFiles replaces a "-" among files with a temporary copy of standard input, named
// stdin.csv, stdin.xlsx, stdin.zip or stdin.wav by its first bytes (a zip is a workbook
// unless --object names audio files). cleanup removes the copy.
func stdinFiles(files []string, in io.Reader, object *catalog.Object) (paths []string, cleanup func(), err error) {
	i := slices.Index(files, "-")
	if i < 0 {
		return files, func() {}, nil
	}
	if slices.Index(files[i+1:], "-") >= 0 {
		return nil, nil, i18n.Errorf("standard input (-) can be read only once")
	}
	dir, err := os.MkdirTemp("", "bulkops-stdin-")
	if err != nil {
		return nil, nil, err
	}
	cleanup = func() { os.RemoveAll(dir) }
	var head bytes.Buffer
	if _, err := io.CopyN(&head, in, 4); err != nil && err != io.EOF {
		cleanup()
		return nil, nil, err
	}
	path := filepath.Join(dir, "stdin"+stdinExt(head.Bytes(), object))
	f, err := os.Create(path)
	if err == nil {
		_, err = io.Copy(f, io.MultiReader(&head, in))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		cleanup()
		return nil, nil, i18n.Errorf("reading standard input: %w", err)
	}
	paths = slices.Clone(files)
	paths[i] = path
	return paths, cleanup, nil
}

// stdinExt is the extension of what standard input holds, by its first bytes.
func stdinExt(head []byte, object *catalog.Object) string {
	audio := object != nil && object.Format == catalog.FormatAudioZip
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) && audio:
		return ".zip"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return ".xlsx"
	case bytes.HasPrefix(head, []byte("RIFF")):
		return ".wav"
	}
	return ".csv"
}

// toStdout runs write with *out changed to a temporary file named stdout+ext (ext ""
// lets the command pick the extension, as for a package) when *out is "-", and copies
// the file it wrote to d.stdout. The command's own messages ("wrote …") then go to
// stderr, so that stdout holds the file alone. Any other *out is written as it is.
func toStdout(d *deps, out *string, ext string, write func(msgs io.Writer) int) int {
	if *out != "-" {
		if err := atomicfile.NotRegular(*out); err != nil { // before a command adds an extension to it
			return fail(d.stderr, err)
		}
		return write(d.stdout)
	}
	dir, err := os.MkdirTemp("", "bulkops-stdout-")
	if err != nil {
		return fail(d.stderr, err)
	}
	defer os.RemoveAll(dir)
	*out = filepath.Join(dir, "stdout"+ext)
	if code := write(stripping{d.stderr, []byte(dir + string(filepath.Separator))}); code != 0 {
		return code
	}
	written, err := filepath.Glob(filepath.Join(dir, "stdout*"))
	if err != nil || len(written) != 1 {
		return fail(d.stderr, i18n.Errorf("nothing was written for standard output"))
	}
	f, err := os.Open(written[0])
	if err != nil {
		return fail(d.stderr, err)
	}
	defer f.Close()
	if _, err := io.Copy(d.stdout, f); err != nil {
		return fail(d.stderr, i18n.Errorf("writing standard output: %w", err))
	}
	return 0
}

// stripping writes to w with the temporary folder taken out of the paths it names: a
// message says "wrote stdout.zip", what standard output got.
type stripping struct {
	w   io.Writer
	dir []byte
}

func (s stripping) Write(p []byte) (int, error) {
	if _, err := s.w.Write(bytes.ReplaceAll(p, s.dir, nil)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// readingStdin runs run with a "-" among files replaced by standard input (stdinFiles).
// objectKey is --object; an unknown one is left for the command to report.
func readingStdin(d *deps, files []string, objectKey string, run func(files []string) int) int {
	o, _ := catalog.Lookup(objectKey)
	paths, cleanup, err := stdinFiles(files, d.stdin, o)
	if err != nil {
		fmt.Fprintln(d.stderr, "bulkops:", sayErr(err))
		return 2
	}
	defer cleanup()
	return run(paths)
}

package main

import (
	"bytes"
	"encoding/json"
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
// unless --object names audio files). dir is the temporary folder the copy is in, for
// the caller to remove; "" when there was no "-".
func stdinFiles(files []string, in io.Reader, object *catalog.Object) (paths []string, dir string, err error) {
	i := slices.Index(files, "-")
	if i < 0 {
		return files, "", nil
	}
	if slices.Index(files[i+1:], "-") >= 0 {
		return nil, "", i18n.Errorf("standard input (-) can be read only once")
	}
	if dir, err = os.MkdirTemp("", "bulkops-stdin-"); err != nil {
		return nil, "", err
	}
	var head bytes.Buffer
	if _, err := io.CopyN(&head, in, 4); err != nil && err != io.EOF {
		os.RemoveAll(dir)
		return nil, "", err
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
		os.RemoveAll(dir)
		return nil, "", i18n.Errorf("reading standard input: %w", err)
	}
	paths = slices.Clone(files)
	paths[i] = path
	return paths, dir, nil
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
	if code := write(strip(d.stderr, dir)); code != 0 {
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
// message says "wrote stdout.zip", a finding "stdin.csv:2:Type: error: …", in text and
// in JSON (where a Windows path's backslashes are doubled).
type stripping struct {
	w    io.Writer
	dirs [][]byte
}

// strip is w with dir taken out of what is written to it.
func strip(w io.Writer, dir string) io.Writer {
	dir += string(filepath.Separator)
	quoted, _ := json.Marshal(dir)
	return stripping{w, [][]byte{[]byte(dir), bytes.Trim(quoted, `"`)}}
}

func (s stripping) Write(p []byte) (int, error) {
	q := p
	for _, dir := range s.dirs {
		q = bytes.ReplaceAll(q, dir, nil)
	}
	if _, err := s.w.Write(q); err != nil {
		return 0, err
	}
	return len(p), nil
}

// readingStdin runs run with a "-" among files replaced by standard input (stdinFiles).
// objectKey is --object; an unknown one is left for the command to report.
func readingStdin(d *deps, files []string, objectKey string, run func(d *deps, files []string) int) int {
	o, _ := catalog.Lookup(objectKey)
	paths, dir, err := stdinFiles(files, d.stdin, o)
	if err != nil {
		fmt.Fprintln(d.stderr, "bulkops:", sayErr(err))
		return 2
	}
	if dir == "" {
		return run(d, paths)
	}
	defer os.RemoveAll(dir)
	piped := *d
	piped.stdout, piped.stderr = strip(d.stdout, dir), strip(d.stderr, dir)
	return run(&piped, paths)
}

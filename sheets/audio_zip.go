package sheets

import (
	"github.com/bulkops/bulkops/internal/i18n"

	"github.com/bulkops/bulkops/internal/atomicfile"

	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// audioObject is the catalog key of audio files.
const audioObject = "audio_file"

// PackAudio writes WAV files into one zip at out (with a .zip extension), as Control Hub's
// Bulk Operations takes audio files. Nothing is written, and a *FindingsError returned,
// when a file is not a WAV, has a name the API refuses, or shares its name with another.
// Warnings (a format Webex plays badly) do not stop it.
func PackAudio(files []string, out string) (*Package, error) {
	if len(files) == 0 {
		return nil, fmt.Errorf("pack audio: no files given")
	}
	dir, base := packBase(out)
	p := &Package{Path: filepath.Join(dir, base+".zip"), Object: audioObject, Records: len(files)}
	var errs []Finding
	err := atomicfile.Write(p.Path, 0o644, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		seen := map[string]string{}
		for _, file := range files {
			data, err := readAudioFile(file)
			if err != nil {
				return err
			}
			fs, _ := checkAudio(file, file, data)
			name := audioBase(file)
			if other, dup := seen[strings.ToLower(name)]; dup {
				fs = append(fs, NewFinding(file, 0, -1, "", Error,
					i18n.M("%s has the same name as %s; one zip cannot hold both", name, other)))
			}
			seen[strings.ToLower(name)] = file
			if errs = append(errs, errorsOnly(fs)...); len(errs) > 0 {
				continue // keep checking, to report every file at once; nothing is kept
			}
			p.Files = append(p.Files, name)
			f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now()})
			if err != nil {
				return err
			}
			if _, err := f.Write(data); err != nil {
				return err
			}
		}
		if len(errs) > 0 {
			return &FindingsError{Findings: errs}
		}
		return zw.Close()
	})
	if err != nil {
		if fe, ok := err.(*FindingsError); ok {
			return nil, fe
		}
		return nil, fmt.Errorf("pack audio %s: %w", p.Path, err)
	}
	if fi, err := os.Stat(p.Path); err == nil {
		p.Bytes = fi.Size()
	}
	return p, nil
}

// readAudioFile reads a file from disk, refusing one larger than a zip entry may be
// (ZipLimits.MaxEntry), so every package written can be read back.
func readAudioFile(file string) ([]byte, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a WAV file", file)
	}
	if fi.Size() > ZipLimits.MaxEntry {
		return nil, fmt.Errorf("%s is %s, more than the %s one audio file may have", file, formatBytes(fi.Size()), formatBytes(ZipLimits.MaxEntry))
	}
	return os.ReadFile(file)
}

// ReadAudioZip reads a zip of audio files, through OpenZip's protection against zip bombs
// and paths that climb out of the zip. Every file comes back, usable or not, with the
// findings about it (File is zip!entry); the error is for a zip that cannot be read at all.
func ReadAudioZip(path string) ([]AudioFile, []Finding, error) {
	z, err := OpenZip(path)
	if err != nil {
		return nil, nil, err
	}
	defer z.Close()
	var files []AudioFile
	var fs []Finding
	seen := map[string]string{}
	for _, e := range z.Entries {
		data, err := readZipEntry(e)
		if err != nil {
			return nil, nil, err
		}
		efs, format := checkAudio(e.Path(), e.Name, data)
		name := audioBase(e.Name)
		if other, dup := seen[strings.ToLower(name)]; dup {
			efs = append(efs, NewFinding(e.Path(), 0, -1, "", Error,
				i18n.M("%s has the same name as %s in this zip; Webex would keep one of them", name, other)))
		}
		seen[strings.ToLower(name)] = e.Name
		fs = append(fs, efs...)
		files = append(files, AudioFile{Name: name, Data: data, Format: format})
	}
	if len(z.Entries) == 0 {
		fs = append(fs, NewFinding(path, 0, -1, "", Error, i18n.M("the zip holds no audio files")))
	}
	sortFindings(fs)
	return files, fs, nil
}

func readZipEntry(e *ZipEntry) ([]byte, error) {
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

package bulk

import (
	"strings"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// checkAudio checks a zip of audio files: the files Webex cannot take are errors of their
// own; a name the organization has is an update, another a create.
func checkAudio(obj *catalog.Object, path string, known sheets.Known) importCheck {
	c := importCheck{}
	files, findings, err := sheets.ReadAudioZip(path)
	if err != nil {
		c.own = []sheets.Finding{{File: path, Col: -1, Severity: sheets.Error, Message: err.Error()}}
		return c
	}
	for _, f := range findings {
		if f.Severity == sheets.Error {
			c.own = append(c.own, f)
		} else {
			c.warnings = append(c.warnings, f)
		}
	}
	c.records = len(files)
	names, ok := known[obj.Key]
	if !ok {
		return c
	}
	c.known = true
	have := map[string]bool{}
	for _, n := range names {
		have[strings.ToLower(n)] = true
	}
	for _, f := range files {
		if have[strings.ToLower(f.Name)] {
			c.updates++
		} else {
			c.creates++
		}
	}
	return c
}

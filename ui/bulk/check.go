package bulk

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
)

// importCheck is the last check of what is to be submitted: the job's draft
// (jobs.BuildDraft, the command line's submit builds the same) with its preview against
// the organization, and the sheet it was made of, to open in the editor (nil for a zip
// of audio files).
type importCheck struct {
	jobs.Preview
	draft *jobs.Draft
	sheet *sheets.Sheet
}

// readAndCheck reads the file (when sh is nil), builds the job's draft and previews it
// in the organization api reaches (nil: not connected, the sheet's own errors only).
// source is the file name the job will show. orgErr says the organization could not be
// read: the check went on without it.
func readAndCheck(ctx context.Context, api jobs.API, obj *catalog.Object, sh *sheets.Sheet, path, source string) (c importCheck, orgErr, err error) {
	src := jobs.DraftSource{Name: source, Base: strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))}
	if obj.Format == catalog.FormatAudioZip {
		src.Audio = []string{path}
	} else {
		if sh == nil {
			if sh, err = sheets.ReadFile(path, sheets.ReadOptions{Object: obj, Unprotect: true}); err != nil {
				return c, nil, err
			}
		}
		if sh.Object == nil || sh.Object.Key != obj.Key {
			return c, nil, errors.New(lang.L("{{.File}} is not a sheet of {{.Type}}", map[string]any{"File": path, "Type": lang.L(obj.Title)}))
		}
		c.sheet, src.Sheets = sh, []*sheets.Sheet{sh}
	}
	if c.draft, err = jobs.BuildDraft(src); err != nil {
		return c, nil, err
	}
	if api != nil {
		orgErr = c.draft.Check(ctx, api)
	}
	c.Preview = c.draft.Preview
	return c, orgErr, nil
}

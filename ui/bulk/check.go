package bulk

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
)

// importCheck is the last check of what is to be submitted: the job engine's preview of
// it (jobs.PreviewSheet, jobs.PreviewAudio), and the sheet it was made of, to pack and
// submit or to open in the editor (nil for a zip of audio files).
type importCheck struct {
	jobs.Preview
	sheet *sheets.Sheet
}

// readAndCheck reads the file (when sh is nil) and previews the job it would make in the
// organization api reaches (nil: not connected, the sheet's own errors only). orgErr says
// the organization could not be read: the check went on without it.
func readAndCheck(ctx context.Context, api jobs.API, obj *catalog.Object, sh *sheets.Sheet, path string) (c importCheck, orgErr, err error) {
	if obj.Format == catalog.FormatAudioZip {
		c.Preview, orgErr = jobs.PreviewAudio(ctx, api, path)
		return c, orgErr, nil
	}
	if sh == nil {
		if sh, err = sheets.ReadFile(path, sheets.ReadOptions{Object: obj, Unprotect: true}); err != nil {
			return c, nil, err
		}
	}
	if sh.Object == nil || sh.Object.Key != obj.Key {
		return c, nil, errors.New(lang.L("{{.File}} is not a sheet of {{.Type}}", map[string]any{"File": path, "Type": lang.L(obj.Title)}))
	}
	c.sheet = sh
	c.Preview, orgErr = jobs.PreviewSheet(ctx, api, sh)
	return c, orgErr, nil
}

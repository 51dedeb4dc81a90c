package bulk

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui"
	"github.com/bulkops/bulkops/ui/words"
)

func exportAllTitle() string { return words.T("Export the whole organization") }

// exportAllItem is the File menu's "Export the whole organization…".
func (b *Bulk) exportAllItem() ui.Task {
	return ui.Task{Label: words.T("Export the whole organization…"), Icon: theme.DownloadIcon(), Run: b.ExportAll}
}

// ExportAll asks where to save, then writes every type the API covers as bulkops export
// --all does: one workbook with a worksheet per type, or a zip of CSV files when the
// name ends in .zip, in dependency order; a dialog shows the progress, type by type.
func (b *Bulk) ExportAll() {
	if !b.target.Connected() {
		dialog.ShowInformation(exportAllTitle(), words.T("Sign in to an organization first."), b.win)
		return
	}
	b.files.save("organization.xlsx", []string{".xlsx", ".zip"}, b.exportAllTo)
}

func (b *Bulk) exportAllTo(path string) {
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".xlsx" && ext != ".zip" {
		removeIfEmpty(path) // the empty file the save dialog created under the name asked
		path += ".xlsx"
	}
	types, _ := jobs.ExportableTypes()
	bar := widget.NewProgressBar()
	bar.Max = float64(len(types))
	now := widget.NewLabel(words.T("Exporting…"))
	d := dialog.NewCustomWithoutButtons(exportAllTitle(), container.NewVBox(now, bar), b.win)
	d.Show()
	api, ctx, orgID, orgName := b.target.API, b.ctx, b.target.OrgID, b.target.OrgName
	b.async(func() {
		ss, err := jobs.ExportAll(ctx, api, types, func(o *catalog.Object, done, _ int) {
			fyne.Do(func() { bar.SetValue(float64(done)); now.SetText(objectTitle(o.Key)) })
		})
		if err == nil {
			jobs.FromOrganization(ss, orgID, orgName) // a submit elsewhere is told a copy
			_, err = jobs.WriteExportAll(ss, path)
		}
		fyne.Do(func() {
			d.Hide()
			if err != nil {
				dialog.ShowInformation(exportAllTitle(), words.T("The export failed: %s", errorText(err)), b.win)
				return
			}
			dialog.ShowInformation(exportAllTitle(), exportAllDone(ss, path), b.win)
		})
	})
}

// exportAllDone says what was written: "Saved 1,234 rows of 23 types in org.xlsx."
func exportAllDone(ss []*sheets.Sheet, path string) string {
	rows := 0
	for _, s := range ss {
		rows += len(s.Rows)
	}
	return words.T("Saved %d rows of %d types in %s, in the order the types depend on each other.", rows, len(ss), filepath.Base(path))
}

package bulk

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
	"github.com/bulkops/bulkops/ui/words"
)

// exportPanel makes a sheet to fill in: an empty template, or the organization's records
// as they are now, saved to a file and/or opened in the editor.
type exportPanel struct {
	f       *newOperation
	from    *widget.RadioGroup
	save    *widget.Check
	open    *widget.Check
	run     *widget.Button
	content *fyne.Container
}

func exportTemplate() string { return words.T("An empty template") }
func exportRecords() string  { return words.T("The organization's current records") }

func (p *exportPanel) build(f *newOperation) {
	p.f = f
	p.from = widget.NewRadioGroup([]string{exportTemplate(), exportRecords()}, nil)
	p.from.Required = true
	p.save = widget.NewCheck(words.T("Save to a file"), func(bool) { p.updateRun() })
	p.open = widget.NewCheck(words.T("Open in the editor"), func(bool) { p.updateRun() })
	p.run = widget.NewButtonWithIcon(words.T("Export"), theme.DownloadIcon(), p.start)
	p.run.Importance = widget.HighImportance
	p.content = container.NewVBox(p.from, container.NewHBox(p.save, p.open), container.NewHBox(p.run))
}

func (p *exportPanel) reset() {
	p.from.SetSelected(exportTemplate())
	p.save.SetChecked(false)
	p.open.SetChecked(p.f.b.editor != nil)
	p.updateRun()
}

func (p *exportPanel) objectChanged() {
	if p.f.obj().Format == catalog.FormatAudioZip {
		p.from.Disable() // audio files have no sheet to export
		p.run.Disable()
		return
	}
	p.from.Enable()
	p.updateRun()
}

func (p *exportPanel) updateRun() {
	if (p.save.Checked || p.open.Checked) && p.f.obj().Format != catalog.FormatAudioZip {
		p.run.Enable()
	} else {
		p.run.Disable()
	}
	if p.f.b.editor == nil {
		p.open.Disable()
	}
}

// start asks where to save (when saving), then makes the sheet in the background.
func (p *exportPanel) start() {
	obj := p.f.obj()
	records := p.from.Selected == exportRecords()
	if !p.save.Checked {
		p.export(obj, records, "")
		return
	}
	name := obj.Key + ".xlsx" // first: its text cells keep leading zeros a spreadsheet takes off a CSV value
	if records {
		name = obj.Key + "_export.xlsx"
	}
	p.f.b.files.save(name, []string{".xlsx", ".csv"}, func(path string) { p.export(obj, records, path) })
}

// export makes the sheet, writes it to path ("" for none) and opens it in the editor
// when asked.
func (p *exportPanel) export(obj *catalog.Object, records bool, path string) {
	f, b := p.f, p.f.b
	api, ctx, open := b.target.API, b.ctx, p.open.Checked
	orgID, orgName := b.target.OrgID, b.target.OrgName
	f.busy(true)
	f.say(words.T("Exporting…"))
	b.async(func() {
		sh := sheets.New(obj)
		var err error
		if records {
			if sh, err = jobs.Export(ctx, api, obj); err == nil {
				jobs.FromOrganization([]*sheets.Sheet{sh}, orgID, orgName) // a .xlsx records it, as the CLI's export does
			}
		}
		written := ""
		if err == nil && path != "" {
			written, err = writeExport(sh, path)
		}
		fyne.Do(func() {
			f.busy(false)
			if err != nil {
				f.say(words.T("The export failed: %s", errorText(err)))
				return
			}
			f.say(exportDone(sh, written))
			if open && b.editor != nil {
				if written != "" {
					sh.File = written
				}
				b.editor.Open(sh)
			}
		})
	})
}

// writeExport saves an exported sheet at path as the CLI's export does (jobs.WriteExport:
// CSV or XLSX by the extension, a zip of compliant files beyond Control Hub's limit, values
// Excel would run as formulas protected), so both give the same file. It returns the path
// written.
func writeExport(sh *sheets.Sheet, path string) (string, error) {
	asked := path
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".xlsx" && ext != ".csv" && ext != ".zip" {
		path += ".csv"
	}
	path, err := jobs.WriteExport(sh, path)
	if err != nil {
		return "", err
	}
	if path != asked {
		removeIfEmpty(asked) // the empty file the save dialog created under the name asked
	}
	return path, nil
}

func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		_ = os.Remove(path)
	}
}

func exportDone(sh *sheets.Sheet, written string) string {
	if written == "" {
		return words.T("Records exported: %d.", len(sh.Groups()))
	}
	done := words.T("Records exported to %s: %d.", written, len(sh.Groups()))
	if !strings.EqualFold(filepath.Ext(written), ".xlsx") {
		done = withCSVNote(done, sheets.CSVLossNote(sh))
	}
	return done
}

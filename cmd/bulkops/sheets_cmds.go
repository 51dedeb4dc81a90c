package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

func init() {
	addCommand(func(d *deps) *cobra.Command {
		var asJSON bool
		c := &cobra.Command{Use: "objects [--json]", Short: say("list the object types (key and title)"), Args: noArgs,
			Run: d.exits(func([]string) int {
				if asJSON {
					return writeJSON(d.stdout, objectsJSON())
				}
				return runObjects(d)
			})}
		jsonFlag(c, &asJSON)
		return c
	})
	addCommand(newTemplateCmd)
	addCommand(newValidateCmd)
	addCommand(newPackCmd)
}

func runObjects(d *deps) int {
	fmt.Fprintf(d.stdout, "%-26s %-26s %-16s %s\n", say("KEY"), say("TITLE"), say("GROUP"), say("HEADER"))
	for _, o := range catalog.All() {
		fmt.Fprintf(d.stdout, "%-26s %-26s %-16s %s\n", o.Key, titleWord(o), i18n.Text(cliLanguage(), o.Group), headerSource(o))
	}
	return 0
}

func headerSource(o *catalog.Object) string {
	switch {
	case o.Format == catalog.FormatAudioZip:
		return say("zip of WAV files")
	case strings.HasPrefix(o.HeaderSource, catalog.FromPrimary):
		return say("confirmed by Cisco's article")
	case strings.HasPrefix(o.HeaderSource, catalog.FromSecondary):
		return say("secondary source; a Control Hub template wins")
	default:
		return say("built from the API; a Control Hub template wins")
	}
}

// lookupObject resolves --object; "" means detect from the file.
func lookupObject(key string, stderr io.Writer) (*catalog.Object, bool) {
	if key == "" {
		return nil, true
	}
	o, ok := catalog.Lookup(key)
	if !ok {
		fmt.Fprintln(stderr, "bulkops:", say("unknown object type %q (bulkops objects lists them)", key))
	}
	return o, ok
}

// sheetOptions are the flags of the commands that read or write sheets.
type sheetOptions struct {
	object, out, encoding, sheet string
	json, quiet                  bool
}

func newTemplateCmd(d *deps) *cobra.Command {
	var opt sheetOptions
	c := &cobra.Command{Use: "template --object KEY -o OUT.csv|OUT.xlsx", Short: say("write an empty template"), Args: noArgs,
		Run: d.exits(func([]string) int {
			return toStdout(d, &opt.out, ".csv", func(msgs io.Writer) int { return runTemplate(d.with(msgs), opt) })
		})}
	objectFlag(c, &opt.object, say("object type key (bulkops objects)"))
	outputFlag(c, &opt.out, say("output file: .csv or .xlsx"))
	required(c, "object", "output")
	return c
}

func runTemplate(d *deps, opt sheetOptions) int {
	stdout, stderr := d.stdout, d.stderr
	o, ok := lookupObject(opt.object, stderr)
	if !ok {
		return 2
	}
	if o.Format == catalog.FormatAudioZip {
		fmt.Fprintln(stderr, "bulkops:", say("audio files need no template: pack WAV files with bulkops pack --object audio_file -o audio.zip FILE.wav..."))
		return 2
	}
	if err := sheets.WriteFile(opt.out, sheets.New(o), nil); err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintln(stdout, say("wrote %s (%s, %d columns)", opt.out, titleWord(o), len(o.Columns)))
	return 0
}

// readOptions are the options files given on the command line are read with: they are
// a person's files, so the formula protection of Bulkops' exports and error files is
// taken off again.
func readOptions(o *catalog.Object, encoding, sheet string) sheets.ReadOptions {
	return sheets.ReadOptions{Object: o, Encoding: encoding, SheetName: sheet, Unprotect: true}
}

// readSheets reads every file; it reports unreadable files on stderr and returns ok=false.
func readSheets(files []string, opt sheets.ReadOptions, stderr io.Writer) ([]*sheets.Sheet, bool) {
	var set []*sheets.Sheet
	ok := true
	for _, f := range files {
		s, err := sheets.ReadFile(f, opt)
		if err != nil {
			fmt.Fprintln(stderr, sayErr(err))
			ok = false
			continue
		}
		set = append(set, s)
	}
	return set, ok
}

func isAudio(o *catalog.Object, files []string) bool {
	if o != nil {
		return o.Format == catalog.FormatAudioZip
	}
	for _, f := range files {
		if strings.EqualFold(filepath.Ext(f), ".wav") {
			return true
		}
	}
	return false
}

func printFindings(w io.Writer, fs []sheets.Finding) (errs, warns int) {
	for _, f := range fs {
		fmt.Fprintln(w, f.StringIn(cliLanguage()))
	}
	return count(fs)
}

// count counts the errors and warnings among findings.
func count(fs []sheets.Finding) (errs, warns int) {
	for _, f := range fs {
		if f.Severity == sheets.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// streamingGC sets the garbage collector up for validate and pack of files, which
// stream: their live heap is a few megabytes whatever the input (a group of rows, the
// files being compressed, 8 bytes a record for duplicate keys), so the collector's
// default headroom of 100% of it is most of their peak memory. Half that costs next to
// nothing on text files (measured: 100,000 work types 41 -> 38 MB peak, 1,000,000
// 63 -> 53 MB, the same wall time). A workbook's XML parser makes garbage for every cell,
// and there headroom pays for itself (100,000 rows 2.3 s -> 2.8 s at half); twice the
// default takes it to 1.62 s from 1.75 s, for 54 MB peak instead of 43 (7 paired runs),
// so workbooks get that. GOGC, when set, wins.
func streamingGC(files []string) {
	if os.Getenv("GOGC") != "" {
		return
	}
	for _, f := range files {
		if ext := strings.ToLower(filepath.Ext(f)); ext == ".xlsx" || ext == ".xlsm" {
			debug.SetGCPercent(200)
			return
		}
	}
	debug.SetGCPercent(50)
}

// findingCap is how many findings validate and pack print per file and column; the rest
// are counted ("… and 999,950 more in column Name").
const findingCap = 100

func newValidateCmd(d *deps) *cobra.Command {
	var opt sheetOptions
	c := &cobra.Command{Use: "validate [--object KEY] [--encoding ENC] [--sheet NAME] [--json] FILE...", Short: say("check files; exit 0 ok, 1 errors, 2 unreadable"),
		Args: minArgs(1, i18n.M("at least one file")), ValidArgsFunction: completeSheetFiles,
		Run: d.exits(func(files []string) int {
			return readingStdin(d, files, opt.object, func(d *deps, files []string) int { return runValidate(d, opt, files) })
		})}
	objectFlag(c, &opt.object, say("object type key; detected from the header when omitted"))
	encodingFlag(c, &opt.encoding)
	sheetFlag(c, &opt.sheet)
	jsonFlag(c, &opt.json)
	return c
}

func runValidate(d *deps, opt sheetOptions, files []string) int {
	stdout, stderr := d.stdout, d.stderr
	streamingGC(files)
	o, ok := lookupObject(opt.object, stderr)
	if !ok {
		return 2
	}
	var errs, warns, unread int
	var findings []sheets.Finding
	var more []sheets.More
	if isAudio(o, files) {
		findings, unread = checkAudioFiles(files, stderr)
		errs, warns = count(findings)
	} else {
		var rep *sheets.Report
		rep, unread = checkSheets(files, readOptions(o, opt.encoding, opt.sheet), stderr)
		if rep != nil {
			findings, more, errs, warns = rep.Findings, rep.More, rep.Errors, rep.Warnings
		}
	}
	if opt.json {
		writeJSON(stdout, findingsJSON(files, errs, warns, findings, more))
	} else {
		printFindings(stdout, findings)
		printMore(stdout, more)
	}
	if unread > 0 { // "0 errors" would read as a clean bill for files never checked
		fmt.Fprintln(stderr, say("%s could not be read; %s, %s in the rest", i18n.N(unread, "%d file of %d", "%d files of %d", len(files)), i18n.N(errs, "%d error", "%d errors"), i18n.N(warns, "%d warning", "%d warnings")))
		return 2
	}
	fmt.Fprintln(stderr, say("%s, %s in %s", i18n.N(errs, "%d error", "%d errors"), i18n.N(warns, "%d warning", "%d warnings"),
		i18n.N(len(files), "%d file", "%d files")))
	if errs > 0 {
		return 1
	}
	return 0
}

// checkSheets checks the files as a stream (sheets.CheckFiles) and returns how many
// could not be read. A file that cannot be opened is reported and left out; one that
// fails part way ends the check (and no file's check is then complete).
func checkSheets(files []string, opt sheets.ReadOptions, stderr io.Writer) (*sheets.Report, int) {
	var srcs []sheets.Source
	unread := 0
	for _, f := range files {
		rs, err := sheets.OpenRows(f, opt)
		if err != nil {
			fmt.Fprintln(stderr, sayErr(err))
			unread++
			continue
		}
		rs.Close()
		srcs = append(srcs, sheets.FileSource(f, opt))
	}
	if len(srcs) == 0 {
		return nil, unread
	}
	rep, err := sheets.CheckFiles(srcs, sheets.CheckOptions{Cap: findingCap})
	if err != nil {
		fmt.Fprintln(stderr, sayErr(err))
		return nil, len(files)
	}
	return rep, unread
}

// printMore prints the counts of the findings the cap left out.
func printMore(w io.Writer, more []sheets.More) {
	for _, m := range more {
		fmt.Fprintln(w, m.Text().In(cliLanguage()))
	}
}

// checkAudioFiles checks WAV files and zips of them, and returns how many could not be read.
func checkAudioFiles(files []string, stderr io.Writer) ([]sheets.Finding, int) {
	var all []sheets.Finding
	unread := 0
	for _, f := range files {
		if strings.EqualFold(filepath.Ext(f), ".zip") {
			_, fs, err := sheets.ReadAudioZip(f)
			if err != nil {
				fmt.Fprintln(stderr, sayErr(err))
				unread++
			}
			all = append(all, fs...)
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(stderr, "bulkops:", sayErr(err))
			unread++
			continue
		}
		all = append(all, sheets.CheckAudio(filepath.Base(f), data)...)
	}
	return all, unread
}

func newPackCmd(d *deps) *cobra.Command {
	var opt sheetOptions
	c := &cobra.Command{Use: "pack [--object KEY] [--encoding ENC] [--sheet NAME] [--quiet] -o OUT FILE...", Short: say("write the compliant package (.csv or .zip)"),
		Args: minArgs(1, i18n.M("at least one file")), ValidArgsFunction: completeSheetFiles,
		Run: d.exits(func(files []string) int {
			return readingStdin(d, files, opt.object, func(d *deps, files []string) int {
				return toStdout(d, &opt.out, "", func(msgs io.Writer) int { return runPack(d.with(msgs).quieted(opt.quiet), opt, files) })
			})
		})}
	objectFlag(c, &opt.object, say("object type key; detected from the header when omitted"))
	outputFlag(c, &opt.out, say("output: OUT.zip (always a zip), OUT.csv (one file), or OUT: .csv or .zip as the records need"))
	encodingFlag(c, &opt.encoding)
	sheetFlag(c, &opt.sheet)
	quietFlag(c, &opt.quiet)
	required(c, "output")
	return c
}

func runPack(d *deps, opt sheetOptions, files []string) int {
	stdout, stderr := d.stdout, d.stderr
	streamingGC(files)
	o, ok := lookupObject(opt.object, stderr)
	if !ok {
		return 2
	}
	var pkg *sheets.Package
	var rep *sheets.Report
	var err error
	shown := newProgress(stderr)
	label := say("packing %s", i18n.N(len(files), "%d file", "%d files"))
	stop := shown.activity(label)
	if isAudio(o, files) {
		if err = sheets.OutputIsInput(opt.out, files); err == nil {
			pkg, err = sheets.PackAudio(files, opt.out)
		}
	} else if f := actionFile(files, readOptions(o, opt.encoding, opt.sheet)); f != "" {
		stop()
		fmt.Fprintln(stderr, "bulkops:", say("not packed: %s has an Action column; Control Hub cannot delete, so submit it with bulkops submit, or remove the column", f))
		return 1
	} else {
		pkg, rep, err = sheets.PackFiles(files, opt.out, sheets.PackOptions{Read: readOptions(o, opt.encoding, opt.sheet), Cap: findingCap,
			Progress: packCounts(shown, label)})
	}
	stop()
	if err != nil {
		var fe *sheets.FindingsError
		if asFindings(err, &fe) {
			printFindings(stdout, fe.Findings)
			if rep != nil {
				printMore(stdout, rep.More)
			}
			fmt.Fprintln(stderr, "bulkops:", say("not packed: fix the errors above first"))
			return 1
		}
		return fail(stderr, err)
	}
	fmt.Fprintln(stdout, say("wrote %s: %s in %s, %s", pkg.Path, i18n.N(pkg.Records, "%d record", "%d records"),
		i18n.N(len(pkg.Files), "%d file", "%d files"), i18n.N(int(pkg.Bytes), "%d byte", "%d bytes")))
	return 0
}

func asFindings(err error, fe **sheets.FindingsError) bool { return errors.As(err, fe) }

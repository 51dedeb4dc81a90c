package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
)

func init() {
	register("objects", "list the object types (key and title)", runObjects)
	register("template", "--object KEY -o OUT.csv|OUT.xlsx: write an empty template", runTemplate)
	register("validate", "[--object KEY] FILE...: check files; exit 0 ok, 1 errors, 2 unreadable", runValidate)
	register("pack", "[--object KEY] -o OUT FILE...: write the compliant package (.csv or .zip)", runPack)
}

func runObjects(d *deps, args []string) int {
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

func runTemplate(d *deps, args []string) int {
	stdout, stderr := d.stdout, d.stderr
	fs := flag.NewFlagSet("template", flag.ContinueOnError)
	object := fs.String("object", "", say("object type key (bulkops objects)"))
	out := fs.String("o", "", say("output file: .csv or .xlsx"))
	if _, ok := parseFlags(fs, args, stderr); !ok {
		return 2
	}
	if *object == "" || *out == "" {
		return badUsage(stderr, "template --object KEY -o OUT.csv|OUT.xlsx")
	}
	o, ok := lookupObject(*object, stderr)
	if !ok {
		return 2
	}
	if o.Format == catalog.FormatAudioZip {
		fmt.Fprintln(stderr, "bulkops:", say("audio files need no template: pack WAV files with bulkops pack --object audio_file -o audio.zip FILE.wav..."))
		return 2
	}
	if err := sheets.WriteFile(*out, sheets.New(o), nil); err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintln(stdout, say("wrote %s (%s, %d columns)", *out, titleWord(o), len(o.Columns)))
	return 0
}

// encodingFlag adds --encoding to a command that reads sheets.
func encodingFlag(fs *flag.FlagSet) *string {
	return fs.String("encoding", "", say("text encoding of CSV files (utf-8, utf-16le, windows-1250, windows-1252, shift_jis…); detected when omitted"))
}

// sheetFlag adds --sheet to a command that reads sheets: a workbook with records on
// several sheets is read one sheet at a time.
func sheetFlag(fs *flag.FlagSet) *string {
	return fs.String("sheet", "", say("the worksheet of an XLSX workbook to read; needed when several hold records"))
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

func runValidate(d *deps, args []string) int {
	stdout, stderr := d.stdout, d.stderr
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	object := fs.String("object", "", say("object type key; detected from the header when omitted"))
	encoding := encodingFlag(fs)
	sheet := sheetFlag(fs)
	files, ok := parseFlags(fs, args, stderr)
	if !ok || len(files) == 0 {
		return badUsage(stderr, "validate [--object KEY] [--encoding ENC] [--sheet NAME] FILE...")
	}
	streamingGC(files)
	o, ok := lookupObject(*object, stderr)
	if !ok {
		return 2
	}
	var errs, warns, unread int
	if isAudio(o, files) {
		var findings []sheets.Finding
		findings, unread = checkAudioFiles(files, stderr)
		errs, warns = printFindings(stdout, findings)
	} else {
		var rep *sheets.Report
		rep, unread = checkSheets(files, readOptions(o, *encoding, *sheet), stderr)
		if rep != nil {
			printReport(stdout, rep)
			errs, warns = rep.Errors, rep.Warnings
		}
	}
	if unread > 0 { // "0 error(s)" would read as a clean bill for files never checked
		fmt.Fprintln(stderr, say("%d of %d file(s) could not be read; %d error(s), %d warning(s) in the rest", unread, len(files), errs, warns))
		return 2
	}
	fmt.Fprintln(stderr, say("%d error(s), %d warning(s) in %d file(s)", errs, warns, len(files)))
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

// printReport prints the findings kept, then what the cap left out.
func printReport(w io.Writer, rep *sheets.Report) {
	printFindings(w, rep.Findings)
	printMore(w, rep.More)
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

func runPack(d *deps, args []string) int {
	stdout, stderr := d.stdout, d.stderr
	fs := flag.NewFlagSet("pack", flag.ContinueOnError)
	object := fs.String("object", "", say("object type key; detected from the header when omitted"))
	out := fs.String("o", "", say("output: OUT.zip (always a zip), OUT.csv (one file), or OUT: .csv or .zip as the records need"))
	encoding := encodingFlag(fs)
	sheet := sheetFlag(fs)
	files, ok := parseFlags(fs, args, stderr)
	if !ok || len(files) == 0 || *out == "" {
		return badUsage(stderr, "pack [--object KEY] [--encoding ENC] [--sheet NAME] -o OUT FILE...")
	}
	streamingGC(files)
	o, ok := lookupObject(*object, stderr)
	if !ok {
		return 2
	}
	var pkg *sheets.Package
	var rep *sheets.Report
	var err error
	if isAudio(o, files) {
		if err = sheets.OutputIsInput(*out, files); err == nil {
			pkg, err = sheets.PackAudio(files, *out)
		}
	} else {
		pkg, rep, err = sheets.PackFiles(files, *out, sheets.PackOptions{Read: readOptions(o, *encoding, *sheet), Cap: findingCap})
	}
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
	fmt.Fprintln(stdout, say("wrote %s: %d record(s) in %d file(s), %d bytes", pkg.Path, pkg.Records, len(pkg.Files), pkg.Bytes))
	return 0
}

func asFindings(err error, fe **sheets.FindingsError) bool { return errors.As(err, fe) }

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/jobs"
)

// submit: check, preview, pack and send a job (the CLI twin of the window's Import).

func runSubmit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("submit", flag.ContinueOnError)
	object := fs.String("object", "", "object type key; detected from the header when omitted")
	wait := fs.Bool("wait", false, "show progress and wait for the end: exit 0 completed, 1 completed with errors, 2 failed")
	profile := fs.String("profile", "", "profile to submit through; the one in use when omitted")
	encoding := encodingFlag(fs)
	files, ok := parseFlags(fs, args, stderr)
	if !ok || len(files) == 0 {
		return badUsage(stderr, "submit [--object KEY] [--encoding ENC] [--wait] [--profile NAME] FILE...")
	}
	o, ok := lookupObject(*object, stderr)
	if !ok {
		return 2
	}
	tmp, err := os.MkdirTemp("", "bulkops-submit-")
	if err != nil {
		return fail(stderr, err)
	}
	defer os.RemoveAll(tmp)
	sub, code := packForSubmit(files, readOptions(o, *encoding), tmp, stdout, stderr)
	if code != 0 {
		return code
	}
	return withSession(*profile, stderr, func(ctx context.Context, s *session) int {
		resumeInBackground(ctx, s, *profile, stderr)
		printPreview(ctx, stderr, s.eng, sub)
		j, err := s.eng.Submit(ctx, sub.pkg, sub.obj, s.conn.SubmittedBy())
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, j.ID)
		fmt.Fprintf(stderr, "submitted to %s: %d row(s) of %s from %s\n", s.conn.Label(), j.Total, sub.obj.Title, j.FileName)
		if j.Status == jobs.Failed {
			fmt.Fprintln(stderr, "bulkops: the job failed:", j.Reason)
			return 2
		}
		if !*wait {
			if err := startRunner(*profile, j.ID); err != nil {
				fmt.Fprintln(stderr, "bulkops: the job could not be started in the background:", err)
				fmt.Fprintf(stderr, "run it with: bulkops run-job %s\n", j.ID)
				return 1
			}
			fmt.Fprintf(stderr, "running in the background; bulkops job %s shows its progress\n", j.ID)
			return 0
		}
		return runAndReport(ctx, s.eng, j.ID, stderr)
	})
}

// submission is what submit sends, and what it was packed from, for the preview.
type submission struct {
	pkg    jobs.Package
	obj    *catalog.Object
	sheets []*sheets.Sheet // the files as read; nil for audio files
	audio  string          // the zip of audio files; "" for sheets
}

// packForSubmit checks the files and packs them as Control Hub takes them. The sheet's
// own errors (format, required values, allowed values) stop it with exit code 1; what
// only the organization knows is told by the preview and left to the job, as in
// Control Hub.
func packForSubmit(files []string, opt sheets.ReadOptions, tmp string, stdout, stderr io.Writer) (submission, int) {
	o := opt.Object
	var sub submission
	var p *sheets.Package
	var err error
	source := filepath.Base(files[0])
	if len(files) > 1 {
		source = fmt.Sprintf("%s and %d more", source, len(files)-1)
	}
	if isAudio(o, files) {
		o, _ = catalog.Lookup("audio_file")
		if p, err = packAudioForSubmit(files, tmp); err == nil {
			sub.audio = p.Path
		}
	} else {
		set, readable := readSheets(files, opt, stderr)
		if !readable {
			return sub, 2
		}
		if fs := sheets.Validate(set, nil); sheets.HasErrors(fs) {
			errs, _ := printFindings(stdout, fs)
			fmt.Fprintf(stderr, "bulkops: not submitted: %d error(s) in the sheet; fix them first\n", errs)
			return sub, 1
		}
		var s *sheets.Sheet
		if s, err = sheets.Merge(set[0].File, set); err == nil {
			o, sub.sheets = s.Object, set
			base := strings.TrimSuffix(filepath.Base(files[0]), filepath.Ext(files[0]))
			p, err = sheets.Pack(s, filepath.Join(tmp, base), sheets.DefaultLimits)
		}
	}
	var fe *sheets.FindingsError
	if errors.As(err, &fe) {
		printFindings(stdout, fe.Findings)
		fmt.Fprintln(stderr, "bulkops: not submitted: fix the errors above first")
		return sub, 1
	} else if err != nil {
		return sub, fail(stderr, err)
	}
	if sub.pkg, err = jobs.ReadPackage(p.Path); err != nil {
		return sub, fail(stderr, err)
	}
	sub.pkg.Source, sub.obj = source, o
	return sub, 0
}

// packAudioForSubmit packs WAV files; a zip of them is checked and submitted as it is.
func packAudioForSubmit(files []string, tmp string) (*sheets.Package, error) {
	if len(files) == 1 && strings.EqualFold(filepath.Ext(files[0]), ".zip") {
		af, fs, err := sheets.ReadAudioZip(files[0])
		if err != nil {
			return nil, err
		}
		if sheets.HasErrors(fs) {
			return nil, &sheets.FindingsError{Findings: fs}
		}
		return &sheets.Package{Path: files[0], Object: "audio_file", Records: len(af)}, nil
	}
	return sheets.PackAudio(files, filepath.Join(tmp, "audio.zip"))
}

// maxPreviewed bounds the rows the preview lists; the job's error file has them all.
const maxPreviewed = 10

// printPreview says what the job will do, as the window's check does before a submit:
// how many records it creates and updates, and which rows will fail in the organization.
// A preview that cannot be made is only a warning: the job reads the organization itself.
func printPreview(ctx context.Context, w io.Writer, eng *jobs.Engine, sub submission) {
	org := jobs.NewOrgCache(eng.API, time.Minute) // the files of one type read the same lists
	var ps []jobs.Preview
	if sub.audio != "" {
		p, err := jobs.PreviewAudio(ctx, org, sub.audio)
		if err != nil {
			fmt.Fprintln(w, "warning: no preview:", err)
			return
		}
		ps = append(ps, p)
	}
	for _, sh := range sub.sheets {
		p, err := jobs.PreviewSheet(ctx, org, sh)
		if err != nil {
			fmt.Fprintln(w, "warning: no preview:", err)
			return
		}
		ps = append(ps, p)
	}
	var creates, updates, unchanged, failing, requests int
	var took time.Duration
	var fails, warns []sheets.Finding
	for _, p := range ps {
		creates, updates, unchanged, failing = creates+p.Creates, updates+p.Updates, unchanged+p.Unchanged, failing+p.Failing
		requests, took = requests+p.Requests, took+p.Duration
		fails, warns = append(fails, p.Org...), append(warns, p.Warnings...)
	}
	for i, f := range warns {
		if i == maxPreviewed {
			fmt.Fprintf(w, "  … and %d more warning(s)\n", len(warns)-i)
			break
		}
		fmt.Fprintf(w, "warning: row %d, %s: %s\n", f.Row, f.Column, f.Message)
	}
	fmt.Fprintf(w, "%d to create, %d to update, %d unchanged in %s: %d request(s), about %s at the rate limit",
		creates, updates, unchanged, orgLabel(eng.OrgName, eng.OrgID), requests, took.Round(time.Second))
	if failing == 0 {
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintf(w, "; %d row(s) will fail in the organization:\n", failing)
	for i, f := range fails {
		if i == maxPreviewed {
			fmt.Fprintf(w, "  … and %d more\n", len(fails)-i)
			break
		}
		at := fmt.Sprintf("row %d", f.Row)
		if len(sub.sheets) > 1 {
			at = filepath.Base(f.File) + " " + at
		}
		if f.Column != "" {
			at += ", " + f.Column
		}
		fmt.Fprintf(w, "  %s: %s\n", at, f.Message)
	}
}

package sheets

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/internal/progress"
)

// PackOptions steer PackFiles.
type PackOptions struct {
	Read   ReadOptions
	Limits Limits // zero means DefaultLimits
	Cap    int    // findings kept per file and column in the report (see CheckOptions)
	// Progress, when set, is told the records read every thousand, with the share of the
	// input read where that is known (CSV files), and their number at the end.
	Progress progress.Func
}

// PackFiles is bulkops pack: it checks files of one object type as one sheet (merged as
// Merge merges them) and writes the package Pack writes, reading, checking, encoding and
// compressing as a stream, so memory does not grow with the input. The output's extension
// is honoured: .zip is always a zip (of one CSV if one is enough), .csv one CSV file (more
// records than one file takes are refused), no extension either, as the records need.
// An output that is one of the inputs is refused. Nothing is written while the files have
// errors (a *FindingsError); the report holds every finding, warnings too, capped.
func PackFiles(paths []string, out string, opt PackOptions) (*Package, *Report, error) {
	if opt.Limits == (Limits{}) {
		opt.Limits = DefaultLimits
	}
	if opt.Limits.MaxRecords <= 0 || opt.Limits.MaxBytes <= 0 {
		return nil, nil, i18n.Errorf("pack: limits must be positive")
	}
	if err := OutputIsInput(out, paths); err != nil {
		return nil, nil, err
	}
	src := func() (RowStream, error) {
		var parts []RowStream
		for _, p := range paths {
			rs, err := OpenRows(p, opt.Read)
			if err != nil {
				closeAll(parts)
				return nil, err
			}
			parts = append(parts, rs)
		}
		m, err := MergeRows(paths[0], parts)
		if err != nil {
			return nil, err
		}
		return countRows(m, opt.Progress), nil
	}
	var rep *Report
	produce := func(emit func(packPart), deflate bool) (*Sheet, int, error) {
		pipe := newGroupPipe(opt.Limits, emit, deflate)
		defer pipe.close()
		onGroup := func(h *Sheet, rows []Row, size int64, errs int, last slabMark) {
			if errs == 0 { // once the sheet has an error nothing will be written
				pipe.add(h, rows, size, last)
			}
		}
		var err error
		if rep, err = checkStreams([]Source{src}, CheckOptions{Limits: opt.Limits, Cap: opt.Cap}, onGroup); err != nil {
			return nil, 0, err
		}
		if rep.Errors > 0 {
			return nil, 0, &FindingsError{Findings: errorsOnly(rep.Findings), Total: rep.Errors}
		}
		pw := pipe.close()
		if pw == nil { // no record: checkStreams reported the empty file
			return nil, 0, i18n.Errorf("the sheet has no records")
		}
		pw.flush()
		return pw.h, pw.n, pw.err
	}
	p, err := writePackage(fileSink(out), opt.Limits, produce)
	if err != nil {
		return nil, rep, i18n.Errorf("pack %s: %w", paths[0], err)
	}
	return p, rep, nil
}

// OutputIsInput refuses an output path (or, without an extension, either file it may
// become) that is one of the inputs, compared by file identity: a package written over
// its input would lose it.
func OutputIsInput(out string, inputs []string) error {
	dir, base := packBase(out)
	cands := []string{out}
	if ext := strings.ToLower(filepath.Ext(out)); ext != ".csv" && ext != ".zip" {
		cands = []string{filepath.Join(dir, base+".csv"), filepath.Join(dir, base+".zip")}
	}
	for _, c := range cands {
		co, err := os.Stat(c)
		if err != nil {
			continue
		}
		for _, in := range inputs {
			if io, err := os.Stat(in); err == nil && os.SameFile(co, io) {
				return i18n.Errorf("pack: the output %s is the input %s; write the package to another file", c, in)
			}
		}
	}
	return nil
}

// partFeed runs a producer of a package's parts (each a whole CSV file) on a goroutine of
// its own, handing them over one at a time: unbuffered, as every file in flight is up to
// 10 MB held.
type partFeed struct {
	parts chan packPart
	stop  chan struct{}
	done  chan feedResult
}

// feedResult is what the producer ends with: the sheet's header, the records, an error.
type feedResult struct {
	h   *Sheet
	n   int
	err error
}

func startFeed(produce packProducer, deflate bool) *partFeed {
	f := &partFeed{parts: make(chan packPart), stop: make(chan struct{}), done: make(chan feedResult, 1)}
	go func() {
		h, n, err := produce(func(b packPart) {
			select {
			case f.parts <- b:
			case <-f.stop:
			}
		}, deflate)
		close(f.parts)
		f.done <- feedResult{h, n, err}
	}()
	return f
}

// finish takes what is left of the parts (telling the producer to stop first, when
// cancel) and returns its result. It is called once.
func (f *partFeed) finish(cancel bool) feedResult {
	if cancel {
		close(f.stop)
	}
	for range f.parts {
	}
	return <-f.done
}

// packProducer emits a package's CSV files in order, deflated as they are written when
// deflate says so (the package is a zip whatever their number), and returns the sheet's
// header and the records in all.
type packProducer func(emit func(packPart), deflate bool) (*Sheet, int, error)

// packPart is one CSV file of a package: its text, or (raw nil) that text deflated as it
// was written, so a zip's files are held only compressed: a file of 5,000 work types is
// some 650 KB of text, 30 KB deflated, and four were in flight at once.
type packPart struct {
	raw []byte
	z   compressed
}

// writePackage runs produce, which emits the package's CSV files in order, and writes
// them through sink: one CSV, or a zip (see PackFiles for how the name's extension
// decides). Nothing is written when produce fails.
func writePackage(sink packSink, lim Limits, produce packProducer) (*Package, error) {
	base, ext := sink.base, sink.ext
	feed := startFeed(produce, ext == ".zip")
	parts, done, finish := feed.parts, feed.done, feed.finish
	first, ok := <-parts
	if !ok {
		r := finish(false)
		if r.err == nil {
			r.err = i18n.Errorf("the sheet has no records")
		}
		return nil, r.err
	}
	var second packPart
	more := false
	if ext != ".zip" {
		second, more = <-parts
	}
	if more && ext == ".csv" {
		if r := finish(true); r.err != nil {
			return nil, r.err
		}
		return nil, i18n.Errorf("the records need more than one file (one takes at most %d records and %s), and Control Hub takes several files as a zip: write the package to %s",
			lim.MaxRecords, formatBytes(lim.MaxBytes), sink.path(base+".zip"))
	}
	p := &Package{}
	var r feedResult
	var err error
	ran := false // the writing callback ran: it has taken every part and the result
	if ext == ".zip" || more {
		pre := []packPart{first}
		if more {
			pre = append(pre, second)
		}
		p.Path, p.Bytes, err = sink.write(base+".zip", func(w io.Writer) error {
			ran = true
			var zerr error
			p.Files, zerr = zipParts(w, base, pre, parts)
			if r = <-done; r.err != nil {
				return r.err
			}
			return zerr
		})
	} else {
		p.Files = []string{base + ".csv"}
		p.Path, p.Bytes, err = sink.write(base+".csv", func(w io.Writer) error {
			ran = true
			if r = finish(false); r.err != nil {
				return r.err
			}
			_, err := w.Write(first.raw)
			return err
		})
	}
	if err != nil {
		if !ran { // the file could not be created: stop the producer
			finish(true)
		}
		return nil, err
	}
	p.Object, p.Records = r.h.Object.Key, r.n
	return p, nil
}

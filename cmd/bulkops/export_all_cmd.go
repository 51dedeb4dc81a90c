package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/sync/jobs"
)

// runExportAll is export --all, or --object with several types: one workbook with a
// worksheet per type, or a zip of Control Hub CSV files, in dependency order.
func runExportAll(opt exportOptions, stdout, stderr io.Writer) int {
	objs, code := exportTypes(opt, stderr)
	if code != 0 {
		return code
	}
	return withConn(opt.profile, stderr, func(ctx context.Context, conn *connect.Conn) int {
		return exportAllFrom(ctx, conn, objs, opt.out, stdout, stderr)
	})
}

// exportAllFrom exports objs from conn to out and says what it wrote.
func exportAllFrom(ctx context.Context, conn *connect.Conn, objs []*catalog.Object, out string, stdout, stderr io.Writer) int {
	p := newProgress(stderr)
	label := say("exporting from %s", conn.Label(cliLanguage()))
	ss, err := jobs.ExportAll(ctx, conn.API, objs, func(o *catalog.Object, done, total int) {
		p.update(label, titleWord(o), done, total, false)
	})
	var files []string
	if err == nil {
		p.update(label, "", len(objs), len(objs), true)
		jobs.FromOrganization(ss, conn.OrgID, conn.OrgName()) // the guard of a copy names it
		files, err = jobs.WriteExportAll(ss, out)
	}
	p.done()
	if err != nil {
		return fail(stderr, err)
	}
	rows := 0
	for _, s := range ss {
		rows += len(s.Rows)
	}
	fmt.Fprintln(stdout, say("wrote %s: %s of %s from %s", out, i18n.N(rows, "%d row", "%d rows"),
		i18n.N(len(ss), "%d type", "%d types"), conn.Label(cliLanguage())))
	names := sheets.WorkbookNames(ss)
	for i, s := range ss {
		where := say("sheet %q", names[i])
		if files != nil {
			where = strings.Join(filesOf(files, i), ", ")
		}
		fmt.Fprintf(stdout, "  %2d. %s: %s (%s)\n", i+1, titleWord(s.Object), i18n.N(len(s.Rows), "%d row", "%d rows"), where)
	}
	return 0
}

// filesOf are the files of the zip that hold the i-th type (NN_key… as WriteExportAll
// names them).
func filesOf(files []string, i int) []string {
	var out []string
	for _, f := range files {
		if strings.HasPrefix(f, fmt.Sprintf("%02d_", i+1)) {
			out = append(out, f)
		}
	}
	return out
}

// exportTypes are the types --all or --object names. --all leaves out, with a note on
// stderr, the types that cannot be exported; --object refuses them.
func exportTypes(opt exportOptions, stderr io.Writer) ([]*catalog.Object, int) {
	if opt.all {
		objs, left := jobs.ExportableTypes()
		for _, o := range left {
			fmt.Fprintln(stderr, say("left out: %s", sayErr(jobs.Exportable(o))))
		}
		return objs, 0
	}
	var objs []*catalog.Object
	seen := map[string]bool{}
	for _, k := range strings.Split(opt.object, ",") {
		o, ok := lookupObject(strings.TrimSpace(k), stderr)
		if !ok {
			return nil, 2
		}
		if o == nil || seen[o.Key] {
			continue
		}
		if err := jobs.Exportable(o); err != nil {
			return nil, fail(stderr, err)
		}
		seen[o.Key] = true
		objs = append(objs, o)
	}
	return objs, 0
}

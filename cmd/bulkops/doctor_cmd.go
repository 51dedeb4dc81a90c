package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/internal/version"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/connect"
	"github.com/bulkops/bulkops/sync/doctor"
)

func init() {
	addCommand(func(d *deps) *cobra.Command {
		var profile, report string
		c := &cobra.Command{Use: "doctor [--profile NAME] [--report FILE]",
			Short: say("check, without changing anything, that the organization answers as Bulkops expects; writes a report to attach when something fails"),
			Args:  noArgs,
			Run:   d.exits(func([]string) int { return runDoctor(profile, report, d.stdout, d.stderr) })}
		profileFlag(c, &profile, say("profile to check; the one in use when omitted"))
		c.Flags().StringVar(&report, "report", "", say("report file; bulkops-doctor-DATE-TIME.txt in this directory when omitted"))
		return c
	})
}

// runDoctor signs in, runs the read-only checks (sync/doctor), prints a line per check
// and a summary, and writes the report file; 1 when a check failed.
func runDoctor(profile, report string, stdout, stderr io.Writer) int {
	return withConn(profile, stderr, func(ctx context.Context, conn *connect.Conn) int {
		return doctorOn(ctx, conn, report, stdout, stderr)
	})
}

// withConn runs f on a connection through profile, with a context that Ctrl-C cancels,
// and closes the connection after it.
func withConn(profile string, stderr io.Writer, f func(ctx context.Context, conn *connect.Conn) int) int {
	ctx, stop := signalContext()
	defer stop()
	conn, code := openConn(ctx, profile, stderr)
	if code != 0 {
		return code
	}
	defer conn.Close()
	return f(ctx, conn)
}

// doctorOn runs the checks on conn, prints them and writes the report to path.
func doctorOn(ctx context.Context, conn *connect.Conn, path string, stdout, stderr io.Writer) int {
	now := time.Now()
	rep := doctor.Run(ctx, conn.API, catalog.All())
	lang := cliLanguage()
	fmt.Fprintln(stdout, say("checking %s", conn.Label(lang)))
	for _, c := range rep.Checks {
		fmt.Fprintf(stdout, "%-4s  %s\n", c.Status.Tag(), c.Text.In(lang))
	}
	ok, warn, failed := rep.Count()
	summary := i18n.M("%s: %d ok, %s, %d failed", i18n.N(ok+warn+failed, "%d check", "%d checks"), ok, i18n.N(warn, "%d warning", "%d warnings"), failed)
	fmt.Fprintln(stdout, summary.In(lang))
	if path == "" {
		path = "bulkops-doctor-" + now.Format("20060102-150405") + ".txt"
	}
	if err := os.WriteFile(path, []byte(reportText(rep, summary, conn.Label(i18n.English), conn.API.BaseURL(), conn.OrgID, now)), 0o600); err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintln(stdout, say("report written to %s", path))
	if rep.Failed() {
		return 1
	}
	return 0
}

// reportText is the report file, in English for whoever it is sent to: what was checked,
// when, by which version, and every line. It holds no token or secret.
func reportText(rep doctor.Report, summary i18n.Msg, label, host, orgID string, at time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Bulkops doctor report\nversion:      %s (%s)\nchecked at:   %s\nconnection:   %s\nAPI host:     %s\norganization: %s\n\n",
		version.String(), version.Platform(), at.UTC().Format(time.RFC3339), label, host, orgID)
	for _, c := range rep.Checks {
		fmt.Fprintf(&b, "%-4s  %s\n", c.Status.Tag(), c.Text.String())
	}
	b.WriteString("\n" + summary.String() + "\n")
	return b.String()
}

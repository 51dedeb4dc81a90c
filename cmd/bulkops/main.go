// Command bulkops is the Bulkops desktop application for Webex Contact Center bulk
// configuration. With no arguments it opens the window; with a subcommand it works
// headless (bulkops help lists them). The commands are cobra's, so help, suggestions,
// completion and man pages follow the conventions of gh and kubectl.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/bulkops/bulkops/internal/version"
)

// deps are what a command reaches beyond its arguments, as gh hands its commands a
// factory: the streams it writes to, and how it starts a job's runner in the background.
// run gives the real ones; a test gives its own to runWith.
type deps struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// startRunner runs "bulkops run-job --background ID..." detached (startDetached).
	startRunner func(profile string, ids ...string) error
	// code is the exit code the command that ran set.
	code int
}

// exits adapts a command's run function, which returns the process exit code, to cobra's
// Run: the code is kept in d for runWith to return.
func (d *deps) exits(run func(args []string) int) func(*cobra.Command, []string) {
	return func(_ *cobra.Command, args []string) { d.code = run(args) }
}

// with is d with the command's messages going to msgs (stderr when stdout carries a file).
func (d *deps) with(msgs io.Writer) *deps {
	c := *d
	c.stdout = msgs
	return &c
}

// quieted is d with its progress off when quiet (--quiet): see noProgress.
func (d *deps) quieted(quiet bool) *deps {
	if !quiet {
		return d
	}
	c := *d
	c.stderr = noProgress{d.stderr}
	return &c
}

func main() {
	restoreGOMAXPROCS()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	return runWith(&deps{stdin: os.Stdin, stdout: stdout, stderr: stderr, startRunner: startDetached}, args)
}

// runWith runs the command args name with d and returns the exit code: the command's
// own, or 2 for a call cobra refused (an unknown command or flag, a missing argument).
func runWith(d *deps, args []string) int {
	if d.stdin == nil {
		d.stdin = os.Stdin
	}
	root := newRoot(d)
	root.SetArgs(args)
	if c, err := root.ExecuteC(); err != nil {
		var ex exitError
		if errors.As(err, &ex) {
			return int(ex)
		}
		reportUsageError(c, err, d.stderr)
		return 2
	}
	return d.code
}

// exitError ends a command with a code after the command said why itself.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// versionLine is what --version and bulkops version print.
func versionLine() string {
	return fmt.Sprintf("bulkops %s (%s)%s", version.String(), version.Platform(), edition)
}

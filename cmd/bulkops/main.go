// Command bulkops is the Bulkops desktop application for Webex Contact Center bulk
// configuration. With no arguments it opens the window; with a subcommand it works
// headless (bulkops help lists them).
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/bulkops/bulkops/internal/version"
)

// command is one subcommand. run gets the arguments after the command's name and returns
// the process exit code.
type command struct {
	name  string
	usage string // one line: arguments and what it does, in English (sayUsage translates it)
	run   func(d *deps, args []string) int
}

// deps are what a command reaches beyond its arguments, as gh hands its commands a
// factory: the streams it writes to, and how it starts a job's runner in the background.
// run gives the real ones; a test gives its own to runWith.
type deps struct {
	stdout, stderr io.Writer
	// startRunner runs "bulkops run-job --background ID..." detached (startDetached).
	startRunner func(profile string, ids ...string) error
}

var commands = map[string]command{}

// register adds a subcommand; each file of this package registers its own in init.
func register(name, usage string, run func(d *deps, args []string) int) {
	commands[name] = command{name: name, usage: usage, run: run}
}

// streams is a command that needs nothing beyond its arguments and output streams.
func streams(run func(args []string, stdout, stderr io.Writer) int) func(d *deps, args []string) int {
	return func(d *deps, args []string) int { return run(args, d.stdout, d.stderr) }
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	return runWith(&deps{stdout: stdout, stderr: stderr, startRunner: startDetached}, args)
}

// runWith runs the command args name with d.
func runWith(d *deps, args []string) int {
	stdout, stderr := d.stdout, d.stderr
	if len(args) == 0 || strings.HasPrefix(args[0], "--view") {
		return startGUI(args, stderr)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		usage(stdout)
		return 0
	}
	if name == "--version" || name == "-version" || name == "version" {
		fmt.Fprintf(stdout, "bulkops %s (%s)%s\n", version.String(), version.Platform(), edition)
		return 0
	}
	c, ok := commands[name]
	if !ok && isFile(name) { // bulkops FILE...: open the files in the window ("Open with")
		return startGUI(args, stderr)
	}
	if !ok {
		fmt.Fprintf(stderr, "bulkops: %s\n\n", say("unknown command %q", name))
		usage(stderr)
		return 2
	}
	return c.run(d, args[1:])
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir()
}

func usage(w io.Writer) {
	fmt.Fprintln(w, say("Bulkops - bulk configuration of Webex Contact Center"))
	fmt.Fprintln(w, say("\nUsage:\n  bulkops [--view V]      open the window (V: sheets, jobs, job:last, job:ID, connections)\n  bulkops FILE...          open files (CSV, XLSX, zip, error file) in the window\n  bulkops COMMAND [ARGS]\n  bulkops --version        print the version"))
	fmt.Fprintln(w, say("\nCommands:"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, sayUsage(commands[n].usage))
	}
}

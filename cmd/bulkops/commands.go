package main

import (
	"io"
	"slices"

	"github.com/spf13/cobra"
)

// builders make the subcommands: each file of this package adds its own in init, and a
// run builds them anew (a test runs many commands in one process, each with fresh flags).
var builders []func(d *deps) *cobra.Command

// addCommand adds a subcommand. build returns the command with its flags, Args and Run
// (d.exits(...) turns the command's run function into Run); it is called once per run.
func addCommand(build func(d *deps) *cobra.Command) {
	builders = append(builders, build)
}

// register adds a command that parses its own flags (the standard library's, with
// parseFlags): the way commands were added before cobra. It is kept so that a command
// not yet converted still plugs in: cobra hands it every argument as typed, --help and
// -h print the usage line on stdout, and it has no flag completion. To convert one, see
// addCommand and sheets_cmds.go: its flags go on cmd.Flags(), its usage in Use and Short.
func register(name, usage string, run func(d *deps, args []string) int) {
	addCommand(func(d *deps) *cobra.Command {
		args, _ := splitUsage(usage)
		_, short := splitUsage(sayUsage(usage))
		return &cobra.Command{
			Use: name + args, Short: short, DisableFlagParsing: true,
			Run: func(c *cobra.Command, args []string) {
				if wantsHelp(args) {
					d.code = 0
					c.SetOut(d.stdout)
					c.Help()
					return
				}
				d.code = run(d, args)
			},
		}
	})
}

// wantsHelp reports whether the arguments ask for help before a "--".
func wantsHelp(args []string) bool {
	if i := slices.Index(args, "--"); i >= 0 {
		args = args[:i]
	}
	return slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "--help" || a == "-help" })
}

// splitUsage splits an old usage line, "ARGS: what it does", into its arguments (with a
// leading space) and what it does.
func splitUsage(usage string) (args, short string) {
	for i := 0; i+1 < len(usage); i++ {
		if usage[i] == ':' && usage[i+1] == ' ' {
			return " " + usage[:i], usage[i+2:]
		}
	}
	return "", usage
}

// streams is a command that needs nothing beyond its arguments and output streams.
func streams(run func(args []string, stdout, stderr io.Writer) int) func(d *deps, args []string) int {
	return func(d *deps, args []string) int { return run(args, d.stdout, d.stderr) }
}

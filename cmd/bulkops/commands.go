package main

import "github.com/spf13/cobra"

// builders make the subcommands: each file of this package adds its own in init, and a
// run builds them anew (a test runs many commands in one process, each with fresh flags).
var builders []func(d *deps) *cobra.Command

// addCommand adds a subcommand. build returns the command with its flags, Args and Run
// (d.exits(...) turns the command's run function into Run); it is called once per run.
func addCommand(build func(d *deps) *cobra.Command) {
	builders = append(builders, build)
}

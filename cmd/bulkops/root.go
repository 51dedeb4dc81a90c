package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// newRoot builds the bulkops command with every subcommand, writing to d's streams.
// Without a subcommand it opens the window, on the files named if any ("Open with").
func newRoot(d *deps) *cobra.Command {
	var view string
	root := &cobra.Command{
		Use:   "bulkops [--view V] [FILE...]",
		Short: say("Bulkops - bulk configuration of Webex Contact Center"),
		Long: say("Bulkops - bulk configuration of Webex Contact Center") + "\n\n" +
			say("Without a command it opens the window, on the files named (CSV, XLSX, zip, error file)."),
		Version:           versionLine(),
		Args:              cobra.ArbitraryArgs,
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
		ValidArgsFunction: cobra.FixedCompletions(nil, cobra.ShellCompDirectiveDefault),
	}
	root.SuggestionsMinimumDistance = 2
	root.Run = d.exits(func(args []string) int { return runRoot(root, d, view, args) })
	root.Flags().StringVar(&view, "view", "", say("what to show first: sheets, jobs, job:last, job:ID or connections"))
	root.SetIn(d.stdin)
	root.SetOut(d.stdout)
	root.SetErr(d.stderr)
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetUsageTemplate(usageTemplate())
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(&cobra.Command{Use: "version", Short: say("print the version"), Args: noArgs,
		Run: func(*cobra.Command, []string) { fmt.Fprintln(d.stdout, versionLine()) }})
	for _, build := range builders {
		root.AddCommand(build(d))
	}
	translateBuiltins(root)
	for _, c := range root.Commands() { // each Use shows its flags already
		c.DisableFlagsInUseLine = true
		c.InitDefaultHelpFlag()
		c.Flags().Lookup("help").Usage = say("help for %s", c.Name())
	}
	return root
}

// runRoot opens the window, or refuses a word that is neither a command nor a file with
// the commands it may have meant.
func runRoot(root *cobra.Command, d *deps, view string, args []string) int {
	if len(args) > 0 && !isFile(args[0]) && !strings.ContainsAny(args[0], `./\`) {
		fmt.Fprintf(d.stderr, "bulkops: %s\n", say("unknown command %q", args[0]))
		if s := root.SuggestionsFor(args[0]); len(s) > 0 {
			fmt.Fprintf(d.stderr, "%s\n\t%s\n", say("Did you mean this?"), strings.Join(s, "\n\t"))
		}
		fmt.Fprintln(d.stderr, say("Run '%s' for usage.", "bulkops --help"))
		return 2
	}
	if view != "" {
		args = append([]string{"--view", view}, args...)
	}
	return startGUI(args, d.stderr)
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir()
}

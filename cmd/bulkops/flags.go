package main

import (
	"flag"
	"io"

	"github.com/spf13/cobra"
)

// parseFlags parses the window's own flags (bulkops [--view V] FILE...: no subcommand, so
// not cobra's) with fs, allowing flags after the file names, as users type them.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, bool) {
	fs.SetOutput(stderr)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, true
		}
		if rest[0] == "--" {
			return append(positional, rest[1:]...), true
		}
		// A positional argument: keep it and go on parsing, as flags may follow it.
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// The flags several commands share, each with its completion.

// objectFlag adds --object KEY, completed with the object types' keys.
func objectFlag(c *cobra.Command, to *string, usage string) {
	c.Flags().StringVar(to, "object", "", usage)
	c.RegisterFlagCompletionFunc("object", completeObjects)
}

// outputFlag adds -o/--output FILE.
func outputFlag(c *cobra.Command, to *string, usage string) {
	c.Flags().StringVarP(to, "output", "o", "", usage)
}

// encodingFlag adds --encoding to a command that reads sheets.
func encodingFlag(c *cobra.Command, to *string) {
	c.Flags().StringVar(to, "encoding", "", say("text encoding of CSV files (utf-8, utf-16le, windows-1250, windows-1252, shift_jis…); detected when omitted"))
	c.RegisterFlagCompletionFunc("encoding", cobra.FixedCompletions(
		[]string{"utf-8", "utf-16le", "utf-16be", "windows-1250", "windows-1252", "iso-8859-2", "shift_jis"}, cobra.ShellCompDirectiveNoFileComp))
}

// profileFlag adds --profile NAME, completed with the profiles of profiles.json.
func profileFlag(c *cobra.Command, to *string, usage string) {
	c.Flags().StringVar(to, "profile", "", usage)
	c.RegisterFlagCompletionFunc("profile", completeProfiles)
}

// required marks flags a command cannot run without; cobra refuses the call without them.
func required(c *cobra.Command, names ...string) {
	for _, n := range names {
		c.MarkFlagRequired(n)
	}
}

// sheetFlag adds --sheet to a command that reads sheets: a workbook with records on
// several sheets is read one sheet at a time.
func sheetFlag(c *cobra.Command, to *string) {
	c.Flags().StringVar(to, "sheet", "", say("the worksheet of an XLSX workbook to read; needed when several hold records"))
}

// jsonFlag adds --json: the command's result as JSON on stdout (json_out.go).
func jsonFlag(c *cobra.Command, to *bool) {
	c.Flags().BoolVar(to, "json", false, say("print the result as JSON (README: Machine-readable output)"))
}

// quietFlag adds -q/--quiet: no progress on stderr (what went wrong is still said).
func quietFlag(c *cobra.Command, to *bool) {
	c.Flags().BoolVarP(to, "quiet", "q", false, say("show no progress"))
}

package main

import (
	"flag"
	"io"
)

// parseFlags parses args with fs, allowing flags after the positional arguments
// (bulkops validate users.csv --object user), as users type them.
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

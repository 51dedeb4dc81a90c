package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/bulkops/bulkops/internal/i18n"
)

// usageTemplate is cobra's usage template with its headings in the command line's
// language; the usage line and the flags come from each command's own definition.
func usageTemplate() string {
	return say("Usage:") + `{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if .HasExample}}

` + say("Examples:") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + say("Commands:") + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + say("Flags:") + `
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

` + say("Global flags:") + `
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

` + say(`Use "%s" for more information about a command.`, "{{.CommandPath}} COMMAND --help") + `{{end}}
`
}

// translateBuiltins puts cobra's own commands (help, completion) in the command line's
// language.
func translateBuiltins(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = say("help about any command")
			c.Long = say("Help provides help for any command: bulkops help COMMAND.")
		case "completion":
			c.Short = say("write the shell completion script (bash, zsh, fish, powershell)")
		}
	}
	root.InitDefaultHelpFlag()
	root.Flags().Lookup("help").Usage = say("help for %s", "bulkops")
	root.InitDefaultVersionFlag()
	root.Flags().Lookup("version").Usage = say("print the version")
}

// The errors of pflag that are the user's: they are matched to put them in the command
// line's language.
var (
	unknownFlag = regexp.MustCompile(`^unknown (?:shorthand )?flag: (?:'(.)' in )?(-{1,2}[^ ]+)`)
	needsValue  = regexp.MustCompile(`^flag needs an argument: (?:'(.)' in )?(-{1,2}[^ ]+)`)
	missing     = regexp.MustCompile(`^required flag\(s\) (.+) not set$`)
)

// flagError is the error of a flag that could not be parsed, with the flags the user may
// have meant.
func flagError(c *cobra.Command, err error) error {
	msg := err.Error()
	if m := unknownFlag.FindStringSubmatch(msg); m != nil {
		return i18n.Errorf("unknown flag %s%s", m[2], flagSuggestions(c, m[2]))
	}
	if m := needsValue.FindStringSubmatch(msg); m != nil {
		return i18n.Errorf("flag %s needs a value", m[2])
	}
	return err
}

// flagSuggestions lists the flags of c near name, as cobra does for commands.
func flagSuggestions(c *cobra.Command, name string) i18n.Msg {
	typed := strings.TrimLeft(name, "-")
	if i := strings.IndexByte(typed, '='); i >= 0 {
		typed = typed[:i]
	}
	var near []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && (distance(typed, f.Name) <= 2 || len(typed) > 1 && strings.HasPrefix(f.Name, typed)) {
			near = append(near, "--"+f.Name)
		}
	})
	if len(near) == 0 {
		return i18n.Msg{}
	}
	return i18n.M("\n\nDid you mean this?\n\t%s", strings.Join(near, "\n\t"))
}

// distance is the Levenshtein distance of a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// reportUsageError says why cobra refused a call, and where its usage is.
func reportUsageError(c *cobra.Command, err error, stderr io.Writer) {
	if m := missing.FindStringSubmatch(err.Error()); m != nil {
		err = i18n.Errorf("%s needs %s", c.CommandPath(), "--"+strings.ReplaceAll(strings.Trim(m[1], `"`), `", "`, " --"))
	}
	fmt.Fprintln(stderr, "bulkops:", sayErr(err))
	fmt.Fprintln(stderr, say("Run '%s' for usage.", c.CommandPath()+" --help"))
}

// Argument checks with their reasons in the command line's language.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return i18n.Errorf("%s takes no arguments; %q is one too many", c.CommandPath(), args[0])
	}
	return nil
}

func exactArgs(n int, what i18n.Msg) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		switch {
		case len(args) < n:
			return i18n.Errorf("%s needs %s", c.CommandPath(), what)
		case len(args) > n:
			return i18n.Errorf("%s takes only %s; %q is one too many", c.CommandPath(), what, args[n])
		}
		return nil
	}
}

func minArgs(n int, what i18n.Msg) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return i18n.Errorf("%s needs %s", c.CommandPath(), what)
		}
		return nil
	}
}

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Help is asked for as gh and kubectl take it: CMD --help, CMD -h and help CMD print the
// command's usage, made from its flags, on stdout and exit 0.
func TestHelpOnStdout(t *testing.T) {
	for _, args := range [][]string{{"validate", "--help"}, {"validate", "-h"}, {"help", "validate"}} {
		code, out, errs := runCLI(t, args...)
		if code != 0 || errs != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errs)
		}
		for _, want := range []string{"bulkops validate [--object KEY] [--encoding ENC] [--sheet NAME] [--json] FILE...", "--encoding", "--object"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: help lacks %q:\n%s", args, want, out)
			}
		}
	}
}

// The general help lists every command, and each command's flags are its own help's.
func TestGeneralHelpListsEveryCommand(t *testing.T) {
	code, out, _ := runCLI(t, "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, b := range builders {
		c := b(&deps{})
		name := c.Name()
		if c.Hidden {
			continue
		}
		if !strings.Contains(out, "\n  "+name+" ") {
			t.Errorf("the general help does not list %s:\n%s", name, out)
		}
	}
	_, out, _ = runCLI(t, "jobs", "--help")
	if !strings.Contains(out, "-n, --limit int") {
		t.Errorf("jobs --help lacks -n:\n%s", out)
	}
}

// A mistyped command or flag is refused with exit 2 and what the user may have meant;
// an argument a command does not take is refused, not ignored.
func TestSuggestionsAndRefusals(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"valdate"}, "\tvalidate"},
		{[]string{"validate", "--objct", "user", "x.csv"}, "\t--object"},
		{[]string{"objects", "extra"}, `"extra" is one too many`},
		{[]string{"job"}, "needs a job id"},
		{[]string{"template", "--object", "site"}, "needs --output"},
		{[]string{"jobs", "--bogus"}, "unknown flag --bogus"},
	} {
		code, out, errs := runCLI(t, c.args...)
		if code != 2 || out != "" || !strings.Contains(errs, c.want) || !strings.Contains(errs, "--help' for usage") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, errs, c.want)
		}
	}
}

// The completion script for bash loads in bash and registers bulkops; object keys are
// completed from the catalog.
func TestCompletionLoadsInBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	code, script, errs := runCLI(t, "completion", "bash")
	if code != 0 || errs != "" {
		t.Fatalf("completion bash: exit %d, stderr %q", code, errs)
	}
	path := filepath.Join(t.TempDir(), "bulkops.bash")
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bash, "-c", "source "+path+" && complete -p bulkops").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "bulkops") {
		t.Fatalf("the script does not load in bash: %v\n%s", err, out)
	}
	for _, shell := range []string{"zsh", "fish", "powershell"} {
		if code, script, _ := runCLI(t, "completion", shell); code != 0 || !strings.Contains(script, "bulkops") {
			t.Errorf("completion %s: exit %d", shell, code)
		}
	}
	_, out2, _ := runCLI(t, "__complete", "validate", "--object", "sit")
	if !strings.Contains(out2, "site\t") {
		t.Errorf("--object sit completes to %q, want site", out2)
	}
}

// The man pages the Linux package ships are made from the same definitions as the help.
func TestManPages(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCLI(t, "man-pages", dir); code != 0 {
		t.Fatalf("man-pages: exit %d\n%s", code, errs)
	}
	page, err := os.ReadFile(filepath.Join(dir, "bulkops-validate.1"))
	if err != nil || !strings.Contains(string(page), `\fB--encoding\fP`) || !strings.Contains(string(page), "bulkops validate [--object KEY]") {
		t.Errorf("bulkops-validate.1: %v\n%s", err, page)
	}
}

// The sandbox command, whose flags are the library's options, has the same help convention.
func TestSandboxCommandHelp(t *testing.T) {
	code, out, errs := runCLI(t, "sandbox", "--help")
	if code != 0 || errs != "" || !strings.Contains(out, "bulkops sandbox [--addr A]") || !strings.Contains(out, "run a local Webex Contact Center emulator") {
		t.Errorf("sandbox --help: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

package sandbox

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Run is the `bulkops sandbox` command: it parses args, serves a sandbox until ctx is
// done and returns the process exit code (2 for bad arguments).
//
//	bulkops sandbox [--addr 127.0.0.1:8085] [--data DIR] [--seed demo|empty] [--rate N]
//	                [--faults SPEC] [--auto-approve]
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt, err := parseArgs(args, stderr)
	if err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintln(stderr, "bulkops sandbox:", err)
			return 2
		}
		return 0
	}
	r, err := Start(opt)
	if err != nil {
		fmt.Fprintln(stderr, "bulkops sandbox:", err)
		return 1
	}
	printBanner(stdout, r, opt)
	<-ctx.Done()
	fmt.Fprintln(stdout, "Stopping the sandbox…")
	if err := r.Close(); err != nil {
		fmt.Fprintln(stderr, "bulkops sandbox:", err)
		return 1
	}
	return 0
}

func parseArgs(args []string, stderr io.Writer) (Options, error) {
	fs := flag.NewFlagSet("bulkops sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", DefaultAddr, "listen address (loopback unless a host is given)")
	data := fs.String("data", "", "keep the organization in `DIR`/"+StateFileName+" (default: in memory only)")
	seedKind := fs.String("seed", SeedDemo, "what a new organization holds: demo or empty")
	rate := fs.Int("rate", DefaultRate, "requests per minute per client id; 0 = no limit")
	faults := fs.String("faults", "", "inject faults, e.g. latency=50ms,500=0.05,503=0.02,reset=0.01,lost=0.01,429=0.05")
	auto := fs.Bool("auto-approve", false, "approve sign-ins at once, without the consent page")
	if err := fs.Parse(args); err != nil {
		return Options{}, err
	}
	if fs.NArg() > 0 {
		return Options{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	f, err := ParseFaults(*faults)
	if err != nil {
		return Options{}, err
	}
	if *seedKind != SeedDemo && *seedKind != SeedEmpty {
		return Options{}, fmt.Errorf("--seed %q: want %s or %s", *seedKind, SeedDemo, SeedEmpty)
	}
	if *rate < 0 {
		return Options{}, fmt.Errorf("--rate %d: want 0 (no limit) or more", *rate)
	}
	opt := Options{Addr: *addr, Seed: *seedKind, Rate: *rate, Faults: f, AutoApprove: *auto}
	if *data != "" {
		opt.DataFile = filepath.Join(*data, StateFileName)
	}
	return opt, nil
}

// printBanner tells the user where the sandbox is and how to sign in to it. The client
// secret is printed because the user needs it to configure a client; it is generated
// anew at every start and good only for this sandbox.
func printBanner(w io.Writer, r *Running, opt Options) {
	c := r.Client()
	fmt.Fprintf(w, "Bulkops sandbox running at %s\n\n", r.URL())
	fmt.Fprintf(w, "  Organization id:  %s\n", r.OrgID())
	fmt.Fprintf(w, "  Authorize URL:    %s/v1/authorize\n", r.URL())
	fmt.Fprintf(w, "  Token URL:        %s/v1/access_token\n", r.URL())
	fmt.Fprintf(w, "  Config API:       %s/organization/%s/\n", r.URL(), r.OrgID())
	fmt.Fprintf(w, "  Client id:        %s\n", c.ID)
	if c.Public {
		fmt.Fprintf(w, "  Client secret:    none (a public client: sign in with PKCE)\n")
	} else {
		fmt.Fprintf(w, "  Client secret:    %s\n", c.Secret)
	}
	fmt.Fprintf(w, "  Redirect URIs:    %s\n", strings.Join(c.RedirectURIs, ", "))
	state := "in memory only (lost when the sandbox stops)"
	if opt.DataFile != "" {
		state = opt.DataFile
	}
	fmt.Fprintf(w, "  State:            %s\n", state)
	rate := "off"
	if opt.Rate > 0 {
		rate = fmt.Sprintf("%d requests/minute per client id", opt.Rate)
	}
	fmt.Fprintf(w, "  Rate limit:       %s\n", rate)
	if s := opt.Faults.String(); s != "" {
		fmt.Fprintf(w, "  Faults:           %s\n", s)
	}
	if !r.Loopback() {
		fmt.Fprintln(w, "\n  WARNING: listening beyond this machine; anyone who can reach it can sign in.")
	}
	fmt.Fprintln(w, "\nSessions are kept in memory: restarting the sandbox signs everyone out. Press Ctrl+C to stop.")
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/bulkops/bulkops/sync/sandbox"
)

func init() {
	register("sandbox",
		"[--addr A] [--data DIR] [--seed demo|empty] [--rate N] [--faults SPEC] [--auto-approve] [--check-spec] [--work-item-feature] [--strictest]: run a local Webex Contact Center emulator",
		streams(runSandbox))
}

// runSandbox is `bulkops sandbox`: it parses the flags and serves a sandbox until the
// process is interrupted; 2 for bad arguments.
func runSandbox(args []string, stdout, stderr io.Writer) int {
	opt, err := sandboxOptions(args, stderr)
	if err == flag.ErrHelp {
		return 0
	} else if err != nil {
		fmt.Fprintln(stderr, "bulkops sandbox:", err)
		return 2
	}
	opt.OnViolation = func(v sandbox.Violation) { fmt.Fprintln(stderr, "bulkops sandbox:", v) }
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := sandbox.Serve(ctx, opt, stdout); err != nil {
		fmt.Fprintln(stderr, "bulkops sandbox:", err)
		return 1
	}
	return 0
}

// sandboxOptions reads the flags of `bulkops sandbox` into the sandbox's options.
func sandboxOptions(args []string, stderr io.Writer) (sandbox.Options, error) {
	fs := flag.NewFlagSet("bulkops sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", sandbox.DefaultAddr, "listen address (loopback unless a host is given)")
	data := fs.String("data", "", "keep the organization in `DIR`/"+sandbox.StateFileName+" (default: in memory only)")
	seedKind := fs.String("seed", sandbox.SeedDemo, "what a new organization holds: demo or empty")
	rate := fs.Int("rate", sandbox.DefaultRate, "requests per minute per client id; 0 = no limit")
	faults := fs.String("faults", "", "inject faults, e.g. latency=50ms,500=0.05,503=0.02,reset=0.01,lost=0.01,429=0.05")
	auto := fs.Bool("auto-approve", false, "approve sign-ins at once, without the consent page")
	check := fs.Bool("check-spec", false, "refuse requests Cisco's spec does not allow, and report responses it does not describe")
	workItem := fs.Bool("work-item-feature", false, "the tenant has the work-item feature: multimedia profiles take workItem back on a write")
	strictest := fs.Bool("strictest", false, "where no record says what live tenants do, answer the strict way "+
		"(address-book entry bulk refuses ids; a v3 address-book PUT drops the entries; a queue create needs defaultMusicInQueueMediaFileId)")
	if err := fs.Parse(args); err != nil {
		return sandbox.Options{}, err
	}
	if fs.NArg() > 0 {
		return sandbox.Options{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	f, err := sandbox.ParseFaults(*faults)
	if err != nil {
		return sandbox.Options{}, err
	}
	if *seedKind != sandbox.SeedDemo && *seedKind != sandbox.SeedEmpty {
		return sandbox.Options{}, fmt.Errorf("--seed %q: want %s or %s", *seedKind, sandbox.SeedDemo, sandbox.SeedEmpty)
	}
	if *rate < 0 {
		return sandbox.Options{}, fmt.Errorf("--rate %d: want 0 (no limit) or more", *rate)
	}
	opt := sandbox.Options{Addr: *addr, Seed: *seedKind, Rate: *rate, Faults: f, AutoApprove: *auto, CheckSpec: *check,
		WorkItemFeature: *workItem, Unverified: sandbox.Unverified{EntryIDWall: *strictest, QueueNeedsDefaultMusic: *strictest, BookPutDropsEntries: *strictest}}
	if *data != "" {
		opt.DataFile = filepath.Join(*data, sandbox.StateFileName)
	}
	return opt, nil
}

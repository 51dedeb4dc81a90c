package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/bulkops/bulkops/sync/sandbox"
)

func init() {
	addCommand(newSandboxCmd)
}

// sandboxFlags are the flags of `bulkops sandbox`.
type sandboxFlags struct {
	addr, data, seed, faults         string
	rate                             int
	auto, check, workItem, strictest bool
}

func newSandboxCmd(d *deps) *cobra.Command {
	var fl sandboxFlags
	c := &cobra.Command{Use: "sandbox [--addr A] [--data DIR] [--seed demo|empty] [--rate N] [--faults SPEC] [--auto-approve] [--check-spec] [--work-item-feature] [--strictest]",
		Short: say("run a local Webex Contact Center emulator"), Args: noArgs,
		Run: d.exits(func([]string) int { return runSandbox(fl, d.stdout, d.stderr) })}
	f := c.Flags()
	f.StringVar(&fl.addr, "addr", sandbox.DefaultAddr, "listen address (loopback unless a host is given)")
	f.StringVar(&fl.data, "data", "", "keep the organization in `DIR`/"+sandbox.StateFileName+" (default: in memory only)")
	f.StringVar(&fl.seed, "seed", sandbox.SeedDemo, "what a new organization holds: demo or empty")
	c.RegisterFlagCompletionFunc("seed", cobra.FixedCompletions([]string{sandbox.SeedDemo, sandbox.SeedEmpty}, cobra.ShellCompDirectiveNoFileComp))
	f.IntVar(&fl.rate, "rate", sandbox.DefaultRate, "requests per minute per client id; 0 = no limit")
	f.StringVar(&fl.faults, "faults", "", "inject faults, e.g. latency=50ms,500=0.05,503=0.02,reset=0.01,lost=0.01,429=0.05")
	f.BoolVar(&fl.auto, "auto-approve", false, "approve sign-ins at once, without the consent page")
	f.BoolVar(&fl.check, "check-spec", false, "refuse requests Cisco's spec does not allow, and report responses it does not describe")
	f.BoolVar(&fl.workItem, "work-item-feature", false, "the tenant has the work-item feature: multimedia profiles take workItem back on a write")
	f.BoolVar(&fl.strictest, "strictest", false, "where no record says what live tenants do, answer the strict way "+
		"(address-book entry bulk refuses ids; a v3 address-book PUT drops the entries; a queue create needs defaultMusicInQueueMediaFileId)")
	return c
}

// runSandbox is `bulkops sandbox`: it serves a sandbox until the process is interrupted;
// 2 for bad flag values.
func runSandbox(fl sandboxFlags, stdout, stderr io.Writer) int {
	opt, err := sandboxOptions(fl)
	if err != nil {
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

// sandboxOptions turns the flags of `bulkops sandbox` into the sandbox's options.
func sandboxOptions(fl sandboxFlags) (sandbox.Options, error) {
	addr, data, seedKind, rate, faults, auto, check, workItem, strictest := &fl.addr, &fl.data, &fl.seed, &fl.rate, &fl.faults, &fl.auto, &fl.check, &fl.workItem, &fl.strictest
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

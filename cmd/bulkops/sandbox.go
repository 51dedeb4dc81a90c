package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/bulkops/bulkops/sync/sandbox"
)

func init() {
	register("sandbox",
		"[--addr A] [--data DIR] [--seed demo|empty] [--rate N] [--faults SPEC] [--auto-approve]: run a local Webex Contact Center emulator",
		streams(runSandbox))
}

func runSandbox(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return sandbox.Run(ctx, args, stdout, stderr)
}

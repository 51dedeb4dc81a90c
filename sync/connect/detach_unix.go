//go:build unix

package connect

import (
	"os/exec"
	"syscall"
)

// Detach makes cmd outlive the terminal that starts it: a job's runner goes on after
// the command line that submitted the job has returned.
func Detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}

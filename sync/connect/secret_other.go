//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package connect

import (
	"errors"
	"os"
)

// noEcho is not available here: the secret is read as typed.
func noEcho(*os.File) (func(), error) { return nil, errors.New("no terminal control on this system") }

//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package connect

import (
	"os"

	"github.com/bulkops/bulkops/internal/i18n"
)

// noEcho is not available here: the secret is read as typed.
func noEcho(*os.File) (func(), error) { return nil, i18n.Errorf("no terminal control on this system") }

package connect

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
)

// ReadSecret asks for a secret on the terminal without echoing it; when in is not a
// terminal (a pipe: echo "$SECRET" | bulkops login …) it reads one line. The secret
// never appears on the screen, in a command line or in a file.
func ReadSecret(in *os.File, out io.Writer, prompt string) (string, error) {
	fmt.Fprint(out, prompt)
	restore, err := noEcho(in)
	if err == nil {
		defer func() {
			restore()
			fmt.Fprintln(out)
		}()
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", i18n.Errorf("reading the secret: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

package main

import (
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/internal/version"
)

// man-pages DIR writes a man page per command (bulkops.1, bulkops-validate.1…) from the
// same definitions the help prints; the Linux package ships them (scripts/package.sh).
// It is hidden: it is for packagers, not for users.
func init() {
	addCommand(func(d *deps) *cobra.Command {
		return &cobra.Command{Use: "man-pages DIR", Hidden: true, Args: exactArgs(1, i18n.M("a folder")),
			Run: d.exits(func(args []string) int {
				if err := os.MkdirAll(args[0], 0o755); err != nil {
					return fail(d.stderr, err)
				}
				root := newRoot(&deps{stdout: d.stdout, stderr: d.stderr})
				root.DisableAutoGenTag = true
				header := &doc.GenManHeader{Title: "BULKOPS", Section: "1", Source: "Bulkops " + version.String(), Manual: "Bulkops manual"}
				if err := doc.GenManTree(root, header, args[0]); err != nil {
					return fail(d.stderr, err)
				}
				return 0
			})}
	})
}

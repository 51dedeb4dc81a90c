package main

import (
	"fmt"
	"os"
)

// startGUI opens the window. Until the desktop UI lands it prints the CLI help.
func startGUI() int {
	usage(os.Stdout)
	fmt.Fprintln(os.Stdout, "\n(the desktop window is not built yet)")
	return 0
}

// Command pecheck checks a Windows executable the way the package test needs: an amd64
// PE of the expected subsystem (window or console) whose resources hold the icon, the
// version info and the manifest, with the expected ProductVersion.
//
//	go run ./scripts/pecheck -subsystem gui -version v1.2.0 Bulkops.exe
package main

import (
	"debug/pe"
	"errors"
	"flag"
	"fmt"
	"os"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

func main() {
	subsystem := flag.String("subsystem", "gui", "gui or console")
	want := flag.String("version", "", "the ProductVersion expected")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pecheck [-subsystem gui|console] [-version V] FILE.exe")
		os.Exit(2)
	}
	if err := check(flag.Arg(0), *subsystem, *want); err != nil {
		fmt.Fprintf(os.Stderr, "pecheck: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
}

func check(path, subsystem, want string) error {
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("machine %#x, want amd64", f.Machine)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return errors.New("not a PE32+ (64-bit) executable")
	}
	wantSub := map[string]uint16{"gui": pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, "console": pe.IMAGE_SUBSYSTEM_WINDOWS_CUI}[subsystem]
	if oh.Subsystem != wantSub {
		return fmt.Errorf("subsystem %d, want %s (%d)", oh.Subsystem, subsystem, wantSub)
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return errors.New("no .rsrc section: no icon, no version info")
	}
	data, err := rsrc.Data()
	if err != nil {
		return fmt.Errorf(".rsrc: %w", err)
	}
	r := resources{data: data, base: rsrc.VirtualAddress}
	types, err := r.dir(0)
	if err != nil {
		return err
	}
	icons, err := r.count(types, rtIcon)
	if err != nil {
		return err
	}
	for _, t := range []uint32{rtGroupIcon, rtVersion, rtManifest} {
		if _, ok := types[t]; !ok {
			return fmt.Errorf("no resource of type %d", t)
		}
	}
	ver, err := r.productVersion(types[rtVersion])
	if err != nil {
		return err
	}
	if want != "" && ver != want {
		return fmt.Errorf("ProductVersion %q, want %q", ver, want)
	}
	fmt.Printf("%s: PE32+ amd64, %s subsystem, %d icon images, version info (ProductVersion %s), manifest\n",
		path, subsystem, icons, ver)
	return nil
}

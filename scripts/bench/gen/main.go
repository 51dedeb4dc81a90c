// Command gen writes the input files of the pack and validate benchmarks
// (scripts/bench-pack.sh): N work types as a CSV or XLSX file, valid, or with every row
// invalid (a name with characters the catalog refuses, no type).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

func main() {
	n := flag.Int("n", 100_000, "records")
	out := flag.String("o", "worktypes.csv", "output file: .csv or .xlsx")
	invalid := flag.Bool("invalid", false, "make every record invalid")
	flag.Parse()
	var err error
	if strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		err = writeXLSX(*out, *n, *invalid)
	} else {
		err = writeCSV(*out, *n, *invalid)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

var header = []string{"Name", "Description", "Type"}

// record i: about 130 bytes, as in the 13 MB for 100,000 work types.
func record(i int, invalid bool) []string {
	if invalid {
		return []string{fmt.Sprintf("Wrap-up #%07d!", i), "", ""}
	}
	typ := "IDLE_CODE"
	if i%2 == 1 {
		typ = "WRAP_UP_CODE"
	}
	return []string{fmt.Sprintf("Work type %07d", i),
		fmt.Sprintf("Reason %07d for agents of the Prague and Brno contact centres and kept for the quarterly reports", i), typ}
}

func writeCSV(path string, n int, invalid bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(strings.Join(header, ",") + "\r\n")
	for i := 0; i < n; i++ {
		w.WriteString(strings.Join(record(i, invalid), ",") + "\r\n")
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func writeXLSX(path string, n int, invalid bool) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	row := func(r int, cells []string) error {
		vs := make([]any, len(cells))
		for i, c := range cells {
			vs[i] = c
		}
		name, _ := excelize.CoordinatesToCellName(1, r)
		return sw.SetRow(name, vs)
	}
	if err := row(1, header); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if err := row(i+2, record(i, invalid)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

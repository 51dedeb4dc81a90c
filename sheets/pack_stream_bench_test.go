package sheets

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Benchmarks of the streaming pack and check on work types, the records of issue 14
// (about 130 bytes each; scripts/bench-pack.sh times the whole process on the same
// records). Profile one with, for example,
//
//	go test -run '^$' -bench 'PackFiles/1000000' -cpuprofile cpu.out -memprofile mem.out ./sheets/

// writeWorkTypes writes n work types as scripts/bench/gen does.
func writeWorkTypes(b *testing.B, n int) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), fmt.Sprintf("wt%d.csv", n))
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("Name,Description,Type\r\n")
	for i := 0; i < n; i++ {
		typ := "IDLE_CODE"
		if i%2 == 1 {
			typ = "WRAP_UP_CODE"
		}
		fmt.Fprintf(w, "Work type %07d,Reason %07d for agents of the Prague and Brno contact centres and kept for the quarterly reports,%s\r\n", i, i, typ)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return p
}

func BenchmarkPackFiles(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			in := writeWorkTypes(b, n)
			out := filepath.Join(b.TempDir(), "out.zip")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, _, err := PackFiles([]string{in}, out, PackOptions{Cap: 100}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCheckFiles1M(b *testing.B) {
	in := writeWorkTypes(b, 1_000_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := CheckFiles([]Source{FileSource(in, ReadOptions{})}, CheckOptions{Cap: 100})
		if err != nil || rep.Errors > 0 {
			b.Fatal(err, rep.Errors)
		}
	}
}

func BenchmarkPackFilesXLSX100k(b *testing.B) {
	in := filepath.Join(b.TempDir(), "wt.xlsx")
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	sw.SetRow("A1", []any{"Name", "Description", "Type"})
	for i := 0; i < 100_000; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, []any{fmt.Sprintf("Work type %07d", i),
			fmt.Sprintf("Reason %07d for agents of the Prague and Brno contact centres and kept for the quarterly reports", i), "IDLE_CODE"})
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(in); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "out.zip")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := PackFiles([]string{in}, out, PackOptions{Cap: 100}); err != nil {
			b.Fatal(err)
		}
	}
}

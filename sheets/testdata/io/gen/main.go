// Command gen writes the fixtures of sheets/testdata/io the way Excel writes them.
// Run from the repository root: go run ./sheets/testdata/io/gen sheets/testdata/io
package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func write(dir, name string, b []byte) { must(os.WriteFile(filepath.Join(dir, name), b, 0o644)) }

func main() {
	dir := os.Args[1]
	must(os.MkdirAll(dir, 0o755))

	// Czech Excel, "CSV (oddělený středníkem)": Windows-1250, semicolons, CRLF.
	czech := "Name;Description;Phone;Code;Channel Type;Enabled\r\n" +
		"Praha Žižkov;Pobočka Dvořákova – Třebíč;+420123456789;00123;TELEPHONY;ON\r\n" +
		"Brno střed;\"Kancelář; 2. patro\";+420987654321;007;CHAT;\r\n" +
		"Ústí nad Labem;;;;EMAIL;OFF\r\n"
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(czech))
	must(err)
	write(dir, "czech-1250.csv", b)

	// German Excel, "CSV (Trennzeichen-getrennt)": Windows-1252, semicolons, CRLF.
	german := "Name;Description;Phone;Code;Channel Type;Enabled\r\n" +
		"München;Büro, 2. OG – Straße;+4989123456;0815;TELEPHONY;ON\r\n" +
		"Köln Süd;\"Größe \"\"XL\"\"\";;;EMAIL;OFF\r\n"
	b, err = charmap.Windows1252.NewEncoder().Bytes([]byte(german))
	must(err)
	write(dir, "german-1252.csv", b)

	// US Excel, "CSV UTF-8 (Comma delimited)": BOM, commas, CRLF.
	us := "\ufeffName,Description,Phone,Code,Channel Type,Enabled\r\n" +
		"New York,\"Suite 100, Floor 2\",+14155550100,00123,TELEPHONY,ON\r\n" +
		"Zoë's Café,Crème brûlée 🍮,,,CHAT,OFF\r\n"
	write(dir, "us-utf8-bom.csv", []byte(us))

	// Excel "Unicode Text": UTF-16 LE with BOM, tabs, CRLF.
	uni := "Name\tDescription\tPhone\tCode\tChannel Type\tEnabled\r\n" +
		"Praha Žižkov\t東京 office\t+420123456789\t00123\tTELEPHONY\tON\r\n" +
		"Warszawa\t\"tab\there\"\t\t\tCHAT\tOFF\r\n"
	b, err = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(uni))
	must(err)
	write(dir, "unicode-utf16le.txt", b)

	// A quoted field with a line break and doubled quotes; LF line ends, no BOM.
	multi := "Name,Description,Phone,Code,Channel Type,Enabled\n" +
		"Line Site,\"first line\nsecond \"\"quoted\"\" line\",,,CHAT,ON\n" +
		"Next,plain,,,EMAIL,OFF\n"
	write(dir, "multiline.csv", []byte(multi))

	// Excel's "sep=" hint line, and CR-only line ends (old Mac Excel "CSV (Macintosh)").
	write(dir, "sep-line.csv", []byte("sep=;\r\nName;Description;Phone\r\nOslo;a,b;+4712345678\r\n"))
	write(dir, "mac-cr.csv", []byte("Name,Description,Phone\rLyon,Caf\xc3\xa9,+33123456789\r"))

	// A Control Hub error file of teams: the input columns plus Error Message.
	errs := "Name,Site,Type,Multimedia Profile,Skill Profile,DN,Capacity,Desktop Layout,Error Message\r\n" +
		"Praha Žižkov,Praha,AGENT,,,+420123456789,,,Site with name Praha does not exist\r\n" +
		"Brno,Brno,CAPACITY,,,,abc,,\"Invalid capacity: abc. Expected a number, e.g. 10\"\r\n" +
		"Ostrava,Ostrava,AGENT,,,,,,\r\n"
	write(dir, "controlhub-errors.csv", []byte(errs))

	// A zip of two CSVs of one object type, plus the litter macOS adds.
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for _, e := range [][2]string{
		{"part1.csv", "Name,Phone,Code\r\nA1,+420111,001\r\nA2,+420222,002\r\n"},
		{"part2.csv", "Name,Code,Phone,Extra\r\nB1,003,+420333,x\r\n"},
		{"__MACOSX/._part1.csv", "\x00\x05\x16\x07junk"},
	} {
		w, err := zw.Create(e[0])
		must(err)
		_, err = w.Write([]byte(e[1]))
		must(err)
	}
	must(zw.Close())
	write(dir, "two-parts.zip", zb.Bytes())

	// An XLSX as a person edits one: a phone typed as a number, text with + and 0.
	f := excelize.NewFile()
	must(f.SetSheetName("Sheet1", "Sites"))
	rows := [][]any{
		{"Name", "Description", "Phone", "Code", "Channel Type", "Enabled"},
		{"Praha Žižkov", "Pobočka", 420123456789, "00123", "TELEPHONY", "ON"},
		{"Brno", nil, "+420987654321", "007", "CHAT"},
		{},
		{"Ostrava", "after an empty row", nil, nil, "EMAIL", "OFF"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow("Sites", cell, &r))
	}
	_, err = f.NewSheet("Other")
	must(err)
	must(f.SetSheetRow("Other", "A1", &[]any{"Name", "Phone"}))
	must(f.SetSheetRow("Other", "A2", &[]any{"Second", "+1"}))
	must(f.SaveAs(filepath.Join(dir, "sites.xlsx")))
	must(os.Chmod(filepath.Join(dir, "sites.xlsx"), 0o644))
}

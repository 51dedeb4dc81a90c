package sheets

import "bytes"

// Packed is a package made in memory by PackInMemory: what Pack writes to a file, and
// the files in it as sheets.
type Packed struct {
	Package        // Path is the package's name: BASE.csv or BASE.zip
	Data    []byte // the package's bytes, as Pack writes them
	// Parts are the CSV files in the package, in order, one sheet each: File is the file's
	// name in the package (Package.Files), the columns its header, the rows its records as
	// written (ON/OFF and true/false in the catalog's spelling), so what reading the
	// package back would give, without reading it.
	Parts []*Sheet
}

// PackInMemory packs a sheet as Pack does, into memory: base is the package's name
// without extension (sites → sites.csv, or sites.zip when the records need several
// files). It refuses what Pack refuses, a sheet with errors of its own with a
// *FindingsError.
func PackInMemory(s *Sheet, base string, lim Limits) (*Packed, error) {
	if err := packable(s, lim); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	_, base = packBase(base)
	p, parts, err := packSheet(s, memorySink(base, &buf), lim, true)
	if err != nil {
		return nil, err
	}
	return &Packed{Package: *p, Data: buf.Bytes(), Parts: parts}, nil
}

package sheets

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
)

// zipParts writes the CSV files that arrive on in as a zip, named BASE_001.csv … in
// order. The files are compressed in parallel, one per core, with klauspost/compress's
// deflate (several times faster than the standard library's at its fastest level, and
// the same format) and stored with archive/zip's CreateRaw: a plain zip that every unzip
// and Control Hub read. At most a few files are in memory at once.
// The files of pre come first. A file is taken from in only when a core is free for it,
// so no more are held than are being compressed.
func zipParts(w io.Writer, base string, pre []packPart, in <-chan packPart) ([]string, error) {
	workers := runtime.GOMAXPROCS(0)
	queue := make(chan chan compressed, workers)
	go func() {
		sem := make(chan struct{}, workers)
		start := func(b packPart) {
			res := make(chan compressed, 1)
			queue <- res
			if b.raw == nil { // deflated as it was written
				res <- b.z
				<-sem
				return
			}
			go func() { res <- compress(b.raw); freePart(b.raw); <-sem }()
		}
		for _, b := range pre {
			sem <- struct{}{}
			start(b)
		}
		for {
			sem <- struct{}{}
			b, ok := <-in
			if !ok {
				break
			}
			start(b)
		}
		close(queue)
	}()
	zw := zip.NewWriter(w)
	now := time.Now()
	var names []string
	var err error
	for res := range queue { // in order; drained to the end even after an error
		c := <-res
		if err != nil {
			continue
		}
		if err = c.err; err != nil {
			continue
		}
		name := fmt.Sprintf("%s_%03d.csv", base, len(names)+1)
		var fw io.Writer
		fh := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: now,
			CRC32: c.crc, CompressedSize64: uint64(len(c.data)), UncompressedSize64: uint64(c.n),
			CreatorVersion: deflateVersion, ReaderVersion: deflateVersion}
		//lint:ignore SA1019 CreateRaw writes these as given; it does not derive them from Modified
		fh.ModifiedDate, fh.ModifiedTime = msDosTime(now)
		fw, err = zw.CreateRaw(fh)
		if err == nil {
			_, err = fw.Write(c.data)
		}
		names = append(names, name)
		compressedPool.Put(c.buf)
	}
	if err != nil {
		return nil, err
	}
	return names, zw.Close()
}

type compressed struct {
	data []byte
	buf  *bytes.Buffer // data's buffer, back to the pool once written
	crc  uint32
	n    int
	err  error
}

var (
	flatePool      sync.Pool // *flate.Writer
	compressedPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// compress deflates one file at the fastest level: CSV text shrinks about as well there,
// at a fraction of the time.
func compress(b []byte) compressed {
	buf := compressedPool.Get().(*bytes.Buffer)
	buf.Reset()
	fw, _ := flatePool.Get().(*flate.Writer)
	if fw == nil {
		var err error
		if fw, err = flate.NewWriter(buf, flate.BestSpeed); err != nil {
			return compressed{err: err}
		}
	} else {
		fw.Reset(buf)
	}
	_, err := fw.Write(b)
	if err == nil {
		err = fw.Close()
	}
	flatePool.Put(fw)
	return compressed{data: buf.Bytes(), buf: buf, crc: crc32.ChecksumIEEE(b), n: len(b), err: err}
}

// deflateVersion is what APPNOTE 4.4.2 and 4.4.3 ask of a deflated entry's "version
// made by" and "version needed to extract": 2.0, made on MS-DOS (upper byte 0: the
// entries carry no Unix attributes), as archive/zip's CreateHeader writes them.
// CreateRaw writes both as given, so without it they read 0.0 (zipinfo -v).
const deflateVersion = 20

// msDosTime is t as a zip entry's MS-DOS date and time. CreateRaw, unlike CreateHeader,
// writes the header's fields as they are and does not derive them from Modified, so
// without these an entry is dated 1980-00-00, a day that does not exist.
func msDosTime(t time.Time) (date, clock uint16) {
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, t.Location())
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// partDeflater deflates a file of a zip as the partWriter writes it, as compress would
// deflate it whole (the same level, the same bytes: the compressor cuts its blocks where
// its window fills, not where writes end), keeping its CRC and size.
type partDeflater struct {
	fw  *flate.Writer
	buf *bytes.Buffer
	crc uint32
	n   int
}

func newPartDeflater() *partDeflater {
	fw, _ := flate.NewWriter(io.Discard, flate.BestSpeed) // a valid level: no error
	return &partDeflater{fw: fw}
}

// reset starts the next file.
func (d *partDeflater) reset() {
	d.buf = compressedPool.Get().(*bytes.Buffer)
	d.buf.Reset()
	d.fw.Reset(d.buf)
	d.crc, d.n = 0, 0
}

func (d *partDeflater) Write(b []byte) (int, error) {
	d.crc = crc32.Update(d.crc, crc32.IEEETable, b)
	d.n += len(b)
	return d.fw.Write(b)
}

// finish ends the file; its buffer goes back to the pool once zipParts has written it.
func (d *partDeflater) finish() compressed {
	err := d.fw.Close()
	return compressed{data: d.buf.Bytes(), buf: d.buf, crc: d.crc, n: d.n, err: err}
}

package export

import (
	"archive/zip"
	"compress/flate"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// sortedZip makes a workbook the same bytes on every run. excelize copies
// its worksheet streams into the archive first, from a map, so in random
// order. sortedZip compresses each of those entries into a temporary file
// as it arrives and, when the first other entry begins (or at Close),
// copies them into the archive raw, sorted by name. Later entries, which
// excelize already writes in sorted order, pass straight through.
type sortedZip struct {
	zw      *zip.Writer
	tmpDir  string
	holding bool
	pending []*heldEntry
}

type heldEntry struct {
	name string
	file *os.File
	comp *flate.Writer
	crc  uint32
	size uint64
}

func (e *heldEntry) Write(p []byte) (int, error) {
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
	e.size += uint64(len(p))
	return e.comp.Write(p)
}

func newSortedZip(w io.Writer, tmpDir string) *sortedZip {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return &sortedZip{zw: zw, tmpDir: tmpDir, holding: true}
}

func isWorksheet(name string) bool { return strings.HasPrefix(name, "xl/worksheets/sheet") }

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if z.holding && isWorksheet(name) {
		f, err := os.CreateTemp(z.tmpDir, "crmkit-sheet-*")
		if err != nil {
			return nil, err
		}
		comp, _ := flate.NewWriter(f, flate.BestSpeed) // the level is valid
		e := &heldEntry{name: name, file: f, comp: comp}
		z.pending = append(z.pending, e)
		return e, nil
	}
	if err := z.release(); err != nil {
		return nil, err
	}
	return z.zw.Create(name)
}

// release writes the held entries, sorted by name, and stops holding.
func (z *sortedZip) release() error {
	if !z.holding {
		return nil
	}
	z.holding = false
	slices.SortFunc(z.pending, func(a, b *heldEntry) int { return strings.Compare(a.name, b.name) })
	defer z.cleanup()
	for _, e := range z.pending {
		if err := e.comp.Close(); err != nil {
			return err
		}
		compressed, err := e.file.Seek(0, io.SeekCurrent)
		if err != nil {
			return err
		}
		if _, err := e.file.Seek(0, io.SeekStart); err != nil {
			return err
		}
		w, err := z.zw.CreateRaw(&zip.FileHeader{
			Name: e.name, Method: zip.Deflate, CRC32: e.crc,
			CompressedSize64: uint64(compressed), UncompressedSize64: e.size,
		})
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, e.file); err != nil {
			return err
		}
	}
	return nil
}

func (z *sortedZip) cleanup() {
	for _, e := range z.pending {
		e.file.Close()
		os.Remove(e.file.Name())
	}
	z.pending = nil
}

func (z *sortedZip) AddFS(fsys fs.FS) error {
	if err := z.release(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

func (z *sortedZip) Close() error {
	if err := z.release(); err != nil {
		z.cleanup()
		return err
	}
	return z.zw.Close()
}

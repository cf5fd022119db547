package export

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
)

// partZip is the archive excelize saves the workbook into. Data sheets are
// not written by excelize: their XML is already compressed in temporary
// files (sheetWriter), and when excelize creates the entry of such a sheet
// (it holds an empty sheet of the same name), the file's bytes go in raw and
// what excelize writes is dropped. Everything else passes through; excelize
// writes its entries in sorted order, so the same rows give the same bytes.
type partZip struct {
	zw   *zip.Writer
	held map[string]heldPart // until their entries are created
}

type heldPart struct {
	file *os.File
	crc  uint32
	size uint64
}

func newPartZip(w io.Writer) *partZip {
	zw := zip.NewWriter(w)
	// BestSpeed for excelize's own (small) entries too.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return &partZip{zw: zw, held: map[string]heldPart{}}
}

// hold makes the entry path come from file, a raw deflate stream of size
// bytes with checksum crc.
func (z *partZip) hold(path string, file *os.File, crc uint32, size uint64) error {
	if _, dup := z.held[path]; dup {
		return fmt.Errorf("export: sheet entry %s written twice", path)
	}
	z.held[path] = heldPart{file: file, crc: crc, size: size}
	return nil
}

func (z *partZip) Create(name string) (io.Writer, error) {
	p, ok := z.held[name]
	if !ok {
		return z.zw.Create(name)
	}
	delete(z.held, name)
	compressed, err := p.file.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, err
	}
	if _, err := p.file.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	w, err := z.zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: p.crc,
		CompressedSize64: uint64(compressed), UncompressedSize64: p.size,
	})
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(w, p.file); err != nil {
		return nil, err
	}
	return io.Discard, nil // excelize's empty sheet of that name
}

func (z *partZip) AddFS(fsys fs.FS) error { return z.zw.AddFS(fsys) }

// Close fails if a held sheet never had its entry created: the workbook
// would list a sheet without its rows.
func (z *partZip) Close() error {
	if len(z.held) > 0 {
		missing := make([]string, 0, len(z.held))
		for name := range z.held {
			missing = append(missing, name)
		}
		sort.Strings(missing)
		return fmt.Errorf("export: the workbook was saved without %s", missing[0])
	}
	return z.zw.Close()
}

package tabular

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/crmkit/crmkit/internal/errs"
)

const (
	// maxWorkbookBytes bounds a workbook buffered from stdin.
	maxWorkbookBytes = 1 << 30
	// maxUnzippedBytes bounds what one workbook may expand to.
	maxUnzippedBytes = 4 << 30
	// A part over bombMinBytes that expands more than bombRatio times is
	// treated as a zip bomb: real sheets compress 5–30 times.
	bombMinBytes = 32 << 20
	bombRatio    = 100
	// maxMetaPartBytes bounds the small parts read whole: workbook.xml,
	// styles.xml, relationship lists.
	maxMetaPartBytes = 64 << 20
)

const hintResave = "open and re-save it in Excel, or export it as CSV"

// workbookPackage is an open .xlsx file: the zip directory over the file
// handle, which stays open until close (stdin is spooled to a temporary
// file that is removed while we still read it).
type workbookPackage struct {
	file    *os.File
	zip     *zip.Reader
	parts   map[string]*zip.File // by part name, lower case: OPC names ignore case
	display string               // the file's name in messages
}

func openPackage(realPath, displayPath string) (*workbookPackage, error) {
	display := Info{Path: displayPath}.Name() // "stdin" for "-"
	f, err := os.Open(realPath)
	if err != nil {
		return nil, errs.Data(fmt.Errorf("cannot open %s: %w", display, unwrapPathError(err)),
			"check the file name and that you can read it")
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, errs.Data(fmt.Errorf("cannot read %s: %w", display, err), "")
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		f.Close()
		return nil, notReadable(display, err)
	}
	if err := checkZipShape(zr, display); err != nil {
		f.Close()
		return nil, err
	}
	p := &workbookPackage{file: f, zip: zr, parts: make(map[string]*zip.File, len(zr.File)), display: display}
	for _, zf := range zr.File {
		p.parts[partKey(zf.Name)] = zf
	}
	return p, nil
}

func (p *workbookPackage) close() error { return p.file.Close() }

func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

func (p *workbookPackage) part(name string) *zip.File { return p.parts[partKey(name)] }

// checkZipShape refuses zip bombs from the directory alone, before
// anything is decompressed. archive/zip then enforces the declared sizes.
func checkZipShape(zr *zip.Reader, display string) error {
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > bombMinBytes && f.UncompressedSize64/bombRatio > f.CompressedSize64 {
			return errs.Dataf("if the file is genuine, export the sheet as CSV from Excel and import that",
				"%s looks like a zip bomb: its part %s would expand %d times, to %s",
				display, f.Name, f.UncompressedSize64/max(f.CompressedSize64, 1), byteSize(f.UncompressedSize64))
		}
	}
	if total > maxUnzippedBytes {
		return errs.Dataf("export the sheet as CSV from Excel (File > Save As > CSV UTF-8) and import that",
			"%s unpacks to %s, more than the 4 GiB crmkit reads from one workbook", display, byteSize(total))
	}
	return nil
}

func byteSize(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// notReadable is the error for a file that is a zip but cannot be read as
// a workbook: damaged, truncated, or not what it claims to be.
func notReadable(display string, cause error) error {
	if errors.Is(cause, zip.ErrFormat) || errors.Is(cause, io.ErrUnexpectedEOF) || errors.Is(cause, zip.ErrChecksum) {
		cause = fmt.Errorf("it is damaged or incomplete: %w", cause)
	}
	return errs.Data(fmt.Errorf("%s is not a readable .xlsx workbook (%w)", display, cause), hintResave)
}

// readPart reads a small part whole, refusing one over maxMetaPartBytes.
func (p *workbookPackage) readPart(zf *zip.File) ([]byte, error) {
	if zf.UncompressedSize64 > maxMetaPartBytes {
		return nil, fmt.Errorf("part %s is %s, too large", zf.Name, byteSize(zf.UncompressedSize64))
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, maxMetaPartBytes))
}

// relationship is one entry of an OPC .rels part: how parts find each other.
type relationship struct {
	ID, Type, Target string
}

// relationships returns the relationships of a part ("" for the package),
// with targets resolved to part names.
func (p *workbookPackage) relationships(owner string) ([]relationship, error) {
	dir, base := path.Split(owner)
	zf := p.part(dir + "_rels/" + base + ".rels")
	if zf == nil {
		return nil, nil
	}
	data, err := p.readPart(zf)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("part %s: %w", zf.Name, err)
	}
	rels := make([]relationship, 0, len(doc.Rels))
	for _, r := range doc.Rels {
		if strings.EqualFold(r.Mode, "External") {
			continue
		}
		target := strings.ReplaceAll(r.Target, `\`, "/")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		rels = append(rels, relationship{ID: r.ID, Type: r.Type, Target: target})
	}
	return rels, nil
}

// relType reports whether a relationship type URI names kind; transitional
// and Strict OOXML use different URI prefixes for the same kinds.
func relType(uri, kind string) bool { return strings.HasSuffix(uri, "/"+kind) }

func findRel(rels []relationship, kind string) (relationship, bool) {
	for _, r := range rels {
		if relType(r.Type, kind) {
			return r, true
		}
	}
	return relationship{}, false
}

package tabular

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/crmkit/crmkit/internal/errs"
)

// workbookMeta is what crmkit needs to know about a workbook before
// streaming a sheet.
type workbookMeta struct {
	sheets   []sheetEntry // in workbook (tab) order
	date1904 bool
	formats  cellFormats
	sstPart  *zip.File // nil when no cell uses shared strings
}

type sheetEntry struct {
	name      string
	hidden    bool      // hidden or "very hidden"
	part      *zip.File // the worksheet XML; nil if missing
	worksheet bool      // false for chart and dialog sheets
}

// readWorkbookMeta finds the workbook in the package and reads its sheet
// list, date system and number formats.
//
// The workbook and style parts are read by excelize: they are where the
// format's variants live (Strict namespaces, formatCode16, ...). excelize
// unpacks every part of a package when it opens one, worksheets included
// (to temporary files when big), so it is given a package holding only
// these small parts; the worksheets are streamed by sheetStream instead.
func readWorkbookMeta(p *workbookPackage) (workbookMeta, error) {
	root, err := p.relationships("")
	if err != nil {
		return workbookMeta{}, notReadable(p.display, err)
	}
	doc, ok := findRel(root, "officeDocument")
	if !ok || p.part(doc.Target) == nil {
		return workbookMeta{}, notWorkbookError(p)
	}
	if strings.HasSuffix(strings.ToLower(doc.Target), ".bin") {
		return workbookMeta{}, errs.Dataf("open it in Excel and save it as .xlsx (Excel Workbook) or CSV UTF-8",
			"%s is an Excel binary workbook (.xlsb), which crmkit cannot read", p.display)
	}
	wbRels, err := p.relationships(doc.Target)
	if err != nil {
		return workbookMeta{}, notReadable(p.display, err)
	}
	f, err := openMetadata(p, doc.Target, wbRels)
	if err != nil {
		return workbookMeta{}, notReadable(p.display, err)
	}
	defer f.Close()
	return extractMeta(p, f, wbRels)
}

// openMetadata opens, with excelize, a copy of the package reduced to the
// parts that describe the workbook. The parts are copied still compressed.
func openMetadata(p *workbookPackage, workbookPart string, wbRels []relationship) (f *excelize.File, err error) {
	// The files reaching here can be hostile; a panic inside the library
	// must be an error, not a crash.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("the workbook structure cannot be read: %v", r)
		}
	}()
	wanted := map[string]string{ // part in the file → name excelize reads it by
		"[Content_Types].xml":      "[Content_Types].xml",
		"_rels/.rels":              "_rels/.rels",
		workbookPart:               workbookPart,
		relsPartName(workbookPart): relsPartName(workbookPart),
	}
	if styles, ok := findRel(wbRels, "styles"); ok {
		wanted[styles.Target] = "xl/styles.xml" // the one place excelize looks
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for from, to := range wanted {
		zf := p.part(from)
		if zf == nil {
			continue
		}
		if zf.UncompressedSize64 > maxMetaPartBytes {
			return nil, fmt.Errorf("part %s is %s, too large", zf.Name, byteSize(zf.UncompressedSize64))
		}
		if err := copyRaw(zw, zf, to); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return excelize.OpenReader(&buf, excelize.Options{
		UnzipSizeLimit:    4 * maxMetaPartBytes,
		UnzipXMLSizeLimit: 4 * maxMetaPartBytes, // nothing goes to temporary files
	})
}

func relsPartName(part string) string {
	i := strings.LastIndexByte(part, '/')
	return part[:i+1] + "_rels/" + part[i+1:] + ".rels"
}

func copyRaw(zw *zip.Writer, zf *zip.File, name string) error {
	hdr := zf.FileHeader
	hdr.Name = name
	w, err := zw.CreateRaw(&hdr)
	if err != nil {
		return err
	}
	r, err := zf.OpenRaw()
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

func extractMeta(p *workbookPackage, f *excelize.File, wbRels []relationship) (meta workbookMeta, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = notReadable(p.display, fmt.Errorf("the workbook structure cannot be read: %v", r))
		}
	}()
	if f.WorkBook == nil {
		return meta, notReadable(p.display, fmt.Errorf("it has no workbook part"))
	}
	byID := make(map[string]relationship, len(wbRels))
	for _, r := range wbRels {
		byID[r.ID] = r
	}
	for _, s := range f.WorkBook.Sheets.Sheet {
		rel := byID[s.ID]
		meta.sheets = append(meta.sheets, sheetEntry{
			name:      s.Name,
			hidden:    s.State != "" && s.State != "visible",
			part:      p.part(rel.Target),
			worksheet: relType(rel.Type, "worksheet"),
		})
	}
	if f.WorkBook.WorkbookPr != nil {
		meta.date1904 = f.WorkBook.WorkbookPr.Date1904
	}
	if sst, ok := findRel(wbRels, "sharedStrings"); ok {
		meta.sstPart = p.part(sst.Target)
	}
	if f.Styles != nil && f.Styles.CellXfs != nil {
		custom := map[int]string{}
		if f.Styles.NumFmts != nil {
			for _, nf := range f.Styles.NumFmts.NumFmt {
				if nf == nil {
					continue
				}
				code := nf.FormatCode
				if nf.FormatCode16 != "" {
					code = nf.FormatCode16
				}
				custom[nf.NumFmtID] = code
			}
		}
		meta.formats = make(cellFormats, len(f.Styles.CellXfs.Xf))
		for i, xf := range f.Styles.CellXfs.Xf {
			id := 0
			if xf.NumFmtID != nil {
				id = *xf.NumFmtID
			}
			// A custom format may redefine a built-in id.
			if code, ok := custom[id]; ok {
				meta.formats[i] = customFormatKind(code)
			} else {
				meta.formats[i] = builtinFormatKind(id)
			}
		}
	}
	return meta, nil
}

// notWorkbookError explains a zip that is not an Excel workbook.
func notWorkbookError(p *workbookPackage) error {
	if mt := p.part("mimetype"); mt != nil {
		if data, err := p.readPart(mt); err == nil && strings.Contains(string(data), "opendocument.spreadsheet") {
			return errs.Dataf("open it in LibreOffice or Excel and save it as .xlsx or CSV UTF-8",
				"%s is an OpenDocument spreadsheet (.ods), which crmkit cannot read", p.display)
		}
	}
	return errs.Dataf("if it holds CSV files, unzip it and import those; if it is a workbook, "+hintResave,
		"%s is a zip file but not an Excel workbook", p.display)
}

package tabular

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/crmkit/crmkit/internal/errs"
)

// workbook is an opened .xlsx shared by the tables of its sheets; the file
// closes when the last of them does.
type workbook struct {
	pkg  *workbookPackage
	meta workbookMeta

	sstOnce sync.Once
	sst     *sharedStrings
	sstErr  error

	mu   sync.Mutex
	refs int
}

func openWorkbook(realPath, display string) (*workbook, error) {
	pkg, err := openPackage(realPath, display)
	if err != nil {
		return nil, err
	}
	meta, err := readWorkbookMeta(pkg)
	if err != nil {
		pkg.close()
		return nil, err
	}
	return &workbook{pkg: pkg, meta: meta}, nil
}

// openXLSX opens the sheets opts selects as tables: by default the first
// visible sheet, opts.Sheet by name (hidden ones too), or with
// opts.AllSheets every visible sheet.
func openXLSX(realPath, displayPath string, opts Options) ([]Table, error) {
	if opts.Sheet != "" && opts.AllSheets {
		return nil, errs.Usagef("pass either --sheet or --all-sheets", "--sheet and --all-sheets cannot be used together")
	}
	wb, err := openWorkbook(realPath, displayPath)
	if err != nil {
		return nil, err
	}
	sheets, err := wb.selectSheets(opts)
	if err != nil {
		wb.pkg.close()
		return nil, err
	}
	wb.refs = len(sheets)
	tables := make([]Table, len(sheets))
	for i, s := range sheets {
		tables[i] = &sheetTable{wb: wb, sheet: s, info: Info{
			Path: displayPath, Format: "xlsx", Sheet: s.name, Date1904: wb.meta.date1904,
		}}
	}
	return tables, nil
}

// WorkbookSheets lists a workbook's sheets in tab order, for inspect.
func WorkbookSheets(path string) ([]SheetInfo, error) {
	wb, err := openWorkbook(path, path)
	if err != nil {
		return nil, err
	}
	defer wb.pkg.close()
	out := make([]SheetInfo, len(wb.meta.sheets))
	for i, s := range wb.meta.sheets {
		out[i] = SheetInfo{Name: s.name, Hidden: s.hidden}
	}
	return out, nil
}

func (wb *workbook) selectSheets(opts Options) ([]sheetEntry, error) {
	var out []sheetEntry
	switch {
	case opts.Sheet != "":
		s, ok := wb.findSheet(opts.Sheet)
		if !ok {
			return nil, wb.unknownSheet(opts.Sheet)
		}
		if !s.worksheet {
			return nil, errs.Usagef(wb.sheetHint(), "sheet %q in %s is a chart, not a table of data", s.name, wb.pkg.display)
		}
		out = append(out, s)
	default:
		for _, s := range wb.meta.sheets {
			if s.worksheet && !s.hidden {
				out = append(out, s)
				if !opts.AllSheets {
					break
				}
			}
		}
		if len(out) == 0 {
			return nil, wb.noVisibleSheet()
		}
	}
	for _, s := range out {
		if s.part == nil {
			return nil, notReadable(wb.pkg.display, fmt.Errorf("sheet %q has no worksheet part", s.name))
		}
	}
	return out, nil
}

// findSheet matches a name exactly, else ignoring case as Excel does.
func (wb *workbook) findSheet(name string) (sheetEntry, bool) {
	for _, s := range wb.meta.sheets {
		if s.name == name {
			return s, true
		}
	}
	for _, s := range wb.meta.sheets {
		if strings.EqualFold(s.name, name) {
			return s, true
		}
	}
	return sheetEntry{}, false
}

func (wb *workbook) unknownSheet(name string) error {
	return errs.Usagef(wb.sheetHint(), "sheet %q not found in %s (sheets: %s)", name, wb.pkg.display, wb.sheetList())
}

func (wb *workbook) noVisibleSheet() error {
	if len(wb.meta.sheets) == 0 {
		return errs.Dataf(hintResave, "%s has no sheets", wb.pkg.display)
	}
	hint := ""
	for _, s := range wb.meta.sheets {
		if s.worksheet {
			hint = "pass --sheet " + shellWord(s.name)
			break
		}
	}
	return errs.Dataf(hint, "%s has no visible sheet of data (sheets: %s)", wb.pkg.display, wb.sheetList())
}

// sheetHint suggests the first visible sheet of data.
func (wb *workbook) sheetHint() string {
	for _, s := range wb.meta.sheets {
		if s.worksheet && !s.hidden {
			return "pass --sheet " + shellWord(s.name) + ", or --all-sheets"
		}
	}
	return "pass one of the sheet names listed"
}

// sheetList names the sheets for an error message, marking hidden ones.
func (wb *workbook) sheetList() string {
	const maxListed = 20
	var b strings.Builder
	for i, s := range wb.meta.sheets {
		if i == maxListed {
			fmt.Fprintf(&b, ", … %d more", len(wb.meta.sheets)-maxListed)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s.name)
		if s.hidden {
			b.WriteString("[hidden]")
		}
	}
	return b.String()
}

// shellWord quotes a sheet name for a hint the user may paste into a shell.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"$`\\!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// sharedStrings loads the shared string table once per workbook, when the
// first sheet is read.
func (wb *workbook) sharedStrings() (*sharedStrings, error) {
	wb.sstOnce.Do(func() {
		if wb.meta.sstPart == nil {
			return
		}
		rc, err := wb.meta.sstPart.Open()
		if err != nil {
			wb.sstErr = err
			return
		}
		defer rc.Close()
		var sheetBytes uint64
		for _, sh := range wb.meta.sheets {
			if sh.part != nil {
				sheetBytes += sh.part.UncompressedSize64
			}
		}
		wb.sst, wb.sstErr = readSharedStrings(rc, wb.meta.sstPart.UncompressedSize64, sharedStringsCap(sheetBytes))
	})
	return wb.sst, wb.sstErr
}

func (wb *workbook) release() error {
	wb.mu.Lock()
	defer wb.mu.Unlock()
	if wb.refs--; wb.refs == 0 {
		return wb.pkg.close()
	}
	return nil
}

// sheetTable streams one sheet.
type sheetTable struct {
	wb     *workbook
	sheet  sheetEntry
	info   Info
	part   io.ReadCloser
	stream *sheetStream
	err    error // sticky: a failed sheet stays failed
	closed bool
}

func (t *sheetTable) Info() Info { return t.info }

func (t *sheetTable) Next() (row Row, err error) {
	if t.err != nil {
		return Row{}, t.err
	}
	defer func() {
		if r := recover(); r != nil {
			t.err = errs.Data(fmt.Errorf("internal error reading sheet %q of %s: %v", t.sheet.name, t.info.Name(), r),
				"please report this, with the file if you can share it")
			row, err = Row{}, t.err
		}
	}()
	if t.closed {
		return Row{}, errors.New("read of a closed table")
	}
	if t.stream == nil {
		if err := t.start(); err != nil {
			t.err = err
			return Row{}, err
		}
	}
	row, err = t.stream.next()
	if err != nil && err != io.EOF {
		t.err = t.sheetError(err)
		return Row{}, t.err
	}
	return row, err
}

// start loads what the sheet needs and opens its rows: the shared strings
// and the merged ranges, which Excel stores after the rows and so cost a
// pre-scan of the part.
func (t *sheetTable) start() error {
	sst, err := t.wb.sharedStrings()
	if errors.Is(err, errTooManySharedStrings) {
		return errs.Dataf("open it in Excel and save it again (Excel keeps only the strings its cells use), or save the sheet as CSV UTF-8",
			"%s: %v", t.info.Name(), err)
	}
	if err != nil {
		return notReadable(t.info.Name(), fmt.Errorf("shared strings: %w", err))
	}
	rc, err := t.sheet.part.Open()
	if err != nil {
		return t.sheetError(err)
	}
	ranges, err := readMergedRanges(rc, t.sheet.part.UncompressedSize64)
	rc.Close()
	if err != nil {
		return t.sheetError(err)
	}
	if t.part, err = t.sheet.part.Open(); err != nil {
		return t.sheetError(err)
	}
	t.stream = &sheetStream{
		sc:       newXMLScanner(t.part, t.sheet.part.UncompressedSize64),
		sst:      sst,
		formats:  t.wb.meta.formats,
		date1904: t.wb.meta.date1904,
		merges:   mergeFill{ranges: ranges},
	}
	return nil
}

func (t *sheetTable) sheetError(err error) error {
	name, file := t.sheet.name, t.info.Name()
	switch {
	case errors.Is(err, errTooManyRows):
		return errs.Dataf("split the sheet in two, or export it as CSV", "sheet %q of %s: %v", name, file, err)
	case errors.Is(err, errTooManyMerges), errors.Is(err, errMergesTooBig):
		return errs.Dataf("unmerge the cells in Excel (Home > Merge & Center > Unmerge Cells), or export the sheet as CSV",
			"sheet %q of %s: %v", name, file, err)
	}
	return notReadable(file, fmt.Errorf("sheet %q: %w", name, err))
}

func (t *sheetTable) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	if t.part != nil {
		t.part.Close()
	}
	return t.wb.release()
}

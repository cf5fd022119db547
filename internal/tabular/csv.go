package tabular

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/errs"
	"golang.org/x/text/transform"
)

// csvSampleBytes is how much of a file is looked at to detect its encoding
// and delimiter.
const csvSampleBytes = 64 << 10

// csvTable streams the rows of one delimited text file.
type csvTable struct {
	info   Info
	enc    textEncoding
	guard  *csvRowGuard
	parser *csv.Reader
	closer io.Closer
	err    error // sticky: io.EOF or a fatal error
}

// newCSVTable reads r as delimited text; c closes the underlying file.
// The encoding and delimiter are detected from the first 64 KiB unless
// opts names them.
func newCSVTable(path string, r io.Reader, c io.Closer, opts Options) (Table, error) {
	name := Info{Path: path}.Name() // for messages: "stdin" for "-"
	raw := bufio.NewReaderSize(r, csvSampleBytes)
	sample, complete, err := peekSample(name, raw)
	if err != nil {
		return nil, err
	}

	var enc textEncoding
	if opts.Encoding != "" {
		enc, err = namedEncoding(opts.Encoding, sample)
	} else {
		enc, err = detectEncoding(name, sample, complete)
	}
	if err != nil {
		return nil, err
	}
	if _, err := raw.Discard(enc.bomLen); err != nil {
		return nil, errs.Data(fmt.Errorf("cannot read %s: %w", name, err), "")
	}

	text := raw
	if enc.decoder != nil {
		text = bufio.NewReaderSize(transform.NewReader(raw, enc.decoder.NewDecoder()), csvSampleBytes)
	}
	textSample, textComplete, err := peekSample(name, text)
	if err != nil {
		return nil, err
	}

	delim := opts.Delimiter
	if delim == 0 {
		ext := strings.ToLower(filepath.Ext(path))
		preferTab := ext == ".tsv" || ext == ".tab" || strings.HasPrefix(enc.name, "utf-16")
		delim = sniffDelimiter(textSample, textComplete, preferTab)
	} else if !validCSVDelimiter(delim) {
		return nil, errs.Usagef("use a single character such as , ; | or \\t",
			"cannot use %q as the delimiter", delim)
	}

	guard := &csvRowGuard{
		src:    text,
		delim:  utf8.AppendRune(nil, delim),
		crOnly: bytes.IndexByte(textSample, '\n') < 0 && bytes.IndexByte(textSample, '\r') >= 0,
	}
	parser := csv.NewReader(bufio.NewReaderSize(guard, csvSampleBytes))
	parser.Comma = delim
	parser.FieldsPerRecord = -1
	parser.ReuseRecord = true

	return &csvTable{
		info:   Info{Path: path, Format: "csv", Encoding: enc.name, Delimiter: delim},
		enc:    enc,
		guard:  guard,
		parser: parser,
		closer: c,
	}, nil
}

// peekSample returns the first csvSampleBytes of br without consuming them;
// complete says that is the whole input.
func peekSample(path string, br *bufio.Reader) (sample []byte, complete bool, err error) {
	sample, err = br.Peek(csvSampleBytes)
	switch err {
	case nil:
		return sample, false, nil
	case io.EOF:
		return sample, true, nil
	}
	return nil, false, errs.Data(fmt.Errorf("cannot read %s: %w", path, err), "")
}

// validCSVDelimiter mirrors what encoding/csv accepts.
func validCSVDelimiter(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && utf8.ValidRune(r) && r != utf8.RuneError
}

func (t *csvTable) Info() Info   { return t.info }
func (t *csvTable) Close() error { return t.closer.Close() }

func (t *csvTable) Next() (Row, error) {
	if t.err != nil {
		return Row{}, t.err
	}
	for {
		t.guard.startRow()
		cells, err := t.parser.Read()
		if err == nil {
			if csvBlankRow(cells) {
				continue
			}
			line, _ := t.parser.FieldPos(0)
			return Row{Cells: cells, Line: line, Problem: t.cellProblem(cells)}, nil
		}
		row, err := t.brokenRow(cells, err)
		if err == errCSVBlankRow {
			continue
		}
		if err != nil {
			t.err = err
			return Row{}, err
		}
		return row, nil
	}
}

var errCSVBlankRow = errors.New("blank row")

// brokenRow turns a parser error into a row with a Problem, or into a fatal
// error for the table.
func (t *csvTable) brokenRow(cells []string, err error) (Row, error) {
	var pe *csv.ParseError
	var bin *csvBinaryErr
	switch {
	case err == io.EOF:
		return Row{}, io.EOF
	case errors.As(err, &pe):
		return Row{Cells: cells, Line: pe.StartLine, Problem: csvQuoteProblem(pe, len(cells)+1)}, nil
	case errors.Is(err, errCSVRowTooLong), errors.Is(err, errCSVTooManyColumns):
		line := 0
		if len(cells) > 0 {
			line, _ = t.parser.FieldPos(0)
		}
		return Row{Cells: cells, Line: line, Problem: csvLimitProblem(cells, err)}, nil
	case errors.As(err, &bin):
		where := fmt.Sprintf("at byte %d", bin.offset+int64(t.enc.bomLen))
		if t.enc.decoder != nil {
			// Offsets in decoded text mean nothing to the user.
			line := 0
			if len(cells) > 0 {
				line, _ = t.parser.FieldPos(0)
			}
			where = fmt.Sprintf("in the row starting on line %d", line)
		}
		return Row{}, csvBinaryError(t.info.Name(), where)
	}
	return Row{}, errs.Data(fmt.Errorf("cannot read %s: %w", t.info.Name(), err), "")
}

func csvQuoteProblem(pe *csv.ParseError, column int) string {
	if errors.Is(pe.Err, csv.ErrBareQuote) {
		return fmt.Sprintf(`unexpected quote (") in column %d on line %d: a value containing quotes must be enclosed in quotes, with each inner quote doubled`, column, pe.Line)
	}
	return fmt.Sprintf(`misplaced or missing quote (") in column %d on line %d: a quoted value must end with a quote followed by the delimiter or a line break`, column, pe.Line)
}

func csvLimitProblem(cells []string, err error) string {
	if c := csvLongCell(cells); c > 0 {
		return fmt.Sprintf("cell in column %d is longer than 1,000,000 characters", c)
	}
	// The parser hands back only finished cells. When they hold little of
	// the row, the bulk is in the cell it was still reading, which can only
	// be a quoted one (an unquoted cell ends at the line break): usually a
	// quote that is never closed.
	size := 0
	for _, c := range cells {
		size += len(c)
	}
	if len(cells) < maxCSVRowColumns/2 && size < maxCSVRowBytes/2 {
		return fmt.Sprintf(`quoted cell in column %d is too long (is a closing quote (") missing?)`, len(cells)+1)
	}
	if errors.Is(err, errCSVTooManyColumns) {
		return fmt.Sprintf("row has more than %d columns", maxCSVRowColumns)
	}
	return "row is longer than 4 MiB"
}

// cellProblem checks a parsed record for what the parser lets through:
// over-long cells, too many columns, and text that did not decode.
func (t *csvTable) cellProblem(cells []string) string {
	if len(cells) > maxCSVRowColumns {
		return fmt.Sprintf("row has more than %d columns", maxCSVRowColumns)
	}
	if c := csvLongCell(cells); c > 0 {
		return fmt.Sprintf("cell in column %d is longer than 1,000,000 characters", c)
	}
	for i, c := range cells {
		if !t.decodedCleanly(c) {
			name := t.enc.name
			if t.enc.decoder == nil {
				name = "UTF-8"
			}
			return fmt.Sprintf("invalid %s in column %d (the file may not be %s; try --encoding %s)",
				name, i+1, name, t.enc.retryHint)
		}
	}
	return ""
}

// decodedCleanly reports whether a cell is valid text: valid UTF-8 for
// UTF-8 files, and free of the replacement character a decoder writes for
// an invalid sequence otherwise.
func (t *csvTable) decodedCleanly(c string) bool {
	if t.enc.decoder == nil {
		return utf8.ValidString(c)
	}
	return !strings.Contains(c, "\uFFFD")
}

// csvLongCell returns the 1-based column of the first cell longer than
// maxCSVCellChars, or 0.
func csvLongCell(cells []string) int {
	for i, c := range cells {
		if len(c) > maxCSVCellChars && utf8.RuneCountInString(c) > maxCSVCellChars {
			return i + 1
		}
	}
	return 0
}

// csvBlankRow reports whether every cell is empty or whitespace.
func csvBlankRow(cells []string) bool {
	for _, c := range cells {
		for _, r := range c {
			if !unicode.IsSpace(r) {
				return false
			}
		}
	}
	return true
}

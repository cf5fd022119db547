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
	split  *csvSplitter
	feed   *csvFeed
	buf    *bufio.Reader // the parser's buffer, emptied after each record
	parser *csv.Reader
	fast   *csvFastParser // nil: every record goes to parser
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

	split := newCSVSplitter(text, utf8.AppendRune(nil, delim),
		bytes.IndexByte(textSample, '\n') < 0 && bytes.IndexByte(textSample, '\r') >= 0)
	feed := &csvFeed{}
	buf := bufio.NewReaderSize(feed, csvSampleBytes)
	parser := csv.NewReader(buf)
	parser.Comma = delim
	parser.FieldsPerRecord = -1
	parser.ReuseRecord = true

	return &csvTable{
		info:   Info{Path: path, Format: "csv", Encoding: enc.name, Delimiter: delim},
		enc:    enc,
		split:  split,
		feed:   feed,
		buf:    buf,
		parser: parser,
		fast:   newCSVFastParser(delim),
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

// csvFeed hands the parser one record at a time.
type csvFeed struct{ text []byte }

func (f *csvFeed) Read(p []byte) (int, error) {
	if len(f.text) == 0 {
		return 0, io.EOF
	}
	n := copy(p, f.text)
	f.text = f.text[n:]
	return n, nil
}

func (t *csvTable) Next() (Row, error) {
	if t.err != nil {
		return Row{}, t.err
	}
	for {
		rec, err := t.split.next()
		if err != nil {
			t.err = t.fatal(err)
			return Row{}, t.err
		}
		if rec.kind != csvRecordOK {
			return t.brokenRecord(rec), nil
		}
		if t.fast != nil {
			if cells, empty, ok := t.fast.parse(rec.text); ok {
				if empty || csvBlankRow(cells) {
					continue
				}
				return Row{Cells: cells, Line: rec.startLine, Problem: t.cellProblem(cells, rec.text)}, nil
			}
		}
		t.feed.text = rec.text
		cells, err := t.parser.Read()
		// Whatever the parser left of the record (after an error) is
		// dropped: the next record starts where the splitter says.
		_, _ = t.buf.Discard(t.buf.Buffered())
		t.feed.text = nil
		if err == io.EOF {
			continue // an empty line, which the parser skips
		}
		if err == nil {
			if csvBlankRow(cells) {
				continue
			}
			return Row{Cells: cells, Line: rec.startLine, Problem: t.cellProblem(cells, rec.text)}, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if span, ok := t.split.cutBack(rec); ok {
				if t.split.unclosed > maxCSVUnclosedQuotes {
					t.err = t.fatal(errCSVTooManyUnclosed)
					return Row{}, t.err
				}
				return t.brokenRecord(span), nil
			}
			line := rec.startLine + pe.Line - pe.StartLine
			return Row{Cells: cells, Line: rec.startLine, Problem: csvQuoteProblem(pe.Err, len(cells)+1, line)}, nil
		}
		t.err = t.fatal(err)
		return Row{}, t.err
	}
}

// fatal turns a reading error into the error that stops the table.
func (t *csvTable) fatal(err error) error {
	var bin *csvBinaryErr
	switch {
	case err == io.EOF:
		return io.EOF
	case errors.As(err, &bin):
		where := fmt.Sprintf("at byte %d", bin.offset+int64(t.enc.bomLen))
		if t.enc.decoder != nil {
			// Offsets in decoded text mean nothing to the user.
			where = fmt.Sprintf("in the row starting on line %d", bin.line)
		}
		return csvBinaryError(t.info.Name(), where)
	case errors.Is(err, errCSVTooManyUnclosed):
		return errs.Data(fmt.Errorf("%s: %w: its quoting is broken throughout", t.info.Name(), err),
			"check the delimiter (--delimiter) and the encoding (--encoding), or save the file again from Excel as CSV")
	}
	return errs.Data(fmt.Errorf("cannot read %s: %w", t.info.Name(), err), "")
}

// brokenRecord turns a record the splitter could not hand to the parser into
// a rejected row. Its values are the record's text cut at the delimiter,
// at most maxCSVRejectBytes of it.
func (t *csvTable) brokenRecord(rec csvRecord) Row {
	cells := csvRawCells(rec.text, string(t.info.Delimiter))
	lines := fmt.Sprintf("line %d", rec.startLine)
	if rec.endLine > rec.startLine {
		lines = fmt.Sprintf("lines %d-%d", rec.startLine, rec.endLine)
	}
	var problem string
	switch rec.kind {
	case csvRecordUnclosed:
		what := fmt.Sprintf("quoted value starting on line %d", rec.startLine)
		if rec.quoteCol > 0 {
			what = fmt.Sprintf(`quote (") opened in column %d on line %d`, rec.quoteCol, rec.startLine)
		}
		problem = fmt.Sprintf(`%s is never closed: %s rejected, reading resumed on line %d`,
			what, lines, rec.endLine+1)
		if rec.last {
			problem = fmt.Sprintf(`%s is never closed: %s rejected, the last of the file`, what, lines)
		}
		if rec.quotes > 1 {
			problem += fmt.Sprintf(" (%d unclosed quotes)", rec.quotes)
		}
	case csvRecordTooWide:
		problem = fmt.Sprintf("row has more than %d columns (%s)", maxCSVRowColumns, lines)
	default:
		if c := rec.longCol; c > 0 {
			problem = fmt.Sprintf("cell in column %d is longer than 1,000,000 characters (%s)", c, lines)
		} else {
			problem = fmt.Sprintf("row is longer than 4 MiB (%s)", lines)
		}
	}
	if len(rec.text) >= maxCSVRejectBytes {
		problem += "; values cut to the first 64 KiB"
	}
	return Row{Cells: cells, Line: rec.startLine, Problem: problem}
}

// csvRawCells cuts text at the delimiter, without regard to quotes: the
// values of a row the parser could not read.
func csvRawCells(text []byte, delim string) []string {
	s := strings.TrimRight(string(text), "\r\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, delim)
}

func csvQuoteProblem(err error, column, line int) string {
	if errors.Is(err, csv.ErrBareQuote) {
		return fmt.Sprintf(`unexpected quote (") in column %d on line %d: a value containing quotes must be enclosed in quotes, with each inner quote doubled`, column, line)
	}
	return fmt.Sprintf(`misplaced or missing quote (") in column %d on line %d: a quoted value must end with a quote followed by the delimiter or a line break`, column, line)
}

// cellProblem checks a parsed record for what the parser lets through:
// over-long cells, too many columns, and text that did not decode. text is
// the record the cells were read from.
func (t *csvTable) cellProblem(cells []string, text []byte) string {
	if len(cells) > maxCSVRowColumns {
		return fmt.Sprintf("row has more than %d columns", maxCSVRowColumns)
	}
	if c := csvLongCell(cells); c > 0 {
		return fmt.Sprintf("cell in column %d is longer than 1,000,000 characters", c)
	}
	// The cells are the record's text less quotes, delimiters and the \r
	// of line breaks, cut where no character is split: when the record is
	// clean, so is every cell, and one pass over it is cheaper than one per
	// cell. Only a record that is not needs its column named.
	if t.recordDecodedCleanly(text) {
		return ""
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

// recordDecodedCleanly is decodedCleanly for a whole record's text.
func (t *csvTable) recordDecodedCleanly(text []byte) bool {
	if t.enc.decoder == nil {
		return utf8.Valid(text)
	}
	return !bytes.Contains(text, replacementChar)
}

var replacementChar = []byte("\uFFFD")

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

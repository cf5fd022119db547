package tabular

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/errs"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// csvOpenBytes opens data as if it were the file name.
func csvOpenBytes(t testing.TB, name string, data []byte, opts Options) Table {
	t.Helper()
	tb, err := newCSVTable(name, bytes.NewReader(data), io.NopCloser(nil), opts)
	if err != nil {
		t.Fatalf("newCSVTable(%s): %v", name, err)
	}
	return tb
}

// csvReadRows reads every row, copying the cells the table reuses.
func csvReadRows(t testing.TB, tb Table) []Row {
	t.Helper()
	var rows []Row
	for {
		r, err := tb.Next()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			t.Fatalf("Next after %d rows: %v", len(rows), err)
		}
		r.Cells = append([]string(nil), r.Cells...)
		rows = append(rows, r)
	}
}

func csvRowLines(rows []Row) []int {
	lines := make([]int, len(rows))
	for i, r := range rows {
		lines[i] = r.Line
	}
	return lines
}

func TestCSVFixtures(t *testing.T) {
	tests := []struct {
		file     string
		encoding string
		delim    rune
		lines    []int
		widths   []int
		// a cell to spot-check: row index, column index, value
		row, col int
		cell     string
	}{
		{"csv-gbk.csv", "gb18030", ',', []int{1, 2, 3, 4, 5, 6}, []int{8, 8, 8, 8, 8, 8},
			1, 4, "广东省深圳市南山区科技园路1号,A座"},
		{"csv-utf8-bom-crlf.csv", "utf-8-bom", ',', []int{1, 2, 3, 4}, []int{8, 8, 8, 8},
			3, 0, "Globex, Inc."},
		{"csv-utf16le-tab.txt", "utf-16le", '\t', []int{1, 2, 3, 4}, []int{6, 6, 6, 6},
			3, 0, `Acme "Pro" Ltd`},
		{"csv-semicolon.csv", "utf-8", ';', []int{1, 2, 3, 4}, []int{7, 7, 7, 7},
			1, 6, "1.234,50"},
		{"csv-quoted-newlines.csv", "utf-8", ',', []int{1, 2, 4, 5}, []int{4, 4, 4, 4},
			3, 2, "第一行\n第二行\n\n第四行（中间有空行）"},
		{"csv-title-rows.csv", "utf-8", ',', []int{1, 2, 4, 5, 6, 7}, []int{1, 5, 5, 5, 5, 5},
			2, 0, "客户名称"},
		{"csv-ragged.csv", "utf-8", ',', []int{1, 2, 3, 4, 5}, []int{4, 4, 6, 2, 4},
			2, 5, "cells"},
		{"csv-pipe.csv", "utf-8", '|', []int{1, 2, 3, 4}, []int{6, 6, 6, 6},
			3, 1, "Acme Trading, Ltd"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("..", "..", "testdata", "files", tt.file)
			tables, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			tb := tables[0]
			defer tb.Close()
			info := tb.Info()
			want := Info{Path: path, Format: "csv", Encoding: tt.encoding, Delimiter: tt.delim}
			if info != want {
				t.Errorf("Info() = %+v, want %+v", info, want)
			}
			rows := csvReadRows(t, tb)
			if got := csvRowLines(rows); !reflect.DeepEqual(got, tt.lines) {
				t.Errorf("lines = %v, want %v", got, tt.lines)
			}
			var widths []int
			for _, r := range rows {
				widths = append(widths, len(r.Cells))
				if r.Problem != "" {
					t.Errorf("line %d: unexpected problem %q", r.Line, r.Problem)
				}
				for _, c := range r.Cells {
					if strings.ContainsAny(c, "\r\uFEFF\uFFFD") {
						t.Errorf("line %d: cell %q carries a CR, BOM or replacement character", r.Line, c)
					}
				}
			}
			if !reflect.DeepEqual(widths, tt.widths) {
				t.Errorf("widths = %v, want %v", widths, tt.widths)
			}
			if tt.row < len(rows) && tt.col < len(rows[tt.row].Cells) {
				if got := rows[tt.row].Cells[tt.col]; got != tt.cell {
					t.Errorf("row %d col %d = %q, want %q", tt.row, tt.col, got, tt.cell)
				}
			} else {
				t.Errorf("no cell at row %d col %d", tt.row, tt.col)
			}
		})
	}
}

func TestCSVRows(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		lines    []int
		cells    [][]string
		problems []string // per row; "" for none; a prefix is enough
	}{
		{
			name:  "crlf and quoted commas, quotes and newlines",
			data:  "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"1\r\n2\"\r\nlast,row,\r\n",
			lines: []int{1, 2, 4},
			cells: [][]string{{"a", "b", "c"}, {"x, y", `say "hi"`, "1\n2"}, {"last", "row", ""}},
		},
		{
			name:  "blank rows are skipped, values are not trimmed",
			data:  "a,b\n\n , \n,,\n\u3000,\t\n x ,y\n",
			lines: []int{1, 6},
			cells: [][]string{{"a", "b"}, {" x ", "y"}},
		},
		{
			name:  "no final newline and a CR at end of file",
			data:  "a,b\n1,2\r",
			lines: []int{1, 2},
			cells: [][]string{{"a", "b"}, {"1", "2"}},
		},
		{
			name:  "old Mac line endings",
			data:  "a,b\r1,2\r3,4\r",
			lines: []int{1, 2, 3},
			cells: [][]string{{"a", "b"}, {"1", "2"}, {"3", "4"}},
		},
		{
			name:     "bare quote in an unquoted field spoils only its row",
			data:     "name,desc\nPipe,5\" pipe\nValve,brass\n",
			lines:    []int{1, 2, 3},
			cells:    [][]string{{"name", "desc"}, {"Pipe"}, {"Valve", "brass"}},
			problems: []string{"", `unexpected quote (") in column 2 on line 2`, ""},
		},
		{
			name:     "text after a closing quote spoils only its row",
			data:     "name,desc\n\"Acme\"Ltd,x\nGlobex,y\n",
			lines:    []int{1, 2, 3},
			cells:    [][]string{{"name", "desc"}, {}, {"Globex", "y"}},
			problems: []string{"", `misplaced or missing quote (") in column 1 on line 2`, ""},
		},
		{
			name:     "unclosed quote: its line is rejected, reading resumes on the next",
			data:     "name,desc\nAcme,\"never closed\nGlobex,y\n",
			lines:    []int{1, 2, 3},
			cells:    [][]string{{"name", "desc"}, {"Acme", `"never closed`}, {"Globex", "y"}},
			problems: []string{"", `quote (") opened in column 2 on line 2 is never closed: line 2 rejected, reading resumed on line 3`, ""},
		},
		{
			name:     "invalid UTF-8 flagged per row",
			data:     "客户名称,城市\n深圳市腾飞科技有限公司,深圳\nAcme,Z\xfcrich\n北京华信商贸有限公司,北京\n",
			lines:    []int{1, 2, 3, 4},
			cells:    [][]string{{"客户名称", "城市"}, {"深圳市腾飞科技有限公司", "深圳"}, {"Acme", "Z\xfcrich"}, {"北京华信商贸有限公司", "北京"}},
			problems: []string{"", "", "invalid UTF-8 in column 2 (the file may not be UTF-8; try --encoding gbk)", ""},
		},
		{
			name:     "row with too many columns",
			data:     "a,b\n" + strings.Repeat(",", maxCSVRowColumns) + "x\nc,d\n",
			lines:    []int{1, 2, 3},
			cells:    nil,
			problems: []string{"", "row has more than 16384 columns", ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := csvOpenBytes(t, "t.csv", []byte(tt.data), Options{})
			rows := csvReadRows(t, tb)
			if got := csvRowLines(rows); !reflect.DeepEqual(got, tt.lines) {
				t.Fatalf("lines = %v, want %v", got, tt.lines)
			}
			for i, r := range rows {
				if tt.cells != nil {
					want := tt.cells[i]
					if len(want) == 0 && len(r.Cells) == 0 {
						// both empty
					} else if !reflect.DeepEqual(r.Cells, want) {
						t.Errorf("row %d cells = %q, want %q", i, r.Cells, want)
					}
				}
				wantProblem := ""
				if tt.problems != nil {
					wantProblem = tt.problems[i]
				}
				if (wantProblem == "") != (r.Problem == "") || !strings.HasPrefix(r.Problem, wantProblem) {
					t.Errorf("row %d problem = %q, want prefix %q", i, r.Problem, wantProblem)
				}
			}
		})
	}
}

func TestCSVInvalidUTF8BeyondSample(t *testing.T) {
	var b strings.Builder
	b.WriteString("客户名称,联系人\n")
	for b.Len() < 2*csvSampleBytes {
		b.WriteString("深圳市腾飞科技有限公司,张伟\n")
	}
	gbkRow, _ := simplifiedchinese.GBK.NewEncoder().String("北京华信商贸有限公司,王芳\n")
	b.WriteString(gbkRow)
	b.WriteString("上海明远贸易有限公司,刘洋\n")

	tb := csvOpenBytes(t, "mixed.csv", []byte(b.String()), Options{})
	if enc := tb.Info().Encoding; enc != "utf-8" {
		t.Fatalf("encoding = %q, want utf-8", enc)
	}
	rows := csvReadRows(t, tb)
	bad := rows[len(rows)-2]
	if want := "invalid UTF-8 in column 1 (the file may not be UTF-8; try --encoding gbk)"; bad.Problem != want {
		t.Errorf("problem = %q, want %q", bad.Problem, want)
	}
	if last := rows[len(rows)-1]; last.Problem != "" || last.Cells[1] != "刘洋" {
		t.Errorf("row after the bad one = %+v, want a clean row", last)
	}
}

func TestCSVDecoderReplacementFlagged(t *testing.T) {
	good, _ := simplifiedchinese.GBK.NewEncoder().String("客户名称,联系人\n深圳市腾飞科技有限公司,张伟\n")
	data := good + "Acme,\xff\xff\n" // 0xFF never occurs in GB18030
	tb := csvOpenBytes(t, "gbk.csv", []byte(data), Options{Encoding: "gbk"})
	rows := csvReadRows(t, tb)
	if len(rows) != 3 {
		t.Fatalf("got %d rows, want 3", len(rows))
	}
	if rows[1].Problem != "" {
		t.Errorf("clean row flagged: %q", rows[1].Problem)
	}
	if want := "invalid gbk in column 2 (the file may not be gbk; try --encoding utf-8)"; rows[2].Problem != want {
		t.Errorf("problem = %q, want %q", rows[2].Problem, want)
	}
}

func TestCSVEncodingOverride(t *testing.T) {
	latin1, _ := charmap.ISO8859_1.NewEncoder().String("name;city\nHans Müller;Zürich\n")
	tests := []struct {
		opts     Options
		encoding string
		cell     string
		problem  bool
	}{
		{Options{Encoding: "latin1"}, "latin1", "Zürich", false},
		{Options{Encoding: "ISO-8859-1"}, "latin1", "Zürich", false},
		{Options{Encoding: "windows-1252"}, "windows-1252", "Zürich", false},
		{Options{Encoding: "utf-8"}, "utf-8", "Z\xfcrich", true},
	}
	for _, tt := range tests {
		t.Run(tt.opts.Encoding, func(t *testing.T) {
			tb := csvOpenBytes(t, "l.csv", []byte(latin1), tt.opts)
			if got := tb.Info().Encoding; got != tt.encoding {
				t.Errorf("encoding = %q, want %q", got, tt.encoding)
			}
			rows := csvReadRows(t, tb)
			if len(rows) != 2 || rows[1].Cells[1] != tt.cell {
				t.Fatalf("rows = %+v, want second row city %q", rows, tt.cell)
			}
			if (rows[1].Problem != "") != tt.problem {
				t.Errorf("problem = %q, want problem: %v", rows[1].Problem, tt.problem)
			}
		})
	}
}

func TestCSVOpenErrors(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		opts  Options
		usage bool
		msg   string
		hint  string
	}{
		{"binary", "name,phone\nAcme,1\x00\x01\x02", Options{}, false,
			"bin.csv does not look like a text table (binary data at byte 17)", "check that this is the file"},
		{"unknown encoding", "a,b\n", Options{Encoding: "ebcdic"}, true,
			`unknown encoding "ebcdic"`, "use one of: utf-8, utf-8-bom, gbk"},
		{"bad delimiter", "a,b\n", Options{Delimiter: '"'}, true,
			`cannot use '"' as the delimiter`, "use a single character"},
		{"undecidable encoding", "name,city\nM\xfcller,Z\xfcrich\n", Options{}, false,
			"cannot tell the text encoding of bin.csv", "--encoding gbk or --encoding latin1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newCSVTable("bin.csv", strings.NewReader(tt.data), io.NopCloser(nil), tt.opts)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tt.msg) {
				t.Errorf("error = %q, want prefix %q", err, tt.msg)
			}
			if got := errs.HintOf(err); !strings.Contains(got, tt.hint) {
				t.Errorf("hint = %q, want it to contain %q", got, tt.hint)
			}
			if errs.IsUsage(err) != tt.usage {
				t.Errorf("IsUsage = %v, want %v", errs.IsUsage(err), tt.usage)
			}
		})
	}
}

func TestCSVBinaryAfterSample(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("\uFEFFname,phone\n")
	for b.Len() < 3*csvSampleBytes {
		b.WriteString("Acme Trading Ltd,+1 415 555 0100\n")
	}
	at := b.Len()
	b.WriteString("PK\x00\x00garbage\n")
	tb := csvOpenBytes(t, "late.csv", b.Bytes(), Options{})
	var err error
	n := 0
	for err == nil {
		_, err = tb.Next()
		n++
	}
	want := "late.csv does not look like a text table (binary data at byte " + csvItoa(at+2) + ")"
	if err == io.EOF || err.Error() != want {
		t.Fatalf("error after %d rows = %v, want %q", n, err, want)
	}
	if _, again := tb.Next(); again != err {
		t.Errorf("second Next = %v, want the same error", again)
	}
}

func TestCSVBinaryInDecodedText(t *testing.T) {
	data := "\xff\xfe" + csvUTF16Bytes("name\tphone\r\nAcme\t1\r\nGlobex\t\x00\r\n", false)
	tb := csvOpenBytes(t, "u16.txt", []byte(data), Options{})
	if _, err := tb.Next(); err != nil {
		t.Fatal(err)
	}
	if _, err := tb.Next(); err != nil {
		t.Fatal(err)
	}
	_, err := tb.Next()
	want := "u16.txt does not look like a text table (binary data in the row starting on line 3)"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func csvItoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}

func TestCSVEmptyFile(t *testing.T) {
	for _, data := range []string{"", "\uFEFF", "\n\n\r\n", " , \n"} {
		tb := csvOpenBytes(t, "empty.csv", []byte(data), Options{})
		if _, err := tb.Next(); err != io.EOF {
			t.Errorf("%q: Next = %v, want io.EOF", data, err)
		}
		if _, err := tb.Next(); err != io.EOF {
			t.Errorf("%q: second Next = %v, want io.EOF", data, err)
		}
	}
}

func TestCSVLongCell(t *testing.T) {
	tests := []struct {
		name    string
		cell    string
		problem string
	}{
		{"just under the limit", strings.Repeat("x", maxCSVCellChars), ""},
		{"over the limit", strings.Repeat("x", maxCSVCellChars+1), "cell in column 2 is longer than 1,000,000 characters"},
		{"Chinese under the limit in characters", strings.Repeat("长", maxCSVCellChars), ""},
		{"quoted, over the limit", `"` + strings.Repeat("a\n", maxCSVCellChars/2+1) + `"`, "cell in column 2 is longer than 1,000,000 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := "id,notes\n1," + tt.cell + "\n2,short\n"
			rows := csvReadRows(t, csvOpenBytes(t, "long.csv", []byte(data), Options{}))
			if len(rows) != 3 {
				t.Fatalf("got %d rows, want 3", len(rows))
			}
			if rows[1].Problem != tt.problem {
				t.Errorf("problem = %q, want %q", rows[1].Problem, tt.problem)
			}
			if rows[2].Cells[1] != "short" || rows[2].Problem != "" {
				t.Errorf("row after = %+v", rows[2])
			}
		})
	}
}

// A hostile single line must be rejected without holding it in memory.
func TestCSVHugeLineBoundedMemory(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		problem string
	}{
		{"one 10 MB cell", "1," + strings.Repeat("x", 10<<20), "cell in column 2 is longer than 1,000,000 characters"},
		{"10 MB of short cells", strings.Repeat("abcdefghi,", 1<<20), "row has more than 16384 columns"},
		{"10 MB unclosed quote", "1,\"" + strings.Repeat(strings.Repeat("note ", 200)+"\n", 10_000), `quote (") opened in column 2 on line 2 is never closed: line 2 rejected`},
		{"unclosed quote full of commas", "1,\"" + strings.Repeat(strings.Repeat("a,", 500)+"\n", 10_000), `quote (") opened in column 2 on line 2 is never closed`},
		{"4 MB of medium cells", strings.Repeat(strings.Repeat("y", 600_000)+",", 16), "row is longer than 4 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte("id,notes\n" + tt.line + "\n2,after\n")
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			tb := csvOpenBytes(t, "huge.csv", data, Options{})
			var rows []Row
			for {
				r, err := tb.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				rows = append(rows, Row{Line: r.Line, Problem: r.Problem})
			}
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("allocated %.1f MB for a %.1f MB file", float64(alloc)/(1<<20), float64(len(data))/(1<<20))
			if alloc > 50<<20 {
				t.Errorf("allocated %d MB reading a %d MB file, want at most 50 MB", alloc>>20, len(data)>>20)
			}
			if len(rows) < 2 || rows[1].Line != 2 || !strings.HasPrefix(rows[1].Problem, tt.problem) {
				t.Fatalf("rows = %+v…, want row 2 with problem %q", rows[:min(len(rows), 3)], tt.problem)
			}
			wantLast := 3
			if strings.Contains(tt.name, "unclosed") {
				// Reading resumes on the line after the quote: each
				// line of the would-be cell is a row of its own.
				// header, the quote's line, 9,999 more lines of it, the
				// blank line after it, and the row after that.
				wantLast = 1 + 10_000 + 1 + 1
				if len(rows) != wantLast-1 {
					t.Errorf("got %d rows, want %d: every line read", len(rows), wantLast-1)
				}
			}
			if last := rows[len(rows)-1]; last.Problem != "" || last.Line != wantLast {
				t.Errorf("last row = %+v, want the clean row on line 3", last)
			}
		})
	}
}

func TestCSVStdinReuse(t *testing.T) {
	// Open("-") hands newCSVTable a 64 KiB bufio.Reader it already peeked.
	data := "a;b\n1;2\n"
	tables, err := Open("-", Options{Stdin: strings.NewReader(data)})
	if err != nil {
		t.Fatal(err)
	}
	rows := csvReadRows(t, tables[0])
	if tables[0].Info().Delimiter != ';' || len(rows) != 2 || rows[1].Cells[1] != "2" {
		t.Errorf("info %+v rows %+v", tables[0].Info(), rows)
	}
	if err := tables[0].Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	_, err = Open("-", Options{Stdin: strings.NewReader("a,b\n\x00\x01")})
	if want := "stdin does not look like a text table (binary data at byte 4)"; err == nil || err.Error() != want {
		t.Errorf("binary stdin: error = %v, want %q", err, want)
	}
}

func TestCSVReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader(strings.Repeat("a,b\n", csvSampleBytes)), &csvFailingReader{boom})
	tb, err := newCSVTable("x.csv", r, io.NopCloser(nil), Options{})
	if err != nil {
		// The sample read saw the failure; that is fine too.
		if !errors.Is(err, boom) {
			t.Fatalf("error = %v, want %v", err, boom)
		}
		return
	}
	var got error
	for got == nil {
		_, got = tb.Next()
	}
	if !errors.Is(got, boom) {
		t.Errorf("error = %v, want %v", got, boom)
	}
}

type csvFailingReader struct{ err error }

func (f *csvFailingReader) Read([]byte) (int, error) { return 0, f.err }

package tabular

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSniff feeds arbitrary bytes through detection and parsing. Whatever
// the input: no panic, no endless loop, row lines strictly increase, and a
// row without a Problem holds clean UTF-8 text without NUL bytes. When the
// input is plain UTF-8, the rows must match what encoding/csv reads.
func FuzzSniff(f *testing.F) {
	fixtures, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "files", "csv-*.*"))
	for _, name := range fixtures {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "\n", "\"", "a,\"b\nc\"\r\n", "5\" pipe,x\n", "\"a\"b,c\n", "a\rb\rc",
		"\xff\xfea\x00,\x00b\x00", "\xef\xbb\xbfa;b\n1;2", "客户名单,,,\n\na|b|c\n1|2|3\n",
		"a,b\n\"unclosed\n1,2\n", "\x00\x01\x02", "a\tb\n\"x\ty\"\tz\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := newCSVTable("fuzz.csv", bytes.NewReader(data), io.NopCloser(nil), Options{})
		if err != nil {
			return // undecidable encoding or binary data: a clean error
		}
		var rows []Row
		last := 0
		for {
			r, err := tb.Next()
			if err != nil {
				if err != io.EOF {
					rows = nil // a fatal error: nothing to compare
				}
				break
			}
			if r.Line <= last {
				t.Fatalf("line %d after line %d", r.Line, last)
			}
			last = r.Line
			if len(rows) > len(data) {
				t.Fatalf("%d rows from %d bytes", len(rows), len(data))
			}
			if r.Problem == "" {
				for _, c := range r.Cells {
					if !utf8.ValidString(c) || strings.ContainsRune(c, 0) {
						t.Fatalf("line %d: cell %q passed without a problem", r.Line, c)
					}
				}
			}
			r.Cells = append([]string(nil), r.Cells...)
			rows = append(rows, r)
		}
		info := tb.Info()
		if rows == nil || (info.Encoding != "utf-8" && info.Encoding != "utf-8-bom") ||
			bytes.IndexByte(data, '\n') < 0 {
			return
		}
		compareWithEncodingCSV(t, bytes.TrimPrefix(data, bomUTF8), info.Delimiter, rows)
	})
}

// compareWithEncodingCSV checks rows against a plain encoding/csv read of
// the same text, when that read succeeds.
func compareWithEncodingCSV(t *testing.T, data []byte, delim rune, rows []Row) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delim
	r.FieldsPerRecord = -1
	var want []Row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return // ours reports the same errors as Problems
		}
		if csvBlankRow(rec) {
			continue
		}
		line, _ := r.FieldPos(0)
		want = append(want, Row{Cells: rec, Line: line})
	}
	for i := range rows {
		if rows[i].Problem != "" {
			return // invalid UTF-8, which encoding/csv passes through
		}
	}
	if !reflect.DeepEqual(rows, want) && !(len(rows) == 0 && len(want) == 0) {
		t.Fatalf("rows differ from encoding/csv:\n got %+v\nwant %+v", rows, want)
	}
}

package tabular

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// writerDelims are the delimiters the writer is checked with: crmkit's
// own, the ones European exports use, and a non-ASCII one.
var writerDelims = []rune{',', ';', '\t', '|', ' ', '€', '，'}

// writeBoth writes rows with CSVWriter and with encoding/csv.
func writeBoth(t testing.TB, delim rune, rows [][]string) (got, want []byte) {
	t.Helper()
	var g, s bytes.Buffer
	cw, err := NewCSVWriter(&g, delim, false)
	if err != nil {
		t.Fatal(err)
	}
	std := csv.NewWriter(&s)
	std.Comma = delim
	for _, row := range rows {
		if err := cw.Write(row); err != nil {
			t.Fatal(err)
		}
		if err := std.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := cw.Flush(); err != nil {
		t.Fatal(err)
	}
	std.Flush()
	return g.Bytes(), s.Bytes()
}

// writerPieces are the bits random fields are made of: plain text, every
// byte that calls for quotes, every Unicode space (a field starting with
// one is quoted), `\.`, invalid UTF-8 and the first bytes of the non-ASCII
// delimiters.
func writerPieces() []string {
	pieces := []string{"", "a", "Acme Ltd", " lead", "\tx", "x,y", "x;y", "x\ty", `"q"`, `say "hi"`, `"`,
		"line\nbreak", "cr\rlf\r\n", "\r", "\n", `\.`, `\`, ".", "深圳华强", "　全角", "€", "\u00a0nbsp", "a|b",
		"，", "x y", "\xff", "\xc2", "\xe2\x82", "\xe2", "\xe3\x80", "\xef\xbc", "\x00", "\u2028", "\u200b"}
	for r := rune(0); r <= 0x3000; r++ {
		if unicode.IsSpace(r) {
			pieces = append(pieces, string(r))
		}
	}
	return pieces
}

// CSVWriter writes byte for byte what encoding/csv writes, whatever the
// fields and delimiter: quotes, line breaks, leading Unicode spaces,
// invalid UTF-8, fields holding the delimiter or part of its UTF-8.
func TestCSVWriterMatchesEncodingCSV(t *testing.T) {
	pieces := writerPieces()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, delim := range writerDelims {
		pieces := append(pieces, string(delim), "x"+string(delim))
		var rows [][]string
		for range 5000 {
			row := make([]string, rng.IntN(7))
			for i := range row {
				for range rng.IntN(4) {
					row[i] += pieces[rng.IntN(len(pieces))]
				}
			}
			rows = append(rows, row)
		}
		got, want := writeBoth(t, delim, rows)
		if !bytes.Equal(got, want) {
			t.Fatalf("delimiter %q: output differs from encoding/csv", delim)
		}
	}
}

// Each field that needs quotes is quoted on its own, wherever it stands
// in the row, and the fields around it are left as they are.
func TestCSVWriterQuotesOnlyWhatNeedsIt(t *testing.T) {
	row := []string{"C1", "Bay Clark Medical, LLC", "", " lead", `say "hi"`, "深圳", `\.`, "\u3000全角", "a\nb", "x"}
	got, _ := writeBoth(t, ',', [][]string{row, {"x,y"}, {}, {""}, {"", ""}})
	want := "C1,\"Bay Clark Medical, LLC\",,\" lead\",\"say \"\"hi\"\"\",深圳,\"\\.\",\"\u3000全角\",\"a\nb\",x\n" +
		"\"x,y\"\n\n\n,\n"
	if string(got) != want {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
	}
}

// Rows are written through once the buffer fills, and on Flush.
func TestCSVWriterWritesThroughLargeOutput(t *testing.T) {
	var rows [][]string
	for i := range 20000 {
		rows = append(rows, []string{strings.Repeat("x", i%50), "深圳,南山", `"q"`})
	}
	got, want := writeBoth(t, ',', rows)
	if !bytes.Equal(got, want) {
		t.Fatal("output differs from encoding/csv")
	}
}

// failingWriter takes limit bytes, then fails.
type failingWriter struct{ limit int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n := f.limit
		f.limit = 0
		return n, errors.New("disk full")
	}
	f.limit -= len(p)
	return len(p), nil
}

// A failed write is returned, and again by every later call: a disk that
// filled up is never taken for a written file.
func TestCSVWriterKeepsFirstError(t *testing.T) {
	cw, err := NewCSVWriter(&failingWriter{limit: 1000}, ',', false)
	if err != nil {
		t.Fatal(err)
	}
	row := []string{strings.Repeat("x", 1000)}
	var first error
	for range 1000 {
		if first = cw.Write(row); first != nil {
			break
		}
	}
	if first == nil || first.Error() != "disk full" {
		t.Fatalf("Write error = %v, want disk full", first)
	}
	if err := cw.Write(row); err != first {
		t.Errorf("Write after the failure = %v, want %v", err, first)
	}
	if err := cw.Flush(); err != first {
		t.Errorf("Flush after the failure = %v, want %v", err, first)
	}
}

func TestCSVWriterRefusesBadDelimiter(t *testing.T) {
	for _, d := range []rune{'"', '\n', '\r', 0xFFFD} {
		if _, err := NewCSVWriter(&bytes.Buffer{}, d, false); err == nil {
			t.Errorf("delimiter %q accepted", d)
		}
	}
}

// FuzzCSVWriter compares CSVWriter with encoding/csv on arbitrary fields
// (data cut at NUL bytes into fields, at 0x01 into rows) and delimiters.
func FuzzCSVWriter(f *testing.F) {
	for _, s := range []string{"", "a\x00b", "x,y\x00 lead\x01\\.\x00\u3000z", "say \"hi\"\x00\r\n\x01\x00",
		"\xe2\x82\x00\xac€\x00x", "深圳\x00华强\x01\x01\u00a0a;b\tc|d"} {
		for _, d := range writerDelims {
			f.Add(s, d)
		}
	}
	f.Fuzz(func(t *testing.T, data string, delim rune) {
		if delim == 0 || delim == '"' || delim == '\r' || delim == '\n' || !utf8.ValidRune(delim) || delim == utf8.RuneError {
			return // refused by both
		}
		var rows [][]string
		for line := range strings.SplitSeq(data, "\x01") {
			rows = append(rows, strings.Split(line, "\x00"))
		}
		got, want := writeBoth(t, delim, rows)
		if !bytes.Equal(got, want) {
			t.Fatalf("delimiter %q, rows %q:\ngot  %q\nwant %q", delim, rows, got, want)
		}
	})
}

// benchCanonicalRows are rows like crmkit's canonical CSV between steps:
// 42 columns, many empty, Chinese and English text; one in every quoted
// rows has fields to quote (an English company and address holding a
// comma), none when quoted is 0.
func benchCanonicalRows(n, quoted int) [][]string {
	rows := make([][]string, n)
	for i := range rows {
		company, address := "泉州市雅源化工有限公司", "福建省泉州市丰泽区东海大街88号"
		if quoted > 0 && i%quoted == 0 {
			company, address = "Bay Clark Medical, LLC", "239 Des Voeux Road, Suite 1820"
		}
		rows[i] = []string{"C47947977", company, "Kenneth Ruiz", "+8659578967541", "kenneth.ruiz@bayclarkmedical.co",
			address, "福建省", "泉州市", "", "化工材料", "老客户介绍", "终端用户", "韩娜", "2025-07-11 09:51:00",
			"2025-11-25 10:31:00", "2025-07-22", "2025-11-06", "2", "26006.55", "0", "VIP", "", "1989-10-12",
			"C47947977", "", "韩娜", "韩娜|2025-07-11 09:51:00|2025-11-25 10:31:00|2025-11-06", "", "B", "中",
			"3", "2", "4", "重要发展客户", "活跃", "一般", "韩娜", "kept: 韩娜 是唯一认领人，保留", "", "", "",
			"/work/data/as-1000000.csv:2"}
	}
	return rows
}

// BenchmarkCSVWriter writes canonical rows: none quoted, or one in two
// (as in the 1M-record benchmark's data).
func BenchmarkCSVWriter(b *testing.B) {
	b.Run("plain", func(b *testing.B) { benchCSVWriter(b, benchCanonicalRows(10_000, 0)) })
	b.Run("half-quoted", func(b *testing.B) { benchCSVWriter(b, benchCanonicalRows(10_000, 2)) })
}

func benchCSVWriter(b *testing.B, rows [][]string) {
	var size int64
	for _, r := range rows {
		for _, f := range r {
			size += int64(len(f)) + 1
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		cw, err := NewCSVWriter(io.Discard, ',', false)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rows {
			if err := cw.Write(r); err != nil {
				b.Fatal(err)
			}
		}
		if err := cw.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}

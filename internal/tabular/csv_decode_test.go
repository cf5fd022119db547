package tabular

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestCSVInvalidTextNamesColumn: a row whose text does not decode is
// rejected naming the first column that holds the bad bytes, wherever it
// is, quoted or not, read by the fast parser or by encoding/csv.
func TestCSVInvalidTextNamesColumn(t *testing.T) {
	const utf8Reason = "invalid UTF-8 in column %d (the file may not be UTF-8; try --encoding gbk)"
	rows := []struct {
		text   string
		column int // 0: clean
	}{
		{"深圳华强,张三,13800138000", 0},
		{"\xff深圳华强,张三,13800138000", 1},
		{"深圳华强,张\xe4三,13800138000", 2},
		{"深圳华强,张三,13800138000\xe4\xb8", 3},               // a character cut short at the end
		{`"深圳,华强",` + `"张""三""` + "\xc0\xaf" + `",x`, 2}, // quoted, with doubled quotes
		{"\"多行\n备注\xff\",李四,x", 1},                       // a quoted line break
		{"a\rb,\xfe,x", 2},                               // a lone CR: read by encoding/csv
		{"深圳\xe5,\xe5\x8d,x", 1},                         // two bad columns: the first is named
		{"�,U+FFFD is text,x", 0},                        // the replacement character itself is valid UTF-8
	}
	var b strings.Builder
	b.WriteString("客户名称,联系人,手机\n")
	for _, r := range rows {
		b.WriteString(r.text + "\n")
	}
	got := csvReadRows(t, csvOpenBytes(t, "mixed.csv", []byte(b.String()), Options{Encoding: "utf-8"}))
	if len(got) != len(rows)+1 {
		t.Fatalf("read %d rows, want %d", len(got), len(rows)+1)
	}
	for i, r := range rows {
		want := ""
		if r.column > 0 {
			want = fmt.Sprintf(utf8Reason, r.column)
		}
		if p := got[i+1].Problem; p != want {
			t.Errorf("row %q: problem %q, want %q", r.text, p, want)
		}
	}
}

// TestCSVUndecodableGBKNamesColumn: in a GBK file a byte the decoder
// cannot read becomes U+FFFD; the row is rejected naming its column.
func TestCSVUndecodableGBKNamesColumn(t *testing.T) {
	enc := func(s string) string {
		out, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	const gbkReason = "invalid gbk in column %d (the file may not be gbk; try --encoding utf-8)"
	data := enc("客户名称,联系人,手机\n深圳华强,张三,13800138000\n") +
		"\xff" + enc("深圳,张三,138\n") + // 0xFF never occurs in GB18030
		enc("深圳,张") + "\xff" + enc("三,138\n") +
		enc("深圳,\"张,三\",138") + "\xff\n" +
		enc("上海明远,刘洋,13900139000\n")
	got := csvReadRows(t, csvOpenBytes(t, "gbk.csv", []byte(data), Options{Encoding: "gbk"}))
	want := []string{"", "", fmt.Sprintf(gbkReason, 1), fmt.Sprintf(gbkReason, 2), fmt.Sprintf(gbkReason, 3), ""}
	if len(got) != len(want) {
		t.Fatalf("read %d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Problem != want[i] {
			t.Errorf("row %d (%q): problem %q, want %q", i+1, got[i].Cells, got[i].Problem, want[i])
		}
	}
}

// TestCSVRecordCheckMatchesCellCheck reads random rows with bad bytes in
// random places, UTF-8 and GBK, and compares each row's problem with the
// first cell that a check of every cell finds bad.
func TestCSVRecordCheckMatchesCellCheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	pieces := []string{"a", "中文", ",", `"`, `""`, "\n", "\r\n", "\r", "\xff", "\xe4\xb8", "\xe4", "\xb8\xad", "\uFFFD", " "}
	for _, gbk := range []bool{false, true} {
		bad := 0
		for range 2000 {
			var b strings.Builder
			b.WriteString("name,phone,city\n")
			for range 1 + rng.IntN(6) {
				writeRandomCSVRecord(&b, rng, pieces, ',', 1+rng.IntN(4))
				b.WriteString("\n")
			}
			data, opts := b.String(), Options{Encoding: "utf-8", Delimiter: ','}
			if gbk {
				// Encode the valid runs; the bad bytes stay bad.
				var g strings.Builder
				for _, r := range data {
					if r == utf8.RuneError {
						g.WriteByte(0xff)
						continue
					}
					s, _ := simplifiedchinese.GBK.NewEncoder().String(string(r))
					g.WriteString(s)
				}
				data, opts = g.String(), Options{Encoding: "gbk", Delimiter: ','}
			}
			tb := csvOpenBytes(t, "random.csv", []byte(data), opts)
			enc := tb.(*csvTable).enc
			for _, r := range csvReadRows(t, tb) {
				if strings.HasPrefix(r.Problem, "invalid") || r.Problem == "" {
					if want := cellByCellProblem(enc, r.Cells); r.Problem != want {
						t.Fatalf("%q: row %d %q: problem %q, a check of every cell says %q", data, r.Line, r.Cells, r.Problem, want)
					}
				}
				if strings.HasPrefix(r.Problem, "invalid") && !strings.Contains(r.Problem, " in column 1 (") {
					bad++ // a bad cell past the first
				}
			}
		}
		t.Logf("gbk %v: %d rows with a bad cell past the first column", gbk, bad)
		if bad < 500 {
			t.Errorf("gbk %v: only %d rows had a bad cell past the first column", gbk, bad)
		}
	}
}

// cellByCellProblem is the text check as it was made before the record's
// text was checked whole: every cell, the first bad one named.
func cellByCellProblem(enc textEncoding, cells []string) string {
	for i, c := range cells {
		bad := !utf8.ValidString(c)
		name := "UTF-8"
		if enc.decoder != nil {
			bad, name = strings.Contains(c, "\uFFFD"), enc.name
		}
		if bad {
			return fmt.Sprintf("invalid %s in column %d (the file may not be %s; try --encoding %s)", name, i+1, name, enc.retryHint)
		}
	}
	return ""
}

package tabular

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// csvReadAll reads every row of data, with the fast parser or (fast=false)
// every record through encoding/csv as before it, and how reading ended.
func csvReadAll(t *testing.T, data []byte, opts Options, fast bool) ([]Row, string) {
	t.Helper()
	tb, err := newCSVTable("t.csv", bytes.NewReader(data), io.NopCloser(nil), opts)
	if err != nil {
		return nil, "open: " + err.Error()
	}
	if !fast {
		tb.(*csvTable).fast = nil
	}
	var rows []Row
	for {
		r, err := tb.Next()
		if err != nil {
			return rows, fmt.Sprint(err)
		}
		r.Cells = append([]string(nil), r.Cells...)
		rows = append(rows, r)
	}
}

func checkCSVTableFast(t *testing.T, name string, data []byte, opts Options) {
	t.Helper()
	got, gotEnd := csvReadAll(t, data, opts, true)
	want, wantEnd := csvReadAll(t, data, opts, false)
	if gotEnd != wantEnd || !reflect.DeepEqual(got, want) {
		t.Errorf("%s %q:\nfast parser: %+v (%s)\nencoding/csv: %+v (%s)", name, data, got, gotEnd, want, wantEnd)
	}
}

// TestCSVTableFastPathMatchesParser reads whole files the way users have
// them (CRLF, BOM, GBK, ; and tab, quoted line breaks and quotes, a lone
// CR, unclosed quotes at the end, empty lines, trailing delimiters, ragged
// rows, a long cell) with the fast parser and without it: rows, their line
// numbers and problems, and how reading ends must be the same.
func TestCSVTableFastPathMatchesParser(t *testing.T) {
	rows := []string{
		`客户名称,联系人,手机,电话,邮箱,地址,备注`,
		`深圳华强有限公司,张三,13800138000,0755-88888888,a@b.com,深圳,普通`,
		`"上海,浦东公司",李四,(+86)138 0013 8000,+852 2345 6789,b@c.com,"上海 ""浦东""",`,
		"\"多行\n备注公司\",王五,0044 20 7946 0958,+44 (0)20 7946 0958,c@d.com,\"line1\nline2\",x",
		``,
		`,,,,,,`,
		`Acme Ltd,John,+1 415 555 0100,00 86 10 1234 5678,j@acme.com,SF,"trailing",`,
		`Bad"Quote,x,13900139000,,,,`,
		`"closed"junk,y,13900139001,,,,`,
		`ragged,row`,
		`very long,` + strings.Repeat("x", 70000) + `,13700137000,,,,`,
		"Lone\rCR,z,13600136000,,,,",
		"Tab\there,w,+65 6123 4567,,,,",
		`"",""`,
	}
	body := strings.Join(rows, "\n") + "\n"
	crlf := strings.ReplaceAll(body, "\n", "\r\n")
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(crlf)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"lf":        body,
		"crlf":      crlf,
		"bom":       "\xef\xbb\xbf" + crlf,
		"gbk":       gbk,
		"semicolon": strings.ReplaceAll(body, ",", ";"),
		"tab":       strings.ReplaceAll(strings.ReplaceAll(body, "\t", " "), ",", "\t"),
		"no eol":    strings.TrimSuffix(body, "\n"),
		"cr at end": strings.TrimSuffix(body, "\n") + "\r",
		"cr only":   strings.ReplaceAll(body, "\n", "\r"),
		"mixed":     strings.Replace(body, "\n", "\r\n", 5),
		"unclosed":  body + "Last,\"never closed,13500135000\n",
		"unclosed2": body + "Last,\"never closed\nmore,13500135000",
		"trailing":  strings.ReplaceAll(body, "\n", ",\n") + "\n\n\n",
	}
	for name, data := range files {
		checkCSVTableFast(t, name, []byte(data), Options{})
	}
	checkCSVTableFast(t, "gbk named", []byte(gbk), Options{Encoding: "gbk", Delimiter: ','})
}

// TestCSVTableFastPathMatchesParserRandom does the same on random files made
// of the pieces that matter.
func TestCSVTableFastPathMatchesParserRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "13800138000", "中文", " ", ",", ";", `"`, `""`, "\n", "\r", "\r\n", "é", "\t"}
	for range 3000 {
		var b strings.Builder
		b.WriteString("name,phone,city\n")
		for range 1 + rng.IntN(6) {
			writeRandomCSVRecord(&b, rng, pieces, ',', 1+rng.IntN(4))
			b.WriteString([]string{"\n", "\r\n", "\n", ""}[rng.IntN(4)])
		}
		checkCSVTableFast(t, "random", []byte(b.String()), Options{Delimiter: ','})
	}
}

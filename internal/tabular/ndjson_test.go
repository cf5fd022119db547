package tabular

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestNDJSONWriter(t *testing.T) {
	var out bytes.Buffer
	w := NewNDJSONWriter(&out)
	rows := [][]string{
		{"id", "company", "phone", "total_revenue", "notes", "WeChat", "WeChat"},
		{"007", "北京星河科技有限公司", "+8613812345678", "12345.50", "first line\nsecond \"quoted\" \\ tab\t", "wx1", "wx2"},
		{"", "<Acme & Co>", "", "", "\u2028\x01", "", ""},
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"007","company":"北京星河科技有限公司","phone":"+8613812345678","total_revenue":"12345.50","notes":"first line\nsecond \"quoted\" \\ tab\t","WeChat":"wx1","WeChat_2":"wx2"}
{"id":"","company":"<Acme & Co>","phone":"","total_revenue":"","notes":"\u2028\u0001","WeChat":"","WeChat_2":""}
`
	if out.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", out.String(), want)
	}
	// Every line is a JSON object a standard decoder reads back to the cells.
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	for i := 1; sc.Scan(); i++ {
		var m map[string]string
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if m["notes"] != rows[i][4] || m["id"] != rows[i][0] {
			t.Errorf("line %d decodes to %v", i, m)
		}
	}
}

func TestNewRowWriter(t *testing.T) {
	for format, want := range map[string]string{
		"csv":    "a,b\n1,\"x,y\"\n",
		"tsv":    "a\tb\n1\tx,y\n",
		"ndjson": "{\"a\":\"1\",\"b\":\"x,y\"}\n",
	} {
		var out bytes.Buffer
		w, err := NewRowWriter(&out, format, false)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]string{"a", "b"})
		w.Write([]string{"1", "x,y"})
		w.Flush()
		if out.String() != want {
			t.Errorf("%s: %q, want %q", format, out.String(), want)
		}
	}
	if _, err := NewRowWriter(&bytes.Buffer{}, "xml", false); err == nil || !strings.Contains(err.Error(), "ndjson") {
		t.Errorf("unknown format: %v", err)
	}
}

func FuzzNDJSONString(f *testing.F) {
	for _, s := range []string{"", "abc", "\"\\", "\x00\x1f", "\u2028", "\xff\xfe", "中文"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got string
		if err := json.Unmarshal(appendJSONString(nil, s), &got); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if want := strings.ToValidUTF8(s, "\ufffd"); got != want && strings.ToValidUTF8(s, "") == s {
			t.Fatalf("%q decodes to %q", s, got)
		}
	})
}

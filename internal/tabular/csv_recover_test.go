package tabular

import (
	"reflect"
	"strings"
	"testing"
)

// An unclosed quote must not swallow the rows after it: its line is one
// rejected row and reading resumes on the next line that reads as a row.
func TestCSVUnclosedQuoteRecovers(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		lines    []int
		cells    [][]string
		problems []string
	}{
		{
			name:  "a lone quote between rows",
			data:  "客户名称,手机,备注\nAcme,13800138000,ok\n\"\nBeta,13900139000,after\nGamma,13700137000,ok\n",
			lines: []int{1, 2, 3, 4, 5},
			cells: [][]string{{"客户名称", "手机", "备注"}, {"Acme", "13800138000", "ok"}, {`"`},
				{"Beta", "13900139000", "after"}, {"Gamma", "13700137000", "ok"}},
			problems: []string{"", "", `quote (") opened in column 1 on line 3 is never closed: line 3 rejected, reading resumed on line 4`, "", ""},
		},
		{
			name:     "consecutive broken lines are one span",
			data:     "a,b\n\"x\nb\",\"c\nd\",\"e\nGamma,1\n",
			lines:    []int{1, 2, 5},
			cells:    [][]string{{"a", "b"}, {"\"x\nb\"", "\"c\nd\"", `"e`}, {"Gamma", "1"}},
			problems: []string{"", `quoted value starting on line 2 is never closed: lines 2-4 rejected, reading resumed on line 5 (3 unclosed quotes)`, ""},
		},
		{
			name:  "two unclosed quotes: the rows between them are read",
			data:  "a,b\n1,\"open\n2,x\n3,y\n4,\"again\n5,z\n",
			lines: []int{1, 2, 3, 4, 5, 6},
			cells: [][]string{{"a", "b"}, {"1", `"open`}, {"2", "x"}, {"3", "y"}, {"4", `"again`}, {"5", "z"}},
			problems: []string{"", `quote (") opened in column 2 on line 2 is never closed: line 2 rejected, reading resumed on line 3`, "", "",
				`quote (") opened in column 2 on line 5 is never closed`, ""},
		},
		{
			name:     "a quote on the last line",
			data:     "a,b\n1,2\n3,\"x\n",
			lines:    []int{1, 2, 3},
			cells:    [][]string{{"a", "b"}, {"1", "2"}, {"3", `"x`}},
			problems: []string{"", "", `quote (") opened in column 2 on line 3 is never closed: line 3 rejected, the last of the file`},
		},
		{
			name:  "a quoted cell with line breaks still reads whole",
			data:  "a,b\n\"x\ny\",1\n\"z\",2\n",
			lines: []int{1, 2, 4},
			cells: [][]string{{"a", "b"}, {"x\ny", "1"}, {"z", "2"}},
		},
		{
			name:     "CRLF lines after the quote",
			data:     "a,b\r\n1,\"open\r\n2,x\r\n3,y\r\n",
			lines:    []int{1, 2, 3, 4},
			cells:    [][]string{{"a", "b"}, {"1", `"open`}, {"2", "x"}, {"3", "y"}},
			problems: []string{"", `quote (") opened in column 2 on line 2 is never closed`, "", ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := csvReadRows(t, csvOpenBytes(t, "t.csv", []byte(tt.data), Options{}))
			if got := csvRowLines(rows); !reflect.DeepEqual(got, tt.lines) {
				t.Fatalf("lines = %v, want %v (rows %+v)", got, tt.lines, rows)
			}
			for i, r := range rows {
				if !reflect.DeepEqual(r.Cells, tt.cells[i]) {
					t.Errorf("row %d cells = %q, want %q", i, r.Cells, tt.cells[i])
				}
				want := ""
				if tt.problems != nil {
					want = tt.problems[i]
				}
				if (want == "") != (r.Problem == "") || !strings.HasPrefix(r.Problem, want) {
					t.Errorf("row %d problem = %q, want prefix %q", i, r.Problem, want)
				}
			}
		})
	}
}

// A broken span's values are capped: the rejects file names the lines.
func TestCSVBrokenSpanValuesCapped(t *testing.T) {
	data := "id,notes\n1,\"" + strings.Repeat("x", 8<<20) + "\n2,after\n"
	rows := csvReadRows(t, csvOpenBytes(t, "t.csv", []byte(data), Options{}))
	if len(rows) != 3 || rows[2].Line != 3 || rows[2].Problem != "" {
		t.Fatalf("rows = %d, last %+v; want the row after the span read", len(rows), rows[len(rows)-1].Line)
	}
	size := 0
	for _, c := range rows[1].Cells {
		size += len(c)
	}
	if size > maxCSVRejectBytes {
		t.Errorf("broken span keeps %d bytes of values, want at most %d", size, maxCSVRejectBytes)
	}
	if !strings.Contains(rows[1].Problem, "values cut to the first 64 KiB") {
		t.Errorf("problem = %q, want it to say the values were cut", rows[1].Problem)
	}
}

// A file whose quoting is broken throughout stops with an error instead of
// rescanning without end.
func TestCSVTooManyUnclosedQuotes(t *testing.T) {
	var b strings.Builder
	b.WriteString("a,b\n\"x\n")
	for range maxCSVUnclosedQuotes + 10 {
		b.WriteString("b\",\"c\n")
	}
	tb := csvOpenBytes(t, "t.csv", []byte(b.String()), Options{})
	var err error
	for err == nil {
		_, err = tb.Next()
	}
	if !strings.Contains(err.Error(), "unclosed quotes") {
		t.Fatalf("error = %v, want too many unclosed quotes", err)
	}
}

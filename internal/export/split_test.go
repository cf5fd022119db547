package export

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

// bufferSink is a CSV writer remembering where it writes.
type bufferSink struct {
	*CSV
	buf    *bytes.Buffer
	closed bool
}

func (b *bufferSink) Close() error { b.closed = true; return b.CSV.Close() }

func TestSplitFiles(t *testing.T) {
	sinks := map[string]*bufferSink{}
	var stems []string
	open := func(value, stem string) (Sink, error) {
		buf := &bytes.Buffer{}
		c, err := NewCSV(buf, fixtureCols, ',', false, Options{Escape: true, Mask: []string{"owner"}})
		if err != nil {
			return nil, err
		}
		stems = append(stems, stem)
		sinks[value] = &bufferSink{CSV: c, buf: buf}
		return sinks[value], nil
	}
	s, err := NewSplitFiles(fixtureCols, Options{SplitBy: "owner", Mask: []string{"owner"}}, open)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range fixtureRows {
		if err := s.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Values are masked: a file name must not leak what its cells hide.
	wantValues := []string{"张*", "B*b", "李*", "(空)"}
	wantStems := []string{"张_", "B_b", "李_", "(空)"} // * is not allowed on Windows
	if !slices.Equal(s.Values(), wantValues) || !slices.Equal(stems, wantStems) {
		t.Errorf("values %v stems %v, want %v and %v", s.Values(), stems, wantValues, wantStems)
	}
	for v, sink := range sinks {
		if !sink.closed {
			t.Errorf("file for %q not closed", v)
		}
	}
	if got := strings.Count(sinks["张*"].buf.String(), "\n"); got != 3 { // header + 2 rows
		t.Errorf("张* file has %d lines:\n%s", got, sinks["张*"].buf)
	}
}

func TestSplitFilesErrors(t *testing.T) {
	if _, err := NewSplitFiles(fixtureCols, Options{}, nil); err == nil {
		t.Error("split files without a column accepted")
	}
	boom := errors.New("disk full")
	s, err := NewSplitFiles(fixtureCols, Options{SplitBy: "owner"}, func(string, string) (Sink, error) { return nil, boom })
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(fixtureRows[0]); !errors.Is(err, boom) || !strings.Contains(err.Error(), `"张三"`) {
		t.Errorf("open failure: err = %v", err)
	}
}

package stage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/tabular"
)

// failAfter accepts n bytes, then fails.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// WriteFold, formatting runs of rows on several goroutines, writes the
// bytes one writer formatting row after row writes, and stops at a failed
// write with the error.
func TestWriteFoldSameBytesAsRowByRow(t *testing.T) {
	schema := &record.Schema{Extra: []string{"wechat", "cluster_id"}}
	var recs record.Store
	n := 3*foldWriteRun + 77
	var kept []int32
	var made []record.Record
	var want bytes.Buffer
	cw, err := tabular.NewCSVWriter(&want, ',', false)
	if err != nil {
		t.Fatal(err)
	}
	if err := cw.Write(schema.Header()); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		var r record.Record
		r.Values[record.ID] = fmt.Sprintf("C%d", i)
		r.Values[record.Company] = fmt.Sprintf("公司 %d, \"有限\"", i%97)
		r.Values[record.Notes] = fmt.Sprintf(" line one\nline %d", i)
		r.Extra = []string{fmt.Sprintf("wx_%d", i), ""}
		r.Source = fmt.Sprintf("a.csv:%d", i+2)
		if i%3 == 0 { // made by the fold
			kept = append(kept, -1)
			made = append(made, r)
		} else { // a master record as it came in
			kept = append(kept, int32(recs.Len()))
			recs.Add(&r)
		}
		if err := cw.Write(schema.Row(&r, nil)); err != nil {
			t.Fatal(err)
		}
	}
	if err := cw.Flush(); err != nil {
		t.Fatal(err)
	}
	// The plan as a fold fills it: run after run, made records in order.
	plan := func() *FoldPlan {
		p := newFoldPlan(slices.Clone(kept))
		m := 0
		for i, k := range kept {
			if k < 0 {
				p.made[i/foldWriteRun].Add(&made[m])
				m++
			}
		}
		return p
	}
	ready := func(p *FoldPlan) *FoldPlan {
		for _, c := range p.ready {
			close(c)
		}
		return p
	}
	var got bytes.Buffer
	if err := WriteFold(&got, ',', schema, &recs, ready(plan())); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("WriteFold wrote %d bytes, row by row %d", got.Len(), want.Len())
	}
	// Runs made ready one by one while WriteFold waits for them.
	p := plan()
	got.Reset()
	wrote := make(chan error)
	go func() { wrote <- WriteFold(&got, ',', schema, &recs, p) }()
	for _, c := range p.ready {
		time.Sleep(time.Millisecond)
		close(c)
	}
	if err := <-wrote; err != nil || !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("written as runs became ready: %v, %d bytes, want %d", err, got.Len(), want.Len())
	}
	for _, at := range []int{0, want.Len() / 2} {
		if err := WriteFold(&failAfter{at}, ',', schema, &recs, ready(plan())); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("fail after %d bytes: %v", at, err)
		}
	}
	// A fold that stops after its first run: WriteFold stops too.
	p = plan()
	close(p.ready[0])
	close(p.failed)
	if err := WriteFold(io.Discard, ',', schema, &recs, p); !errors.Is(err, errFoldStopped) {
		t.Errorf("the fold stopped: %v", err)
	}
}

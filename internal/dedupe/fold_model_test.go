package dedupe_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/crmkit/crmkit/internal/dedupe"
)

// A fold that reuses its master's index learns the same model as the
// fold that built the index, so the two write the same customers: u is
// counted on random pairs of the whole file in both, not on whichever
// master records the new ones happened to meet.
func TestFoldLearnsTheSameModelWithTheIndexReused(t *testing.T) {
	recs, schema := dedupe.LoadSample(t, 3000)
	nm := 2500
	fold := func(ix *dedupe.Index) (*dedupe.Result, []byte) {
		m, err := dedupe.NewMatcher(dedupe.DefaultConfig(), schema)
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.MatchWith(context.Background(), recs, dedupe.Options{Master: nm, Index: ix})
		if err != nil {
			t.Fatal(err)
		}
		return res, dedupe.ModelBytes(m.Model())
	}
	first, built := fold(nil)
	again, reused := fold(first.Index)
	if !bytes.Equal(built, reused) {
		t.Fatalf("the model learned with the index reused differs:\n%s\nwith the index built:\n%s", reused, built)
	}
	for i := range recs.Len() {
		if first.ClusterOf(i) != again.ClusterOf(i) {
			t.Fatalf("record %d: cluster %d with the index built, %d reused", i, first.ClusterOf(i), again.ClusterOf(i))
		}
	}
}

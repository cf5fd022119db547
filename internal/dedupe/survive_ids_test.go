package dedupe

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// Cluster ids are the records' own ids; a name taken twice gets ~2, ~3 …
// in order of name and lineage, also when a record's own id looks like a
// suffixed one. Ids all distinct are kept as they are, in any order.
func TestClusterIDsSuffixes(t *testing.T) {
	for _, c := range []struct{ ids, want []string }{
		{[]string{"C", "A", "B"}, []string{"C", "A", "B"}},
		{[]string{"B", "A", "X~2", "A"}, []string{"B", "A", "X~2", "A~2"}},
		{[]string{"A~2", "A", "A"}, []string{"A~2~2", "A", "A~2"}},
	} {
		var st record.Store
		for i, id := range c.ids {
			var r record.Record
			r.Values[record.ID] = id
			r.Values[record.Company] = fmt.Sprintf("公司%c", 'a'+i)
			r.Values[record.Phone] = fmt.Sprintf("+86138000000%02d", i)
			r.Source = fmt.Sprintf("in.csv:%d", i+2)
			st.Add(&r)
		}
		schema := &record.Schema{}
		m, err := NewMatcher(DefaultConfig(), schema)
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.Match(context.Background(), &st)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := NewSurvivorship(schema, nil)
		if got := s.ClusterIDs(&st, res); !slices.Equal(got, c.want) {
			t.Errorf("ids %v: cluster ids %v, want %v", c.ids, got, c.want)
		}
	}
}

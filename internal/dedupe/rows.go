package dedupe

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// The row formats of dedupe's reports: clusters, explain and review. The
// review file is read back by the decision package (its id_a, id_b and
// decision columns); the others are for people.

// ClustersHeader is the clusters report's header: one row per input
// record.
var ClustersHeader = []string{"id", "cluster_id", "score", "size", "matched_id", "_source"}

// FormatScore writes a link weight as the score in [0,1] reports show.
func FormatScore(w float64) string {
	return strconv.FormatFloat(ScoreOf(w), 'f', 4, 64)
}

// Refs names every record as dedupe's reports do.
func Refs(recs *record.Store) []string {
	out := make([]string, recs.Len())
	var r record.Record
	for i := range out {
		recs.Get(i, &r)
		out[i] = Ref(&r)
	}
	return out
}

// ClusterRows emits the clusters report: every record, its cluster id,
// the score it joined with, the cluster's size and the record it matched.
func ClusterRows(recs *record.Store, res *Result, ids []string, emit func([]string) error) error {
	ref := Refs(recs)
	matched := make([]string, len(ref))
	for _, c := range res.Clusters {
		for _, link := range c.Links {
			if matched[link.B] == "" {
				matched[link.B] = ref[link.A]
			}
			if matched[link.A] == "" {
				matched[link.A] = ref[link.B]
			}
		}
	}
	var r record.Record
	for i := range ref {
		recs.Get(i, &r)
		ci := res.ClusterOf(i)
		score := ""
		if w, ok := res.LinkWeight(i); ok {
			score = FormatScore(w)
		}
		row := []string{ref[i], ids[ci], score, strconv.Itoa(len(res.Clusters[ci].Members)), matched[i], r.Source}
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}

// ExplainHeader is the explain report's header for m's comparators.
func ExplainHeader(m *Matcher) []string {
	h := []string{"cluster_id", "id", "matched_id", "score", "agreed"}
	h = append(h, m.Comparators()...)
	return append(h, "_source", "matched_source")
}

func evidenceCell(e Evidence) string {
	if e.Level == Missing {
		return ""
	}
	return fmt.Sprintf("%s %+.1f", e.Level, e.Weight)
}

func agreedFields(ev []Evidence) string {
	var out []string
	for _, e := range ev {
		if e.Level >= Similar {
			out = append(out, e.Field)
		}
	}
	return strings.Join(out, ";")
}

// ExplainRows emits one row per record that joined a cluster: the
// cluster's first record is the root, every other record appears once as
// id, with the record it matched (nearer the root) as matched_id.
func ExplainRows(recs *record.Store, res *Result, ids []string, emit func([]string) error) error {
	var a, b record.Record
	for ci, c := range res.Clusters {
		for _, e := range JoinOrder(c) {
			ev := res.Explain(e.Parent, e.Child)
			recs.Get(e.Parent, &a)
			recs.Get(e.Child, &b)
			row := []string{ids[ci], Ref(&b), Ref(&a), FormatScore(e.Weight), agreedFields(ev)}
			for _, x := range ev {
				row = append(row, evidenceCell(x))
			}
			row = append(row, b.Source, a.Source)
			if err := emit(row); err != nil {
				return err
			}
		}
	}
	return nil
}

// JoinEdge is how one record joined its cluster: through Parent, with
// Weight.
type JoinEdge struct {
	Child, Parent int
	Weight        float64
}

// JoinOrder walks a cluster's links breadth-first from its first record,
// so each other record is reached once, from the record it joined.
func JoinOrder(c Cluster) []JoinEdge {
	if len(c.Links) == 0 {
		return nil
	}
	adj := map[int][]Link{}
	for _, l := range c.Links {
		adj[l.A] = append(adj[l.A], l)
		adj[l.B] = append(adj[l.B], l)
	}
	seen := map[int]bool{c.Members[0]: true}
	queue := []int{c.Members[0]}
	var out []JoinEdge
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, l := range adj[p] {
			q := l.A
			if q == p {
				q = l.B
			}
			if !seen[q] {
				seen[q] = true
				out = append(out, JoinEdge{Child: q, Parent: p, Weight: l.Weight})
				queue = append(queue, q)
			}
		}
	}
	return out
}

// ReviewHeader is the review file's header for m's comparators; the
// decision package reads decision, id_a and id_b back.
func ReviewHeader(m *Matcher) []string {
	h := []string{"decision", "score", "id_a", "id_b", "agreed"}
	for _, name := range m.Comparators() {
		h = append(h, name+"_a", name+"_b", name)
	}
	return append(h, "_source_a", "_source_b")
}

// ReviewRows emits one row per pair a person should decide, with both
// records' values and an empty decision.
func ReviewRows(recs *record.Store, res *Result, m *Matcher, emit func([]string) error) error {
	var ra, rb record.Record
	for _, link := range res.Review {
		ev := res.Explain(link.A, link.B)
		recs.Get(link.A, &ra)
		recs.Get(link.B, &rb)
		a, b := &ra, &rb
		row := []string{"", FormatScore(link.Weight), Ref(a), Ref(b), agreedFields(ev)}
		for i, e := range ev {
			va, vb := m.Show(i, a), m.Show(i, b)
			row = append(row, va, vb, evidenceCell(e))
		}
		row = append(row, a.Source, b.Source)
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}

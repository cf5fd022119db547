package dedupe

import (
	"slices"
	"testing"
)

// A chain a–b–c where a and c are known to be different customers must not
// put a and c in one cluster.
func TestClusterCannotLink(t *testing.T) {
	m := &Matcher{matchW: 3}
	links := []Link{{A: 0, B: 1, Weight: 9}, {A: 1, B: 2, Weight: 8}, {A: 3, B: 4, Weight: 5}}
	graph := testGraph(5, links, [][2]int{{0, 2}})
	res := &Result{m: m}
	m.cluster(res, 5, links, graph, &Options{})
	if res.ClusterOf(0) != res.ClusterOf(1) {
		t.Error("0 and 1 should be one cluster")
	}
	if res.ClusterOf(0) == res.ClusterOf(2) {
		t.Error("0 and 2 are a cannot-link but ended in one cluster")
	}
	if res.ClusterOf(3) != res.ClusterOf(4) {
		t.Error("3 and 4 should be one cluster")
	}
	if res.Refused != 1 || len(res.Review) != 1 || res.Review[0].A != 1 || res.Review[0].B != 2 {
		t.Errorf("refused %d, review %v; want the 1–2 link held back for review", res.Refused, res.Review)
	}
	if len(res.Clusters) != 3 {
		t.Errorf("%d clusters, want 3", len(res.Clusters))
	}
	if got := res.Clusters[0].Members; len(got) != 2 || got[0] != 0 || got[1] != 1 {
		t.Errorf("first cluster %v, want [0 1]", got)
	}
}

func TestScoreOf(t *testing.T) {
	for _, s := range []float64{0.1, 0.5, 0.9, 0.99} {
		if got := ScoreOf(weightOf(s)); got < s-1e-12 || got > s+1e-12 {
			t.Errorf("ScoreOf(weightOf(%g)) = %g", s, got)
		}
	}
	if ScoreOf(0) != 0.5 {
		t.Error("weight 0 should be score 0.5")
	}
}

// testGraph is the compared-pairs graph of links and cannot-links.
func testGraph(n int, links []Link, cannot [][2]int) *pairGraph {
	var pairs []uint64
	q := map[uint64]uint16{}
	for _, l := range links {
		p := pack(uint32(l.A), uint32(l.B))
		pairs = append(pairs, p)
		q[p] = quantize(ScoreOf(l.Weight), false)
	}
	for _, c := range cannot {
		p := pack(uint32(c[0]), uint32(c[1]))
		pairs = append(pairs, p)
		q[p] = cannotLink
	}
	slices.Sort(pairs)
	probs := make([]uint16, len(pairs))
	for i, p := range pairs {
		probs[i] = q[p]
	}
	return newPairGraph(n, pairs, probs)
}

// A chain of strong links through one record must not join two groups
// whose other compared pairs are clear non-matches: 0–1 and 2–3 are
// matches, 1–2 a strong link, but 0–2, 0–3 and 1–3 were compared and are
// non-matches. Connected components would make one cluster of four.
func TestClusterChainGuard(t *testing.T) {
	m := &Matcher{matchW: 1}
	links := []Link{{A: 0, B: 1, Weight: 10}, {A: 2, B: 3, Weight: 10}, {A: 1, B: 2, Weight: 1.5}}
	all := append(slices.Clone(links), Link{A: 0, B: 2, Weight: -8}, Link{A: 0, B: 3, Weight: -8}, Link{A: 1, B: 3, Weight: -8})
	res := &Result{m: m}
	m.cluster(res, 4, links, testGraph(4, all, nil), &Options{})
	if res.ClusterOf(0) != res.ClusterOf(1) || res.ClusterOf(2) != res.ClusterOf(3) {
		t.Fatalf("the two strong pairs should each be one cluster: %v", res.Clusters)
	}
	if res.ClusterOf(1) == res.ClusterOf(2) {
		t.Error("a weak chain joined two customers: mean score over compared pairs is below the guard")
	}
	// Without the other comparisons the link alone joins them.
	res = &Result{m: m}
	m.cluster(res, 4, links, testGraph(4, links, nil), &Options{})
	if res.ClusterOf(1) != res.ClusterOf(2) {
		t.Error("a link with no evidence against it should join")
	}
}

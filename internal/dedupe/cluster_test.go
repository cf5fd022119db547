package dedupe

import "testing"

// A chain a–b–c where a and c are known to be different customers must not
// put a and c in one cluster.
func TestClusterCannotLink(t *testing.T) {
	m := &Matcher{matchW: 3}
	links := []Link{{A: 0, B: 1, Weight: 9}, {A: 1, B: 2, Weight: 8}, {A: 3, B: 4, Weight: 5}}
	cannot := map[int32][]int32{0: {2}, 2: {0}}
	res := &Result{m: m}
	m.cluster(res, 5, links, cannot, &Options{})
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

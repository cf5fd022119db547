package sample

import "testing"

// TestReferenceMatcherReachesHighF1 runs a simple matcher of the kind the
// dedupe engine will be (exact phone, exact e-mail, or company core +
// contact + city; clustered transitively) against the truth, scoring
// pairwise like benchmarks/er/score.py. It shows F1 ≥ 0.95 is reachable
// and, above all, that no identifier links two different entities.
func TestReferenceMatcherReachesHighF1(t *testing.T) {
	for _, dialect := range []string{"fxiaoke", "sheet", "hubspot"} {
		g, recs := collect(t, Config{N: 30000, Seed: 73, Dialect: dialect, Messy: 1})
		cols := columns(g)
		parent := make([]int, len(recs))
		for i := range parent {
			parent[i] = i
		}
		find := func(i int) int {
			for parent[i] != i {
				parent[i] = parent[parent[i]]
				i = parent[i]
			}
			return i
		}
		owner := map[string]int{}
		link := func(key string, i int) {
			if j, ok := owner[key]; ok {
				parent[find(i)] = find(j)
			} else {
				owner[key] = i
			}
		}
		for i, rec := range recs {
			s := recordSignals(rec.Row, cols)
			for _, p := range s.phones {
				link("p:"+p, i)
			}
			if s.email != "" {
				link("e:"+s.email, i)
			}
			if s.core != "" && s.name != "" && s.city != "" {
				link("n:"+s.core+"|"+s.name+"|"+s.city, i)
			}
		}
		p, r, f1 := pairwiseScore(recs, find)
		t.Logf("%s: precision %.4f recall %.4f F1 %.4f", dialect, p, r, f1)
		if p < 0.999 || f1 < 0.95 {
			t.Errorf("%s: reference matcher precision %.4f, F1 %.4f", dialect, p, f1)
		}
	}
}

func pairwiseScore(recs []Record, cluster func(int) int) (precision, recall, f1 float64) {
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	byEntity, byCluster, both := map[string]int{}, map[int]int{}, map[[2]any]int{}
	for i, rec := range recs {
		c := cluster(i)
		byEntity[rec.Entity]++
		byCluster[c]++
		both[[2]any{rec.Entity, c}]++
	}
	var truth, predicted, correct float64
	for _, n := range byEntity {
		truth += pairs(n)
	}
	for _, n := range byCluster {
		predicted += pairs(n)
	}
	for _, n := range both {
		correct += pairs(n)
	}
	precision, recall = 1, 1
	if predicted > 0 {
		precision = correct / predicted
	}
	if truth > 0 {
		recall = correct / truth
	}
	return precision, recall, 2 * precision * recall / (precision + recall)
}

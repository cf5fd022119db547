package dedupe

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// monthRec is a record of a generated CRM export: customers of one to
// three records (different contacts of one company, one phone), with
// running totals.
type monthRec struct {
	customer int
	id       string // "" without an id column
	company  string
	name     string
	phone    string
	revenue  int // in yuan
	count    int
}

var (
	snapCities = []string{"深圳", "北京", "上海", "杭州", "成都", "武汉", "南京", "苏州"}
	snapBrands = []string{"华强", "乐辰", "金陵", "天府", "星辰", "新客", "美迪", "鼎盛", "远航", "博雅", "恒通", "宏远"}
	snapTrades = []string{"电子", "服饰", "建材", "茶业", "网络", "科技", "医疗", "物流"}
	snapNames  = []string{"张伟", "李娜", "王芳", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴刚"}
)

// genMonths returns month 1 and month 2: month 2 is month 1's full export
// a month later (every record again, its totals grown, maybe moved to
// another row), plus new records of existing and of new customers.
func genMonths(rng *rand.Rand, withID bool) (m1, m2 []monthRec) {
	nextID := 1
	newRec := func(c int, contact int) monthRec {
		r := monthRec{
			customer: c,
			company:  fmt.Sprintf("%s市%s%s有限公司", snapCities[c%len(snapCities)], snapBrands[c%len(snapBrands)], snapTrades[(c/len(snapBrands))%len(snapTrades)]),
			name:     snapNames[contact%len(snapNames)],
			phone:    fmt.Sprintf("+86139%08d", c), // the company's switchboard
			revenue:  rng.IntN(50000) + 1,
			count:    rng.IntN(9) + 1,
		}
		if withID {
			r.id = fmt.Sprintf("R%05d", nextID)
			nextID++
		}
		return r
	}
	customers := 12 + rng.IntN(20)
	for c := range customers {
		for k := range 1 + rng.IntN(3) {
			m1 = append(m1, newRec(c, k))
		}
	}
	for _, r := range m1 {
		r.revenue += rng.IntN(3000) // running totals only grow
		r.count += rng.IntN(2)
		m2 = append(m2, r)
	}
	for range 1 + rng.IntN(5) { // a new contact of an existing customer
		c := rng.IntN(customers)
		m2 = append(m2, newRec(c, 5+rng.IntN(4)))
	}
	for c := customers; c < customers+1+rng.IntN(4); c++ { // new customers
		m2 = append(m2, newRec(c, 0))
	}
	rng.Shuffle(len(m2), func(i, j int) { m2[i], m2[j] = m2[j], m2[i] })
	return m1, m2
}

func (r *monthRec) record(file string, row int, extra int) record.Record {
	var out record.Record
	out.Values[record.ID], out.Values[record.Company], out.Values[record.Name] = r.id, r.company, r.name
	out.Values[record.Phone] = r.phone
	out.Values[record.TotalRevenue], out.Values[record.PurchaseCount] = strconv.Itoa(r.revenue), strconv.Itoa(r.count)
	out.Source = file + ":" + strconv.Itoa(row)
	out.Extra = make([]string, extra)
	return out
}

// dedupeAlone dedupes records and returns, per record, its customer's
// merged record.
func dedupeAlone(t *testing.T, recs []record.Record) []record.Record {
	t.Helper()
	schema := &record.Schema{}
	m, err := NewMatcher(DefaultConfig(), schema)
	if err != nil {
		t.Fatal(err)
	}
	var st record.Store
	for i := range recs {
		st.Add(&recs[i])
	}
	res, err := m.MatchWith(context.Background(), &st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := NewSurvivorship(schema, nil)
	ids := s.ClusterIDs(&st, res)
	byRec := make([]record.Record, len(recs))
	for ci, c := range res.Clusters {
		members := make([]record.Record, len(c.Members))
		for k, i := range c.Members {
			st.Get(i, &members[k])
		}
		var out record.Record
		s.Merge(members, ids[ci], &out)
		for _, i := range c.Members {
			byRec[i] = out
		}
	}
	return byRec
}

// fold folds news into the master records as crmkit dedupe --master does,
// and returns, per new record, its customer afterwards; and the fold's
// survivorship, for its warning.
func fold(t *testing.T, master []record.Record, schema *record.Schema, news []record.Record) ([]record.Record, *Survivorship) {
	t.Helper()
	m, err := NewMatcher(DefaultConfig(), schema)
	if err != nil {
		t.Fatal(err)
	}
	var st record.Store
	for i := range master {
		st.Add(&master[i])
	}
	for i := range news {
		st.Add(&news[i])
	}
	nm := len(master)
	res, err := m.MatchWith(context.Background(), &st, Options{Master: nm})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := NewSurvivorship(schema, nil)
	ids := s.ClusterIDs(&st, res)
	byNew := make([]record.Record, len(news))
	for ci, c := range res.Clusters {
		var ms, ns []record.Record
		for _, i := range c.Members {
			var r record.Record
			st.Get(i, &r)
			r.Extra = slices.Clone(r.Extra)
			if i < nm {
				ms = append(ms, r)
			} else {
				ns = append(ns, r)
			}
		}
		var out, before record.Record
		if len(ms) == 0 {
			s.Merge(ns, ids[ci], &out)
		} else {
			s.Fold(ms, ns, OnMatchMerge, ids[ci], &before, &out)
		}
		for _, i := range c.Members {
			if i >= nm {
				byNew[i-nm] = out
			}
		}
	}
	return byNew, s
}

// Folding month 2's full export into month 1's master gives every
// customer of month 2 the totals deduping month 2 alone gives: a later copy
// of a record replaces its amounts, only different records add up. With
// and without an id column.
func TestPropertyFoldingASnapshotDoesNotDoubleTotals(t *testing.T) {
	for seed := range uint64(6) {
		for _, withID := range []bool{true, false} {
			rng := rand.New(rand.NewPCG(seed, 14))
			m1, m2 := genMonths(rng, withID)
			var recs1 []record.Record
			for i := range m1 {
				recs1 = append(recs1, m1[i].record("dec.csv", i+2, 0))
			}
			// Month 1's master, as dedupe writes it.
			s1, _ := NewSurvivorship(&record.Schema{}, nil)
			schema := s1.Schema()
			var master []record.Record
			seen := map[string]bool{}
			for _, r := range dedupeAlone(t, recs1) {
				if key := r.Extra[s1.clusterCol]; !seen[key] {
					seen[key] = true
					master = append(master, r)
				}
			}
			var recs2, news []record.Record
			for i := range m2 {
				recs2 = append(recs2, m2[i].record("jan/jan.csv", i+2, 0))
				news = append(news, m2[i].record("jan/jan.csv", i+2, len(schema.Extra)))
			}
			alone := dedupeAlone(t, recs2)
			folded, s := fold(t, master, schema, news)
			for i := range news {
				for _, f := range []record.Field{record.TotalRevenue, record.PurchaseCount} {
					if got, want := folded[i].Values[f], alone[i].Values[f]; got != want {
						t.Fatalf("seed %d, ids %v: %s of %s after the fold is %s, deduping month 2 alone gives %s",
							seed, withID, f, news[i].Values[record.Company], got, want)
					}
				}
			}
			if w := s.SnapshotWarning(); !strings.Contains(w, "looks like a snapshot") || !strings.Contains(w, fmt.Sprintf("%d were copies of master records", len(recs1))) {
				t.Errorf("seed %d, ids %v: warning %q", seed, withID, w)
			}

			// A file of new records (new contacts, new ids) adds them.
			var fresh []record.Record
			for i, r := range m1 {
				r.name = snapNames[(i+3)%len(snapNames)] + "2" // another contact, same phone
				if withID {
					r.id = "N" + r.id
				}
				r.revenue, r.count = 100, 1
				fresh = append(fresh, r.record("new.csv", i+2, len(schema.Extra)))
			}
			added, s2 := fold(t, master, schema, fresh)
			for i := range fresh {
				before := dedupeAlone(t, recs1)[i]
				b, _ := strconv.Atoi(before.Values[record.TotalRevenue])
				n := 0
				for j := range m1 {
					if m1[j].customer == m1[i].customer {
						n++
					}
				}
				if got := added[i].Values[record.TotalRevenue]; got != strconv.Itoa(b+100*n) {
					t.Fatalf("seed %d, ids %v: new records: total %s, want %d + %d×100", seed, withID, got, b, n)
				}
			}
			if w := s2.SnapshotWarning(); w != "" {
				t.Errorf("new records: warning %q", w)
			}
		}
	}
}

// A record without an id is named by its file, sheet and row, however the
// path to the file was typed.
func TestRefIgnoresHowThePathWasTyped(t *testing.T) {
	var a, b, c record.Record
	a.Source, b.Source, c.Source = "../重点客户跟进表.xlsx:客户名单:16", "重点客户跟进表.xlsx:客户名单:16", `C:\exports\重点客户跟进表.xlsx:客户名单:16;/tmp/b.csv:3`
	if Ref(&a) != "重点客户跟进表.xlsx:客户名单:16" || Ref(&a) != Ref(&b) {
		t.Errorf("Ref %q and %q, want both 重点客户跟进表.xlsx:客户名单:16", Ref(&a), Ref(&b))
	}
	if got := Ref(&c); got != "重点客户跟进表.xlsx:客户名单:16;b.csv:3" {
		t.Errorf("Ref %q", got)
	}
	a.Values[record.ID] = "K1"
	if Ref(&a) != "K1" {
		t.Errorf("an id names the record: %q", Ref(&a))
	}
}

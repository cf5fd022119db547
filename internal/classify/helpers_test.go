package classify

import (
	"testing"

	"github.com/crmkit/crmkit/internal/civil"
	"github.com/crmkit/crmkit/internal/record"
)

// asOf is 2025-06-30, the "today" of every test.
var asOf = civil.DaysFromDate(2025, 6, 30)

// ago returns the date n days before asOf as normalized text.
func ago(n int) string {
	y, m, d := civil.DateFromDays(asOf - n)
	return string([]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10),
	})
}

// rec builds a record from field=value pairs.
func rec(kv map[record.Field]string) *record.Record {
	r := &record.Record{}
	for f, v := range kv {
		r.Values[f] = v
	}
	return r
}

func testConfig() Config {
	c := DefaultConfig()
	c.AsOf = asOf
	return c
}

func mustNew(t testing.TB, c Config) *Classifier {
	t.Helper()
	cl, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

// classifyAll fits records and classifies each.
func classifyAll(t testing.TB, c Config, recs []*record.Record) []Classes {
	t.Helper()
	cls := mustNew(t, c)
	facts := make([]Facts, len(recs))
	for i, r := range recs {
		facts[i] = FactsOf(r)
	}
	m := cls.Fit(facts)
	out := make([]Classes, len(recs))
	for i, r := range recs {
		var err error
		if out[i], err = m.Classify(i, r); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

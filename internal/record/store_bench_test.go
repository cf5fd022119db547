package record

import (
	"fmt"
	"testing"
)

// BenchmarkStoreAdd stores records shaped like a CRM export's (a score of
// short fields, a longer address and notes) and reads each back once, as
// the read step and the steps after it do.
func BenchmarkStoreAdd(b *testing.B) {
	recs := make([]Record, 1024)
	for i := range recs {
		r := &recs[i]
		r.Values[ID] = fmt.Sprintf("C%08d", i*7919)
		r.Values[Company] = fmt.Sprintf("深圳市华强电子有限公司 %d", i)
		r.Values[Name] = "张伟"
		r.Values[Phone] = fmt.Sprintf("+86138%08d", i)
		r.Values[Email] = fmt.Sprintf("user%d@example.com", i)
		r.Values[Address] = "广东省深圳市福田区华强北路 1018 号 华强广场 A 座 20 楼"
		r.Values[Notes] = "VIP 客户，季度回访"
		r.Extra = []string{"wx_" + fmt.Sprint(i), ""}
		r.Source = fmt.Sprintf("as-1000000.csv:%d", i+2)
	}
	b.ReportAllocs()
	for b.Loop() {
		var s Store
		for range 100 {
			for i := range recs {
				s.Add(&recs[i])
			}
		}
		var r Record
		for i := range s.Len() {
			s.Get(i, &r)
		}
	}
}

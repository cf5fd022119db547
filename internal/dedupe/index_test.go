package dedupe

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// craftedIndex is an index file whose header claims records and entries
// its few bytes do not hold.
func craftedIndex(records, entries uint64) []byte {
	b := appendString([]byte(indexMagic), "fp")
	b = binary.AppendUvarint(b, records)
	b = binary.AppendUvarint(b, entries)
	return append(b, 0, 1, 'a', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
}

// A damaged or crafted index claiming billions of records is refused
// without allocating for them (the fold then indexes the master again).
func TestReadIndexCraftedCountsBounded(t *testing.T) {
	for _, tt := range []struct {
		name             string
		records, entries uint64
	}{
		{"16M records", 1 << 24, 0},
		{"2^32 records", 1 << 32, 0},
		{"2^34 entries", 1, 1 << 34},
	} {
		data := craftedIndex(tt.records, tt.entries)
		path := filepath.Join(t.TempDir(), "m.crmkit-index")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, via := range []string{"file", "stream"} {
			t.Run(tt.name+"/"+via, func(t *testing.T) {
				var r = bytes.NewReader(data)
				var ix *Index
				var err error
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				if via == "file" {
					f, ferr := os.Open(path)
					if ferr != nil {
						t.Fatal(ferr)
					}
					defer f.Close()
					ix, err = ReadIndex(f, "fp", -1)
				} else {
					ix, err = ReadIndex(r, "fp", -1)
				}
				runtime.ReadMemStats(&after)
				if err == nil || !strings.Contains(err.Error(), "damaged master index") {
					t.Fatalf("ReadIndex = %v, %v; want a damaged-index error", ix, err)
				}
				if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
					t.Errorf("allocated %d MB reading a %d-byte index", alloc>>20, len(data))
				}
			})
		}
	}
}

// FuzzReadIndex: whatever the bytes, ReadIndex returns an error or an
// index that writes back to the same bytes, without panicking or
// allocating for counts the input does not hold.
func FuzzReadIndex(f *testing.F) {
	recs, nm := storeOf(
		[3]string{"深圳市华强电子有限公司", "张伟", "+8613800000001"},
		[3]string{"北京华强电子有限公司", "李娜", "+8613900000002"},
		[3]string{"Acme Trading Ltd", "John Smith", "+14155550100"},
	), 3
	m, err := NewMatcher(DefaultConfig(), &record.Schema{})
	if err != nil {
		f.Fatal(err)
	}
	res, err := m.MatchWith(context.Background(), recs, Options{Master: nm})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteIndex(&buf, res.Index, "fp"); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(craftedIndex(1<<32, 0))
	f.Add(craftedIndex(3, 1<<30))
	f.Add([]byte(indexMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := ReadIndex(bytes.NewReader(data), "fp", -1)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteIndex(&out, ix, "fp"); err != nil {
			t.Fatal(err)
		}
		again, err := ReadIndex(bytes.NewReader(out.Bytes()), "fp", -1)
		if err != nil || !reflect.DeepEqual(again, ix) {
			t.Fatalf("index written back does not read the same: %v", err)
		}
	})
}

package dedupe

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"iter"
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// indexMagic starts an index file. Bump its version whenever blocking
// keys, their order or the file layout change: an older file is then
// stale, never misread.
const indexMagic = "crmkit master index v4\n"

// ErrStaleIndex says an index file does not describe the master given
// (another master, other comparators, an older crmkit) and must be rebuilt.
var ErrStaleIndex = errors.New("stale master index")

// IndexSettings describes what a master's block keys depend on besides its
// records: the comparators. An index saved under other settings is stale.
func (m *Matcher) IndexSettings() string {
	var b strings.Builder
	for _, r := range m.rules {
		fmt.Fprintf(&b, "%s=%s:%g;", r.Field, r.Kind, r.Weight)
	}
	return b.String()
}

// WriteIndex saves ix. fingerprint names what it was built from (the
// master file's hash and IndexSettings); ReadIndex accepts it only with
// the same fingerprint.
func WriteIndex(w io.Writer, ix *Index, fingerprint string) error {
	return writeIndex(w, ix, fingerprint, len(ix.entries), func(yield func(keyEntry) bool) {
		for _, e := range ix.entries {
			if !yield(e) {
				return
			}
		}
	})
}

// writeIndex writes ix with the n entries the iterator yields (ix.entries
// is not read: a builder streams them).
//
// The layout: magic, fingerprint, record count, entry count, the records
// in rank order (record, sort key, region), the entries (key and record,
// 12 bytes), and a CRC-32 of everything after the fingerprint, which may
// be filled in afterwards (SetFingerprint).
func writeIndex(w io.Writer, ix *Index, fingerprint string, n int, entries iter.Seq[keyEntry]) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	if _, err := bw.Write(appendString([]byte(indexMagic), fingerprint)); err != nil {
		return err
	}
	crc := crc32.NewIEEE()
	out := io.MultiWriter(bw, crc)
	var buf []byte
	var err error
	flush := func() {
		if err == nil {
			_, err = out.Write(buf)
		}
		buf = buf[:0]
	}
	buf = binary.AppendUvarint(buf, uint64(ix.n))
	buf = binary.AppendUvarint(buf, uint64(n))
	for r, rec := range ix.byRank {
		buf = binary.AppendUvarint(buf, uint64(rec))
		buf = appendString(buf, ix.keys.at(r))
		buf = appendString(buf, ix.regions[r])
		if len(buf) > 1<<16 {
			flush()
		}
	}
	written := 0
	for e := range entries {
		buf = binary.LittleEndian.AppendUint64(buf, e.key)
		buf = binary.LittleEndian.AppendUint32(buf, e.rec)
		written++
		if len(buf) > 1<<16 {
			flush()
			if err != nil {
				break
			}
		}
	}
	flush()
	if err != nil {
		return err
	}
	if written != n {
		return fmt.Errorf("index: %d entries written, %d announced", written, n)
	}
	if _, err := bw.Write(binary.LittleEndian.AppendUint32(nil, crc.Sum32())); err != nil {
		return err
	}
	return bw.Flush()
}

// SetFingerprint fills in the fingerprint of an index file written with a
// placeholder of the same length: a fold writes its output's index while
// the output, whose hash the fingerprint holds, is still being written.
func SetFingerprint(f interface {
	io.ReaderAt
	io.WriterAt
}, fingerprint string) error {
	head := make([]byte, len(indexMagic)+binary.MaxVarintLen64)
	if _, err := f.ReadAt(head, 0); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if string(head[:len(indexMagic)]) != indexMagic {
		return errors.New("index: not an index file")
	}
	size, k := binary.Uvarint(head[len(indexMagic):])
	if k <= 0 || size != uint64(len(fingerprint)) {
		return fmt.Errorf("index: the placeholder fingerprint is %d bytes, not %d", size, len(fingerprint))
	}
	_, err := f.WriteAt([]byte(fingerprint), int64(len(indexMagic)+k))
	return err
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// ReadIndex loads an index saved by WriteIndex for a master of n records
// (n < 0: of any size; check Len).
// It returns ErrStaleIndex (wrapped) when the file was saved for another
// fingerprint, and an error when it is damaged.
//
// The counts in the file are not trusted: memory grows with what is
// actually read, and when r can tell its size (a file) counts that cannot
// fit in it are refused before anything is allocated, so a damaged or
// crafted index claiming billions of records costs nothing.
func ReadIndex(r io.Reader, fingerprint string, n int) (*Index, error) {
	remaining := int64(-1)
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
			remaining = fi.Size()
		}
	}
	br := &indexReader{r: bufio.NewReaderSize(r, 1<<20)}
	magic := br.bytes(len(indexMagic))
	if br.err == nil && string(magic) != indexMagic {
		return nil, fmt.Errorf("%w: written by another crmkit version", ErrStaleIndex)
	}
	if fp := br.bytes(br.size()); br.err == nil && string(fp) != fingerprint {
		return nil, fmt.Errorf("%w: the master or the comparators changed", ErrStaleIndex)
	}
	br.crc = 0 // the fingerprint may be filled in after the rest
	got := br.uvarint()
	if br.err == nil && n >= 0 && got != uint64(n) {
		return nil, fmt.Errorf("%w: %d records indexed, %d in the master", ErrStaleIndex, got, n)
	}
	nEntries := br.uvarint()
	if br.err != nil {
		return nil, br.fail()
	}
	// A record takes at least 3 bytes (its number and two lengths), an
	// entry 12, the checksum 4.
	if got > 1<<32 || nEntries > 1<<34 {
		return nil, errors.New("damaged master index: counts")
	}
	if remaining >= 0 && 3*got+12*nEntries+4 > uint64(remaining) {
		return nil, fmt.Errorf("damaged master index: %d records and %d keys cannot fit in %d bytes", got, nEntries, remaining)
	}
	n = int(got)
	// Sized by the counts only when the file's size vouches for them (they
	// fit in it, checked above), so a crafted count cannot allocate more
	// than a few times the file; from a stream, by what was read so far.
	// Growing a million-record index append by append cost a fold ~2 s.
	const initial = 1 << 16
	recCap, entryCap, keyBytes := min(n, initial), min(nEntries, initial), 24*min(n, initial)
	if remaining >= 0 {
		recCap, entryCap, keyBytes = n, nEntries, int(min(int64(24*n), remaining))
	}
	byRank := make([]uint32, 0, recCap)
	regionOf := make([]string, 0, recCap)
	var keys rankKeysBuilder
	keys.grow(recCap, keyBytes)
	regions := map[string]string{} // a few hundred places, a million records
	var scratch []byte
	for r := range n {
		rec := br.uvarint()
		size := br.size()
		scratch = slices.Grow(scratch[:0], size)[:size]
		key := br.bytes(size, scratch)
		region := br.bytes(br.size(), scratch[size:cap(scratch)])
		if br.err != nil {
			return nil, br.fail()
		}
		if rec >= uint64(n) || (r > 0 && string(key) < keys.last()) {
			return nil, errors.New("damaged master index: record order")
		}
		keys.addBytes(key)
		reg, ok := regions[string(region)]
		if !ok {
			reg = string(region)
			regions[reg] = reg
		}
		byRank = append(byRank, uint32(rec))
		regionOf = append(regionOf, reg)
	}
	// All n records were there: n-sized tables are now safe to allocate.
	ix := &Index{n: n, byRank: byRank, rank: make([]uint32, n), regions: regionOf}
	seen := make([]bool, n)
	for r, rec := range byRank {
		if seen[rec] {
			return nil, errors.New("damaged master index: record order")
		}
		seen[rec] = true
		ix.rank[rec] = uint32(r)
	}
	ix.keys = keys.keys()
	entries := make([]keyEntry, 0, entryCap)
	chunk := make([]byte, 12<<12)
	// The entries must be in key order, then rank order: a key's rank is
	// read once, when the next entry has the same key.
	const noRank = ^uint32(0)
	lastRank := noRank
	for uint64(len(entries)) < nEntries {
		at := len(entries)
		size := int(min(nEntries-uint64(at), 1<<12))
		b := br.bytes(12*size, chunk)
		if br.err != nil {
			return nil, br.fail()
		}
		for i := range size {
			e := keyEntry{binary.LittleEndian.Uint64(b[12*i:]), binary.LittleEndian.Uint32(b[12*i+8:])}
			if int(e.rec) >= n {
				return nil, errors.New("damaged master index: record out of range")
			}
			if k := at + i; k > 0 {
				last := entries[k-1]
				switch {
				case last.key > e.key:
					return nil, errors.New("damaged master index: keys out of order")
				case last.key == e.key:
					if lastRank == noRank {
						lastRank = ix.rank[last.rec]
					}
					r := ix.rank[e.rec]
					if lastRank >= r {
						return nil, errors.New("damaged master index: keys out of order")
					}
					lastRank = r
				default:
					lastRank = noRank
				}
			}
			entries = append(entries, e)
		}
	}
	ix.entries = entries
	sum := br.crc
	tail := br.bytes(4)
	if br.err != nil {
		return nil, br.fail()
	}
	if binary.LittleEndian.Uint32(tail) != sum {
		return nil, errors.New("damaged master index: checksum")
	}
	return ix, nil
}

// indexReader reads an index file, keeping the first error.
type indexReader struct {
	r   *bufio.Reader
	buf [12]byte
	err error
	crc uint32 // of the bytes read so far
}

// bytes reads n bytes, into buf when given and large enough.
func (r *indexReader) bytes(n int, buf ...[]byte) []byte {
	if r.err != nil {
		return nil
	}
	var b []byte
	switch {
	case len(buf) > 0 && n <= len(buf[0]):
		b = buf[0][:n]
	case n <= len(r.buf):
		b = r.buf[:n]
	default:
		b = make([]byte, n)
	}
	_, r.err = io.ReadFull(r.r, b)
	r.crc = crc32.Update(r.crc, crc32.IEEETable, b)
	return b
}

func (r *indexReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c, err := r.r.ReadByte()
		if err != nil {
			r.err = err
			return 0
		}
		r.crc = crc32.Update(r.crc, crc32.IEEETable, []byte{c})
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.err = errors.New("damaged master index: number")
	return 0
}

// size reads the length of a string.
func (r *indexReader) size() int {
	n := r.uvarint()
	if r.err == nil && n > 1<<20 {
		r.err = errors.New("damaged master index: string length")
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

func (r *indexReader) fail() error {
	if errors.Is(r.err, io.EOF) || errors.Is(r.err, io.ErrUnexpectedEOF) {
		return errors.New("damaged master index: cut short")
	}
	return r.err
}

// IndexBuilder builds the index of an updated master while it is written:
// records kept as they were reuse their keys, others are indexed anew.
type IndexBuilder struct {
	m     *Matcher
	old   *Index
	keep  []int32 // output record → old master record, -1 when changed or new
	fresh record.Store
}

// NewIndexBuilder starts the index of a master that updates old (nil: none).
func (m *Matcher) NewIndexBuilder(old *Index) *IndexBuilder {
	return &IndexBuilder{m: m, old: old}
}

// Keep says the next output record is old master record i, unchanged.
func (b *IndexBuilder) Keep(i int) {
	if b.old == nil {
		panic("dedupe: Keep without an old index")
	}
	b.keep = append(b.keep, int32(i))
}

// Add says the next output record is r, new or changed.
func (b *IndexBuilder) Add(r *record.Record) {
	b.keep = append(b.keep, -1)
	b.fresh.Add(r)
}

// Index returns the index of the output records given so far.
func (b *IndexBuilder) Index() *Index {
	ix, n, entries := b.build()
	ix.entries = make([]keyEntry, 0, n)
	for e := range entries {
		ix.entries = append(ix.entries, e)
	}
	return ix
}

// WriteIndex writes the index of the output records given so far, its
// keys streamed to w rather than gathered first: at a million customers
// that is 170 MB not allocated.
func (b *IndexBuilder) WriteIndex(w io.Writer, fingerprint string) error {
	ix, n, entries := b.build()
	return writeIndex(w, ix, fingerprint, n, entries)
}

// build orders the output records and returns the index without its
// keys, their number, and the keys in order: the kept records' (still in
// order, renumbered) merged with the fresh records'.
func (b *IndexBuilder) build() (*Index, int, iter.Seq[keyEntry]) {
	n := len(b.keep)
	profiles := b.m.profiles(&b.fresh, 0, b.fresh.Len(), nil)
	freshAt := make([]uint32, 0, b.fresh.Len()) // fresh record → output record
	var outOf []int32                           // old record → output record
	if b.old != nil {
		outOf = make([]int32, b.old.n)
		for i := range outOf {
			outOf[i] = -1
		}
	}
	for o, k := range b.keep {
		if k < 0 {
			freshAt = append(freshAt, uint32(o))
		} else {
			outOf[k] = int32(o)
		}
	}
	// Order: kept records in their old order (their output order follows
	// it), fresh ones merged in.
	type ranked struct {
		key, region string
		rec         uint32
	}
	fresh := make([]ranked, len(freshAt))
	for i, o := range freshAt {
		fresh[i] = ranked{profiles[i].sortKey(), profiles[i].coRegion(), o}
	}
	slices.SortFunc(fresh, func(a, b ranked) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.rec, b.rec)
	})
	ix := &Index{n: n, byRank: make([]uint32, 0, n), rank: make([]uint32, n), regions: make([]string, 0, n)}
	var keys rankKeysBuilder
	size := 0
	for i := range fresh {
		size += len(fresh[i].key)
	}
	if b.old != nil {
		size += len(b.old.keys.blob)
	}
	keys.grow(n, size)
	f := 0
	push := func(key, region string, rec uint32) {
		ix.rank[rec] = uint32(len(ix.byRank))
		ix.byRank = append(ix.byRank, rec)
		keys.add(key)
		ix.regions = append(ix.regions, region)
	}
	var old []keyEntry
	if b.old != nil {
		old = b.old.entries
		for r, rec := range b.old.byRank {
			o := outOf[rec]
			if o < 0 {
				continue
			}
			key := b.old.keys.at(r)
			for f < len(fresh) && (fresh[f].key < key || (fresh[f].key == key && fresh[f].rec < uint32(o))) {
				push(fresh[f].key, fresh[f].region, fresh[f].rec)
				f++
			}
			push(key, b.old.regions[r], uint32(o))
		}
	}
	for ; f < len(fresh); f++ {
		push(fresh[f].key, fresh[f].region, fresh[f].rec)
	}
	ix.keys = keys.keys()
	added := b.m.blockKeys(profiles, 0)
	for i := range added {
		added[i].rec = freshAt[added[i].rec]
	}
	byKeyRank := func(a, b keyEntry) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(ix.rank[a.rec], ix.rank[b.rec])
	}
	slices.SortFunc(added, byKeyRank)
	added = slices.Compact(added)
	// Which old records are kept, as a bitset a few hundred kilobytes
	// long: in cache while every old entry is counted. Writing an entry
	// then reads where its record goes (outOf, 4 bytes a record: the
	// entries are in key order, their records at random, and a smaller
	// table misses the cache less) and, only when a fresh entry has the
	// same key, its rank.
	var kept []uint64
	if b.old != nil {
		kept = make([]uint64, (b.old.n+63)/64)
		for rec, o := range outOf {
			if o >= 0 {
				kept[rec/64] |= 1 << (rec % 64)
			}
		}
	}
	isKept := func(rec uint32) bool { return kept[rec/64]&(1<<(rec%64)) != 0 }
	addedRank := make([]uint32, len(added))
	for i, e := range added {
		addedRank[i] = ix.rank[e.rec]
	}
	total := len(added)
	for _, e := range old {
		if isKept(e.rec) {
			total++
		}
	}
	return ix, total, func(yield func(keyEntry) bool) {
		j := 0
		for _, e := range old {
			o := outOf[e.rec]
			if o < 0 {
				continue
			}
			// The fresh entries before this one: by key, then by rank.
			for j < len(added) && (added[j].key < e.key || added[j].key == e.key && addedRank[j] < ix.rank[o]) {
				if !yield(added[j]) {
					return
				}
				j++
			}
			if !yield(keyEntry{e.key, uint32(o)}) {
				return
			}
		}
		for ; j < len(added); j++ {
			if !yield(added[j]) {
				return
			}
		}
	}
}

package record

import "golang.org/x/sys/unix"

// arenaChunk is the size of a block mapped outside the heap: two huge
// pages of 2 MiB. Linux places an anonymous mapping whose size is a
// multiple of 2 MiB on a 2 MiB boundary, so both can be huge pages.
const arenaChunk = 4 << 20

// arenaBlock maps n bytes (rounded up to 2 MiB) outside the Go heap and
// asks the kernel to back them with huge pages, which it does when
// transparent huge pages are enabled for madvise (the common default) or
// always. It returns nil when the mapping fails; the caller then uses the
// heap.
func arenaBlock(n int) []byte {
	const huge = 2 << 20
	n = (n + huge - 1) &^ (huge - 1)
	b, err := unix.Mmap(-1, 0, n, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	if err != nil {
		return nil
	}
	_ = unix.Madvise(b, unix.MADV_HUGEPAGE) // advice only: without it the pages are 4 KiB
	return b[:0]
}

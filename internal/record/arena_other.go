//go:build !linux

package record

const arenaChunk = 4 << 20

// arenaBlock maps memory outside the heap on Linux only; elsewhere kept
// stores stay on the heap.
func arenaBlock(int) []byte { return nil }

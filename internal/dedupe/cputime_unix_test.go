//go:build unix

package dedupe

import "syscall"

// cpuTime is the process's user+system CPU time so far, in nanoseconds:
// benchmarks on a shared machine compare CPU, not wall time.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/crmkit/crmkit/internal/atomicfile"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/warncode"
)

// stuckGrace is how long a signalled run may take to stop by itself.
const stuckGrace = 3 * time.Second

// interruptContext is cancelled by SIGINT or SIGTERM; sig returns the
// signal received (0 for none). Every output file then refuses further
// writes and its commit (atomicfile.HaltOn), so the run stops at its next
// batch or write and commits nothing. After the first signal, a second one
// kills at once, as users expect.
func interruptContext(streams *iostreams.IOStreams) (ctx context.Context, sig func() syscall.Signal, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	var got atomic.Int32
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			signal.Stop(ch)
			n := s.(syscall.Signal)
			got.Store(int32(n))
			cancel(fmt.Errorf("interrupted by %s", signalName(n)))
			// A run blocked reading an input that neither ends nor sends
			// (stdin from a stalled pipe, before its first batch) cannot
			// see the context: do not leave the signal unanswered. Its
			// temporary files are removed by the next run (atomicfile).
			select {
			case <-done:
			case <-time.After(stuckGrace):
				fmt.Fprintf(streams.ErrOut, "error: interrupted by %s while waiting for input; no output was written\n", signalName(n))
				os.Exit(128 + int(n))
			}
		case <-done:
		}
	}()
	// ctx is cancelled by a signal only, never when Main returns: Main may
	// run again in the same process (tests), and HaltOn holds the latest.
	atomicfile.HaltOn(ctx)
	return ctx, func() syscall.Signal { return syscall.Signal(got.Load()) }, func() {
		signal.Stop(ch)
		close(done)
	}
}

func signalName(s syscall.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "SIGINT (Ctrl-C)"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}

// interruptedExit reports an interrupted run and returns 128 + the signal
// number, the shell's code for a process ended by it (130, 143).
func interruptedExit(streams *iostreams.IOStreams, s syscall.Signal, err error) int {
	if err != nil {
		fmt.Fprintf(streams.ErrOut, "error: interrupted by %s; no output was written\n", signalName(s))
	} else {
		warnf(streams.ErrOut, warncode.InterruptedAfterFinish, 0, "interrupted by %s after the run had finished; its outputs are complete", signalName(s))
	}
	return 128 + int(s)
}

package stage

import (
	"io"
	"runtime"
	"sync"
)

// runFormatter appends the text of run k to b, or fails. Each worker has
// its own (see writeRuns), so it may keep buffers between runs.
type runFormatter func(k int, b []byte) ([]byte, error)

// writeRuns writes runs of text formatted on every core, in order: each
// worker formats runs with its own formatter from newFormatter, and the
// calling goroutine writes them to w in run order, so the bytes are the
// ones a single loop formatting run after run would write, whatever the
// core count. At most a few runs per worker are formatted ahead of the
// writer; their buffers are used again. The first error in run order is
// returned (a formatter's, or w's): nothing is written after it, runs
// stop being handed out, and the workers are waited for.
func writeRuns(w io.Writer, runs int, newFormatter func() runFormatter) error {
	workers := min(runtime.GOMAXPROCS(0), max(runs, 1))
	type result struct {
		b   []byte
		err error
	}
	done := make([]chan result, runs)
	for k := range done {
		done[k] = make(chan result, 1)
	}
	inFlight := 2*workers + 2
	tokens := make(chan struct{}, inFlight)
	free := make(chan []byte, inFlight)
	jobs := make(chan int)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(jobs)
		for k := range runs {
			select {
			case tokens <- struct{}{}:
			case <-quit:
				return
			}
			jobs <- k
		}
	})
	for range workers {
		format := newFormatter()
		wg.Go(func() {
			for k := range jobs {
				var b []byte
				select {
				case b = <-free:
				default:
				}
				b, err := format(k, b)
				done[k] <- result{b, err}
			}
		})
	}
	var err error
	for k := range runs {
		res := <-done[k]
		if err = res.err; err != nil {
			break
		}
		if _, err = w.Write(res.b); err != nil {
			break
		}
		select {
		case free <- res.b[:0]:
		default:
		}
		<-tokens
	}
	close(quit) // after an error: stop handing out runs
	// Workers still formatting finish their run into its buffered channel.
	wg.Wait()
	return err
}

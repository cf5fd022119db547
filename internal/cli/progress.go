package cli

import (
	"fmt"
	"sync"
	"time"

	"github.com/crmkit/crmkit/internal/iostreams"
)

// progress shows, on a terminal's stderr only, which step a long command
// is in and for how long: "dedupe ⠹ 12s". In pipes, files and CI it does
// nothing, so logs stay clean.
type progress struct {
	stop chan struct{}
	wg   sync.WaitGroup
	once sync.Once
}

var spinner = []rune("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

func startProgress(io *iostreams.IOStreams, label string) *progress {
	if !io.StderrTTY {
		return nil
	}
	p := &progress{stop: make(chan struct{})}
	start := time.Now()
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		tick := time.NewTicker(150 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-p.stop:
				fmt.Fprint(io.ErrOut, "\r\033[K")
				return
			case <-tick.C:
				fmt.Fprintf(io.ErrOut, "\r\033[K%s %c %s", label, spinner[i%len(spinner)], time.Since(start).Round(time.Second))
			}
		}
	}()
	return p
}

// Stop clears the line; it may be called more than once. A nil progress
// does nothing.
func (p *progress) Stop() {
	if p == nil {
		return
	}
	p.once.Do(func() {
		close(p.stop)
		p.wg.Wait()
	})
}

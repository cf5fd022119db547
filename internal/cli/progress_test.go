package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/crmkit/crmkit/internal/iostreams"
)

func TestProgressOnlyOnATerminal(t *testing.T) {
	streams, _, _, errOut := iostreams.Test()
	p := startProgress(streams, "dedupe")
	time.Sleep(200 * time.Millisecond)
	p.Stop()
	if errOut.Len() != 0 {
		t.Errorf("progress wrote %q to a non-terminal", errOut)
	}
	streams.StderrTTY = true
	p = startProgress(streams, "dedupe")
	time.Sleep(400 * time.Millisecond)
	p.Stop()
	p.Stop() // twice is fine
	if out := errOut.String(); !strings.Contains(out, "dedupe ") || !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("progress on a terminal wrote %q", out)
	}
}

package iostreams

import (
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

func TestWidenPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	before, err := unix.FcntlInt(w.Fd(), unix.F_GETPIPE_SZ, 0)
	if err != nil {
		t.Fatal(err)
	}
	if before >= pipeBuffer {
		t.Skipf("pipes here already have %d bytes", before)
	}
	if !widenPipe(w) {
		t.Skip("the kernel refused a larger pipe buffer (pipe-max-size)")
	}
	// Both ends share one buffer.
	if got, _ := unix.FcntlInt(r.Fd(), unix.F_GETPIPE_SZ, 0); got < pipeBuffer {
		t.Errorf("pipe buffer %d bytes after widenPipe, want at least %d (was %d)", got, pipeBuffer, before)
	}
}

func TestWidenPipeLeavesFilesAlone(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if widenPipe(f) {
		t.Error("widenPipe reported a regular file as a widened pipe")
	}
}

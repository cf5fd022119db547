package iostreams

import (
	"os"

	"golang.org/x/sys/unix"
)

// pipeBuffer is the kernel buffer asked for on a pipe between crmkit
// commands (`crmkit dedupe | crmkit classify - | …`). Linux gives a pipe
// 64 KiB; each step writes and reads a few hundred megabytes of canonical
// CSV at a million records, and with 64 KiB the writer and the reader wake
// each other every few rows. 1 MiB is the most an unprivileged process may
// ask for by default (/proc/sys/fs/pipe-max-size).
const pipeBuffer = 1 << 20

// widenPipes asks for a larger buffer on stdin and stdout when they are
// pipes. The kernel may refuse (a lower pipe-max-size); the pipe then works
// as before, so the error is not reported.
func widenPipes() {
	for _, f := range []*os.File{os.Stdin, os.Stdout} {
		widenPipe(f)
	}
}

// widenPipe asks for pipeBuffer bytes on f when f is a pipe; it reports
// whether the kernel's buffer is now at least that large.
func widenPipe(f *os.File) bool {
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		return false
	}
	fd := int(f.Fd())
	if size, err := unix.FcntlInt(uintptr(fd), unix.F_GETPIPE_SZ, 0); err == nil && size >= pipeBuffer {
		return true
	}
	size, err := unix.FcntlInt(uintptr(fd), unix.F_SETPIPE_SZ, pipeBuffer)
	return err == nil && size >= pipeBuffer
}

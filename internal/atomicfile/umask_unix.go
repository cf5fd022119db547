//go:build unix

package atomicfile

import (
	"os"
	"sync"
	"syscall"
)

var (
	umaskOnce  sync.Once
	umaskValue os.FileMode
)

// umask reads the process umask once (reading it means setting it, so it
// is done before any output is written).
func umask() os.FileMode {
	umaskOnce.Do(func() {
		m := syscall.Umask(0)
		syscall.Umask(m)
		umaskValue = os.FileMode(m)
	})
	return umaskValue
}

// processAlive reports whether process pid exists (signal 0 checks
// without sending).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}

//go:build !unix

package atomicfile

import "os"

// umask is 0 where there is none (Windows): access comes from ACLs.
func umask() os.FileMode { return 0 }

// processAlive reports whether process pid exists (on Windows, opening it
// fails when it does not).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}

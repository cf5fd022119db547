//go:build !unix

package atomicfile

import "os"

// umask is 0 where there is none (Windows): access comes from ACLs.
func umask() os.FileMode { return 0 }

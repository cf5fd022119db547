package dedupe

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// LoadSample imports a generated export of n records (seed 1) into a
// store, for the tests and benchmarks of package dedupe_test: the same
// loader as this package's own (samplePath, loadFile).
func LoadSample(tb testing.TB, n int) (*record.Store, *record.Schema) {
	return loadFile(tb, samplePath(tb, n))
}

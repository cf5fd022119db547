package similar

import (
	"math"
	"testing"
)

// near reports whether two scores agree to the precision the tables give.
func near(got, want float64) bool { return math.Abs(got-want) < 0.0005 }

// checkSymmetric fails when a comparator gives different answers for the
// two orders of a pair.
func checkSymmetric[T comparable](t *testing.T, name string, f func(a, b string) T, a, b string) T {
	t.Helper()
	ab, ba := f(a, b), f(b, a)
	if ab != ba {
		t.Errorf("%s not symmetric: (%q, %q) = %v, (%q, %q) = %v", name, a, b, ab, b, a, ba)
	}
	return ab
}

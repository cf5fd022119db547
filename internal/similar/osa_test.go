package similar

import "testing"

func TestOSASwapIsOneSlip(t *testing.T) {
	for _, c := range []struct {
		a, b       string
		osa, leven int
	}{
		{"phnoe", "phone", 1, 2},
		{"region", "region", 0, 0},
		{"", "abc", 3, 3},
		{"城市", "市城", 1, 2},
	} {
		if got := OSA(c.a, c.b); got != c.osa {
			t.Errorf("OSA(%q, %q) = %d, want %d", c.a, c.b, got, c.osa)
		}
		if got := Levenshtein(c.a, c.b); got != c.leven {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", c.a, c.b, got, c.leven)
		}
	}
}

package normalize

import "testing"

func TestValidRegion(t *testing.T) {
	for r, want := range map[string]bool{"CN": true, "us": true, " GB ": true, "XX": false, "China": false, "": false} {
		if got := ValidRegion(r); got != want {
			t.Errorf("ValidRegion(%q) = %v, want %v", r, got, want)
		}
	}
}

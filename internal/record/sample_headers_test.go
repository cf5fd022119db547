package record_test

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/sample"
)

// TestSampleDialectsMap checks that every header the sample generator
// writes — one per CRM dialect — maps to the field it stands for.
func TestSampleDialectsMap(t *testing.T) {
	for header, field := range sample.HeaderFields {
		got, ok := record.Lookup(header)
		if !ok || got.String() != field {
			t.Errorf("Lookup(%q) = %v, %v; want %s", header, got, ok, field)
		}
	}
}

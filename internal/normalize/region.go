package normalize

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// ValidRegion reports whether r is a region phone numbers can be read in
// (an ISO 3166 alpha-2 code such as CN, US, GB).
func ValidRegion(r string) bool {
	return phonenumbers.GetSupportedRegions()[strings.ToUpper(strings.TrimSpace(r))]
}

package sample

import (
	"slices"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

func validIn(t *testing.T, cell, region string) {
	t.Helper()
	n, err := phonenumbers.Parse(fold(cell), "CN")
	if err != nil || !phonenumbers.IsValidNumber(n) {
		t.Fatalf("%q is not a valid number (err %v)", cell, err)
	}
	if got := phonenumbers.GetRegionCodeForNumber(n); got != region {
		t.Fatalf("%q is a %s number, want %s", cell, got, region)
	}
}

// TestNumberSpaces draws many numbers from every block and city the
// generator uses and checks each with libphonenumber.
func TestNumberSpaces(t *testing.T) {
	pb := newPhonebook(newRNG(53))
	for range 5000 {
		p := pb.newMobile()
		validIn(t, p.local, "CN")
		if pt := func() phonenumbers.PhoneNumberType {
			n, _ := phonenumbers.Parse(p.local, "CN")
			return phonenumbers.GetNumberType(n)
		}(); pt != phonenumbers.MOBILE {
			t.Fatalf("%s is not a mobile number (type %v)", p.local, pt)
		}
	}
	for _, prefix := range mobilePrefixes {
		validIn(t, prefix+"12345678", "CN")
	}
	for i := range citiesZH {
		for range 300 {
			validIn(t, string(appendPhone(nil, pb.newLandline(i), pDigits)), "CN")
		}
	}
	regions := map[string]string{"1": "", "44": "GB", "65": "SG", "61": "AU", "852": "HK"}
	for i, c := range citiesIntl {
		for range 3000 {
			cell := string(appendPhone(nil, pb.newIntl(i), pPlusSpaced))
			want := regions[c.cc]
			if want == "" {
				want = "US"
				if c.country == "Canada" {
					want = "CA"
				}
			}
			validIn(t, cell, want)
		}
	}
}

// TestPhoneCellsAreValid: every phone cell the generator writes is either
// a valid number (in any of its formats, full-width digits included) or
// deliberate junk, and junk stays rare.
func TestPhoneCellsAreValid(t *testing.T) {
	for _, messy := range []float64{0.5, 1} {
		g, recs := collect(t, Config{N: 20000, Seed: 59, Dialect: "mixed", Messy: messy})
		cols := columns(g)["phone"]
		cells, junk := 0, 0
		for _, rec := range recs {
			for _, c := range cols {
				v := rec.Row[c]
				if v == "" {
					continue
				}
				cells++
				s := fold(v)
				digits := strings.Map(func(r rune) rune {
					if r >= '0' && r <= '9' {
						return r
					}
					return -1
				}, s)
				if slices.Contains(invalidPhonesZH, s) || slices.Contains(invalidPhonesEN, s) || len(digits) < 9 {
					junk++
					continue
				}
				if _, ok := e164(v); !ok {
					t.Fatalf("phone cell %q is neither valid nor deliberate junk", v)
				}
			}
		}
		if share := float64(junk) / float64(cells); share > 0.025*messy+0.005 || share == 0 {
			t.Errorf("Messy %v: %.4f of phone cells are junk, want about %.3f", messy, share, 0.02*messy)
		}
	}
}

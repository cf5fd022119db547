package similar

import "testing"

func TestAddressKeyAbbreviations(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Number words where a house number stands.
		{"One Hartford Plaza", "1 hartford plz"},
		{"Suite 400, One Market Plaza", "ste 400 1 market plz"},
		{"Twenty Main Street", "20 main st"},
		{"100 Three Rivers Rd", "100 three rivers rd"}, // the house number came first
		{"One", "one"},
		{"725 Fifth Avenue", "725 5th ave"},
		{"Third Floor, 100 Main St", "3rd fl 100 main st"},
		// St: Saint before a street's name, Street after it.
		{"12 St. James St.", "12 saint james st"},
		{"12 Saint James Street", "12 saint james st"},
		{"100 Main St, St Louis", "100 main st saint louis"},
		{"Rue St-Denis 5", "rue saint denis 5"},
		{"8 Port St Lucie Blvd", "8 port st lucie blvd"},
		// Dr: Doctor before a name, Drive after it.
		{"200 Dr. Martin Luther King Jr. Blvd", "200 doctor martin luther king jr blvd"},
		{"200 Ocean Drive", "200 ocean dr"},
		{"200 Ocean Dr Suite 5", "200 ocean dr ste 5"},
		// USPS suffixes and unit designators, Royal Mail forms.
		{"9 Oak Circle", "9 oak cir"},
		{"12 Elm Terrace", "12 elm tce"},
		{"3 Lake Trail", "3 lake trl"},
		{"4 Acacia Gardens", "4 acacia gdns"},
		{"4 Acacia Grove", "4 acacia grv"},
		{"7 Mill Close", "7 mill cl"},
		{"50 Rockefeller Center, Apartment 4", "50 rockefeller ctr unit 4"},
		{"1 Mount Vernon Highway", "1 mt vernon hwy"},
		{"77 Harbour Parade", "77 hbr pde"},
		{"5 Main St #200", "5 main st ste 200"},
		// European street words.
		{"Hauptstraße 5", "hauptstr 5"},
		{"Hauptstrasse 5", "hauptstr 5"},
		{"Hauptstr. 5", "hauptstr 5"},
		{"Berliner Straße 12", "berliner st 12"},
		{"Marienplatz 8", "marienpl 8"},
		{"Kalverstraat 1", "kalverstr 1"},
		{"5 Boulevard Haussmann", "5 blvd haussmann"},
		{"5 Bd Haussmann", "5 blvd haussmann"},
		{"5 av. Foch", "5 ave foch"},
		{"12 Rue Sainte-Catherine", "12 rue sainte catherine"},
		{"12 rue Ste Catherine", "12 rue sainte catherine"},
		{"1 Place Vendôme", "1 plz vendôme"},
		{"1 Pl. Vendôme", "1 plz vendôme"},
		{"12 Wallaby Pl", "12 wallaby pl"},
		{"C/ Mayor 5", "calle mayor 5"},
		{"Calle Mayor 5", "calle mayor 5"},
		{"Pl. Mayor 1", "plz mayor 1"},
		{"Plaza Mayor 1", "plz mayor 1"},
		{"Via Roma 10", "via roma 10"},
		{"V. Roma 10", "via roma 10"},
		{"Avda. de Europa 3", "ave de europa 3"},
	} {
		if got := AddressKey(tc.in); got != tc.want {
			t.Errorf("AddressKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if k := AddressKey(tc.want); k != tc.want {
			t.Errorf("AddressKey(%q) = %q: a key must be its own key", tc.want, k)
		}
	}
}

func TestAddressAbbreviations(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want AddressLevel
	}{
		{"One Hartford Plaza", "1 Hartford Plz", AddressSame},
		{"One Hartford Plaza", "2 Hartford Plz", AddressDifferent},
		{"Suite 400, One Market Plaza", "1 Market Plaza, Ste 400", AddressSame},
		{"100 Sunset Boulevard", "100 Sunset Bd", AddressSame},
		{"100 Sunset Blvd", "100 Sunset Bd", AddressSame},
		{"725 Fifth Avenue", "725 5th Ave", AddressSame},
		{"2610 West 25th Place Lower Level", "2610 W 25th Pl", AddressSimilar}, // a unit one side leaves out
		{"2610 W 25th Pl Lower Level", "2610 W 25th Pl Upper Level", AddressDifferent},
		{"Third Floor, 100 Main St", "100 Main Street, 3rd Fl", AddressSame},
		{"Third Floor, 100 Main St", "100 Main Street, 4th Fl", AddressDifferent},
		{"12 St. James St", "12 Saint James Street", AddressSame},
		{"200 Dr. Martin Luther King Jr. Blvd", "200 Doctor Martin Luther King Junior Boulevard", AddressSame},
		{"100 Dr King Blvd", "100 King Dr", AddressDifferent},
		{"4 Acacia Gardens", "4 Acacia Gdns", AddressSame},
		{"4 Acacia Grove", "4 Acacia Close", AddressPartial},
		{"9 Oak Circle", "9 Oak Cir.", AddressSame},
		{"Hauptstraße 5", "Hauptstr. 5", AddressSame},
		{"Berliner Straße 12", "Berliner Str. 12", AddressSame},
		{"Marienplatz 8", "Marienpl. 8", AddressSame},
		{"12 Rue Sainte-Catherine", "12 rue Ste Catherine", AddressSame},
		{"12 rue de la Paix", "12 avenue de la Paix", AddressPartial},
		{"1 Place Vendôme", "1 Pl. Vendôme", AddressSame},
		{"C/ Mayor 5", "Calle Mayor 5", AddressSame},
		{"Pl. Mayor 1", "Plaza Mayor 1", AddressSame},
		{"Calle Mayor 5", "Plaza Mayor 5", AddressPartial},
		{"V. Roma 10", "Via Roma 10", AddressSame},
	} {
		got := checkSymmetric(t, "Address", Address, tc.a, tc.b)
		if got != tc.want {
			t.Errorf("Address(%q, %q) = %v, want %v (keys %q, %q)", tc.a, tc.b, got, tc.want, AddressKey(tc.a), AddressKey(tc.b))
		}
	}
}

func TestAddressKeyAbbreviatedKeyDoesNotAllocate(t *testing.T) {
	for _, k := range []string{"1 hartford plz", "12 saint james st", "200 doctor martin luther king jr blvd", "hauptstr 5"} {
		if n := testing.AllocsPerRun(20, func() { AddressKey(k) }); n != 0 {
			t.Errorf("AddressKey(%q) allocates %.0f times", k, n)
		}
	}
}

// Every canonical form is its own canonical form, and the name-word test
// answers alike for a word and its canonical form: what keeps a key its
// own key.
func TestAddressWordsCanonical(t *testing.T) {
	for w, c := range addressWords {
		if addressWords[c] != c {
			t.Errorf("%q → %q, but %q → %q", w, c, c, addressWords[c])
		}
		if isNameWord([]byte(w)) != isNameWord([]byte(c)) {
			t.Errorf("isNameWord(%q) = %v but isNameWord(%q) = %v", w, isNameWord([]byte(w)), c, isNameWord([]byte(c)))
		}
		if _, ok := positionalWords[w]; ok {
			t.Errorf("%q is both a plain and a positional word", w)
		}
	}
	for w, p := range positionalWords {
		for _, c := range []string{p.suffix, p.prefix} {
			if _, ok := positionalWords[c]; !ok && addressWords[c] != c {
				t.Errorf("%q reads as %q, which is no canonical form", w, c)
			}
		}
	}
}

// Addresses made of the words whose reading depends on their neighbours,
// in every order: each key must be its own key.
func TestAddressKeyAbbreviationsIdempotent(t *testing.T) {
	vocab := []string{"st", "St.", "street", "saint", "dr", "Drive", "doctor", "ste", "suite", "sainte",
		"pl", "place", "plaza", "v.", "via", "c/", "one", "two", "first", "3rd", "fl", "no", "#", "12",
		"5/7", "unit", "james", "main", "a", "n", "ave", "hauptstraße", "straße", "wallaby", "po", "box",
		",", "宝安", "12a", "1106-1108"}
	seed := uint64(1)
	next := func(n int) int {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % uint64(n))
	}
	for range 20000 {
		var b []byte
		for range 1 + next(6) {
			b = append(b, vocab[next(len(vocab))]...)
			b = append(b, ' ')
		}
		in := string(b)
		k := AddressKey(in)
		if again := AddressKey(k); again != k {
			t.Fatalf("AddressKey(%q) = %q, but AddressKey of that = %q", in, k, again)
		}
	}
}

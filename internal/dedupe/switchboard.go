package dedupe

// A phone number that a file lists at three or more different street
// addresses is an organisation's switchboard: an agency's head office
// printed on each of its sites, a chain's central booking line. Two
// records at different addresses sharing it are two sites of one
// organisation, which for a customer list are two customers (two
// accounts, as a multi-site company's offices in two cities are): the
// number says they belong together, not that they are one. Such a pair's
// phone is graded partial, not same, and the file's weights say what
// partial is worth. At one address, or with an address missing, the
// number counts in full.

// minSwitchboardSites is how many different house numbers a phone number
// must be listed at to be a switchboard. Two are too few: one customer's
// records with a mistyped or an old address show two.
const minSwitchboardSites = 3

// switchboards are the switchboard numbers of a file, by phoneKey, and
// the phone and address comparators' indexes.
type switchboards struct {
	numbers         map[uint64]struct{}
	phoneAt, addrAt int
}

func phoneKey(n phoneNumber) uint64 { return n.value<<4 | uint64(n.digits) }

// findSwitchboards returns the switchboard numbers of profiles, nil when
// there are none or the file's phones or addresses are not compared.
// Addresses are told apart by house number, so the same site written two
// ways counts once. It depends only on the set of profiles, not their
// order.
func (m *Matcher) findSwitchboards(profiles []profile) *switchboards {
	s := switchboards{phoneAt: -1, addrAt: m.loc[0]}
	for i, c := range m.comparators {
		if c.name == "phone" && !c.fixed {
			s.phoneAt = i
		}
	}
	if s.phoneAt < 0 || s.addrAt < 0 {
		return nil
	}
	// Per number, the hashes of the first house numbers seen (low and high
	// 32 bits); the minSwitchboardSites-th different one makes it a
	// switchboard.
	seen := map[uint64]uint64{}
	for i := range profiles {
		p := &profiles[i]
		house := p.house()
		if house == "" || len(p.phones) == 0 {
			continue
		}
		h := houseHash(house)
		for _, ph := range p.phones {
			k := phoneKey(ph)
			v, ok := seen[k]
			lo, hi := uint32(v), uint32(v>>32)
			sites := 0
			switch {
			case !ok:
				seen[k] = uint64(h)
				continue
			case lo == h || hi == h:
				continue
			case hi == 0:
				seen[k] = v | uint64(h)<<32
				sites = 2
			default:
				sites = 3
			}
			if sites >= minSwitchboardSites {
				if s.numbers == nil {
					s.numbers = map[uint64]struct{}{}
				}
				s.numbers[k] = struct{}{}
			}
		}
	}
	if s.numbers == nil {
		return nil
	}
	return &s
}

// houseHash is a house number's 32-bit FNV-1a hash, never 0.
func houseHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return max(h, 1)
}

// grade lowers a pair's phone level from same to partial when the
// addresses differ and every number the two share is a switchboard.
func (s *switchboards) grade(a, b *profile, out []Level) {
	if s == nil || out[s.phoneAt] != Same || out[s.addrAt] != Different {
		return
	}
	for _, x := range a.phones {
		for _, y := range b.phones {
			if phoneLevel(x, y) != Same {
				continue
			}
			if _, ok := s.numbers[phoneKey(x)]; !ok {
				return
			}
			if _, ok := s.numbers[phoneKey(y)]; !ok {
				return
			}
		}
	}
	out[s.phoneAt] = Partial
}

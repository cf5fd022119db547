package sample

// factory creates entities: ordinary companies from the namespaces, and
// hard negatives derived from them.
type factory struct {
	r          *rng
	cfg        *resolved
	zhNames    *namespace
	enNames    *namespace
	phones     *phonebook
	roster     *roster
	seq        uint64
	mailDigits permutation // unique digits for free-mail local parts
	freeNext   uint64
	qqs        permutation
	cityZH     []float64
	cityIntl   []float64
	surW       []float64
}

func newFactory(r *rng, cfg *resolved, ro *roster) *factory {
	f := &factory{
		r: r, cfg: cfg, roster: ro,
		zhNames: newNamespaceZH(r),
		enNames: newNamespaceEN(r),
		phones:  newPhonebook(r),
		qqs:     newPermutation(r, 3_000_000_000),
	}
	// Free-mail digits: wide enough that every contact gets its own.
	space := uint64(10_000)
	for space < uint64(cfg.N)*2 {
		space *= 10
	}
	f.mailDigits = newPermutation(r, space)
	wz := make([]float64, len(citiesZH))
	for i, c := range citiesZH {
		wz[i] = c.weight
	}
	f.cityZH = cumulative(wz)
	wi := make([]float64, len(citiesIntl))
	for i, c := range citiesIntl {
		wi[i] = c.weight
	}
	f.cityIntl = cumulative(wi)
	sw := make([]float64, len(surnames))
	for i := range surnames {
		sw[i] = 100 / float64(i+8)
	}
	f.surW = cumulative(sw)
	return f
}

func (f *factory) newID() (uint64, string) {
	s := f.seq
	f.seq++
	var b [24]byte
	return s, string(appendPadded(append(b[:0], 'E'), s+1, max(7, numDigits(s+1))))
}

// ordinary creates a company with a fresh identity from the namespace.
func (f *factory) ordinary() *entity {
	r := f.r
	e := &entity{zh: r.chance(f.cfg.zhShare)}
	e.seq, e.id = f.newID()
	if e.zh {
		e.brand, e.tradeIdx = f.zhNames.take()
		e.trade = tradesZH[e.tradeIdx]
		e.legal = r.weighted(legalWeightsZH)
		e.region = regionForm(r.weighted(regionFormWeights))
	} else {
		e.brand, e.tradeIdx = f.enNames.take()
		e.trade = tradesEN[e.tradeIdx]
		e.legal = r.weighted(legalWeightsEN)
	}
	f.place(e, -1)
	f.contact(e, nil)
	f.business(e)
	return e
}

// derive creates a hard negative of parent: a different customer whose
// name is confusingly close to it.
func (f *factory) derive(parent *entity, rel relation) *entity {
	r := f.r
	e := &entity{zh: parent.zh, brand: parent.brand, tradeIdx: parent.tradeIdx, rel: rel, related: parent.id}
	e.seq, e.id = f.newID()
	e.trade = parent.trade
	e.legal = parent.legal
	e.region = parent.region
	switch rel {
	case relOtherCity:
		// Both names must show their city, or the two would be identical.
		parent.keepRegion, e.keepRegion = true, true
		if parent.region == regionProvince || parent.region == regionNone {
			parent.region = regionCity
		}
		e.region = regionCity
		if r.chance(0.2) {
			e.region = regionParen
		}
		f.place(e, parent.city)
	case relSister, relSubsidiary:
		if rel == relSister && e.zh {
			e.trade = sistersZH[e.tradeIdx]
		} else if rel == relSister {
			e.trade = sistersEN[e.tradeIdx]
		} else if e.zh {
			s := pick(r, subsidiariesZH)
			e.sub, e.subCode = s.word, s.code
		} else {
			s := pick(r, subsidiariesEN)
			e.sub, e.subCode = s.word, s.code
		}
		e.city = parent.city
		f.address(e)
		e.district = parent.district
		f.sameBuilding(e, parent)
		if e.zh {
			e.legal = r.weighted(legalWeightsZH)
		}
	}
	if !e.zh {
		e.legal = r.weighted(legalWeightsEN)
	}
	f.contact(e, &parent.person)
	f.business(e)
	return e
}

// sameBuilding puts a sister or subsidiary at its parent's address half of
// the time (group companies share offices), which makes address alone a
// false friend.
func (f *factory) sameBuilding(e, parent *entity) {
	if f.r.chance(0.5) {
		e.street, e.postcode = parent.street, parent.postcode
	} else {
		e.postcode = parent.postcode
	}
}

// place chooses the city, weighted by business activity, and an address
// there; avoid is a city the entity must not be in (-1 for none).
func (f *factory) place(e *entity, avoid int) {
	r := f.r
	for {
		if e.zh {
			e.city = r.weighted(f.cityZH)
		} else {
			e.city = r.weighted(f.cityIntl)
		}
		if e.city != avoid {
			break
		}
	}
	f.address(e)
}

// address draws district, street and postcode in the entity's city.
func (f *factory) address(e *entity) {
	r := f.r
	if e.zh {
		c := &citiesZH[e.city]
		e.district = r.intn(len(c.districts))
		e.street = f.streetZH()
		e.postcode = c.post + string([]byte{byte('0' + (e.district+1)%10), byte('0' + r.intn(10))})
		return
	}
	c := &citiesIntl[e.city]
	b := make([]byte, 0, 48)
	b = appendInt(b, r.between(1, 2999))
	b = append(b, ' ')
	b = append(b, pick(r, c.streets)...)
	if r.chance(0.4) {
		b = append(b, ", Suite "...)
		b = appendInt(b, r.between(1, 30)*100+r.between(0, 20))
	}
	e.street = string(b)
	e.postcode = c.zip(r)
}

func (f *factory) streetZH() string {
	r := f.r
	b := make([]byte, 0, 64)
	b = append(b, pick(r, streetsZH)...)
	b = appendInt(b, r.between(1, 999))
	b = append(b, "号"...)
	switch r.intn(5) {
	case 0:
		b = append(b, string(rune('A'+r.intn(4)))+"栋"...)
		b = appendInt(b, r.between(1, 30)*100+r.between(1, 20))
		b = append(b, "室"...)
	case 1:
		b = appendInt(b, r.between(1, 12))
		b = append(b, "号楼"...)
		b = appendInt(b, r.between(1, 20)*100+r.between(1, 15))
	case 2:
		b = append(b, pick(r, []string{"创业大厦", "科技园", "国际中心", "商务大厦", "产业园"})...)
		b = appendInt(b, r.between(1, 40))
		b = append(b, "楼"...)
	}
	return string(b)
}

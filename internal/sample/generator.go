package sample

// Record is one generated row with what the generator knows about it.
type Record struct {
	Row    []string // cells in Header order
	Entity string   // the true customer: rows with the same Entity are duplicates
	Copy   int      // 0 for the entity's first row, 1… for re-entered copies
	Copies int      // rows the entity has in the whole output
	// Related is the entity this one was made to resemble (a hard
	// negative: same brand in another city, a sister or a subsidiary),
	// and Relation says how; both empty for ordinary customers.
	Related  string
	Relation string
	// Disputed: the entity's rows name more than one owner (撞单).
	Disputed bool
}

// Generator streams a sample export row by row. Memory is bounded by the
// entities waiting for a later duplicate (within Config.DupWindow rows),
// not by N.
type Generator struct {
	cfg     *resolved
	r       *rng
	roster  *roster
	fac     *factory
	ids     idMaker
	noise   noise
	rb      *rowBuilder
	layout  []int // column → cell index in rb
	header  []string
	row     int
	pending pendingQueue
	// owed counts rows already promised to pending entities, so the
	// output ends with exactly N rows and every planned duplicate in it.
	owed      int
	last      *entity // the entity of the previous row
	hasPhone2 bool
}

// New validates cfg and returns a generator for it.
func New(cfg Config) (*Generator, error) {
	rc, err := cfg.resolve()
	if err != nil {
		return nil, err
	}
	r := newRNG(rc.Seed)
	// Rep capacities are sized on the rows, not the expected entities: a
	// file assigned without dedupe has a customer for every row its
	// grouping cannot join, and a 撞单 copy counts for its rival.
	ro := newRoster(r, rc.Reps, rc.zhShare, rc.N)
	g := &Generator{
		cfg:    rc,
		r:      r,
		roster: ro,
		fac:    newFactory(r, rc, ro),
		ids:    newIDMaker(r, rc.dialect.ids, rc.N),
		noise:  newNoise(rc.Messy, rc.dialect),
		rb:     newRowBuilder(numSlots + len(rc.Extra)),
	}
	for _, c := range rc.dialect.columns {
		g.header = append(g.header, c.header)
		g.layout = append(g.layout, int(c.slot))
		if c.slot == slotPhone2 {
			g.hasPhone2 = true
		}
	}
	for i, x := range rc.Extra {
		g.header = append(g.header, x)
		g.layout = append(g.layout, numSlots+i)
	}
	return g, nil
}

// Header returns the header row: the dialect's columns, then Config.Extra.
func (g *Generator) Header() []string { return append([]string(nil), g.header...) }

// Reps returns the sales-rep roster owners are drawn from.
func (g *Generator) Reps() []Rep {
	out := make([]Rep, len(g.roster.reps))
	for i, rep := range g.roster.reps {
		rep.Territories = append([]string(nil), rep.Territories...)
		out[i] = rep
	}
	return out
}

// Next returns the next row and its true entity id; ok is false after N
// rows. The row slice is the caller's to keep.
func (g *Generator) Next() (row []string, entity string, ok bool) {
	rec, ok := g.NextRecord()
	return rec.Row, rec.Entity, ok
}

// NextRecord is Next with everything the generator knows about the row.
func (g *Generator) NextRecord() (Record, bool) {
	if g.row >= g.cfg.N {
		return Record{}, false
	}
	i := g.row
	var e *entity
	switch {
	case g.owed >= g.cfg.N-i:
		// Every remaining row is promised: take the earliest, but not the
		// entity just written if another is waiting.
		e = g.pending.pop().e
		if e == g.last && len(g.pending) > 0 {
			next := g.pending.pop().e
			g.pending.push(pendingEntity{due: i, seq: e.seq, e: e})
			e = next
		}
		g.owed--
	case g.pending.dueBy(i):
		e = g.pending.pop().e
		g.owed--
	default:
		e = g.fac.ordinary()
	}
	if e.emitted == 0 {
		g.plan(e)
		if e.rel == relNone && g.r.chance(g.cfg.HardNegatives) && g.cfg.N-i-1-g.owed >= 1 {
			g.schedule(g.fac.derive(e, g.pickRelation()), i)
			g.owed++
		}
	}
	copyIdx := e.emitted
	e.emitted++
	g.rb.reset()
	g.render(e, copyIdx, i)
	rec := Record{
		Row:      g.rb.cells(g.layout),
		Entity:   e.id,
		Copy:     copyIdx,
		Copies:   e.copies,
		Related:  e.related,
		Relation: e.rel.String(),
		Disputed: e.disputed,
	}
	if e.emitted < e.copies {
		g.schedule(e, i)
	}
	g.last = e
	g.row++
	return rec, true
}

func (g *Generator) pickRelation() relation {
	switch x := g.r.float(); {
	case x < 0.45:
		return relOtherCity
	case x < 0.75:
		return relSister
	default:
		return relSubsidiary
	}
}

// copiesCum is the distribution of rows per duplicated entity: 2 to 6.
var copiesCum = cumulative([]float64{62, 24, 9, 4, 1})

// plan decides, at an entity's first row, how many rows it gets, which
// signal links them, and whether its owners disagree.
func (g *Generator) plan(e *entity) {
	r := g.r
	e.copies = 1
	if r.chance(g.cfg.DupRate) {
		room := g.cfg.N - g.row - 1 - g.owed
		e.copies = min(2+r.weighted(copiesCum), 1+room)
	}
	if e.copies < 2 {
		return
	}
	g.owed += e.copies - 1
	x := r.float()
	switch {
	case e.emails[0] == "" && x < 0.8, e.emails[0] != "" && x < 0.5:
		e.anchor = anchorPhone
	case e.emails[0] != "" && x < 0.8:
		e.anchor = anchorEmail
	default:
		e.anchor = anchorName
	}
	if len(g.roster.reps) >= 2 && r.chance(g.cfg.DisputeRate) {
		e.disputed = true
		if e.owner < 0 {
			e.owner = g.roster.ownerFor(r, e.territory())
		}
		e.rival = g.roster.rival(r, e.owner)
	}
}

// schedule queues e's next row at a random distance from row i: at least
// two rows on (never adjacent) when the rest of the output has room.
func (g *Generator) schedule(e *entity, i int) {
	last := g.cfg.N - 1
	hi := min(g.cfg.DupWindow, last-i)
	due := i + 1
	if hi >= 2 {
		due = i + g.r.between(2, hi)
	}
	g.pending.push(pendingEntity{due: due, seq: e.seq, e: e})
}

type pendingEntity struct {
	due int
	seq uint64
	e   *entity
}

// pendingQueue is a binary min-heap of entities by the row their next
// record is due, ties broken by entity number so the order depends on
// nothing but the seed. (Typed rather than container/heap, which boxes
// every element in an interface.)
type pendingQueue []pendingEntity

func (q pendingQueue) less(i, j int) bool {
	if q[i].due != q[j].due {
		return q[i].due < q[j].due
	}
	return q[i].seq < q[j].seq
}

func (q *pendingQueue) push(x pendingEntity) {
	*q = append(*q, x)
	h := *q
	for i := len(h) - 1; i > 0; {
		parent := (i - 1) / 2
		if !h.less(i, parent) {
			break
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

func (q *pendingQueue) pop() pendingEntity {
	h := *q
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h[last] = pendingEntity{}
	h = h[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h) && h.less(l, m) {
			m = l
		}
		if r < len(h) && h.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	*q = h
	return top
}

func (q pendingQueue) dueBy(row int) bool { return len(q) > 0 && q[0].due <= row }

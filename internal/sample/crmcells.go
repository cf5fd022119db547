package sample

import (
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// sourceCell writes the lead source: the entity's own, sometimes the one
// another rep logged, sometimes nothing.
func (g *Generator) sourceCell(e *entity) {
	r := g.r
	src := e.source
	switch x := r.float(); {
	case x < 0.08: // the other rep logged where *they* met the customer
		if e.zh {
			src = r.weighted(sourceWeightsZH)
		} else {
			src = r.weighted(sourceWeightsEN)
		}
	case x < 0.2:
		return
	}
	if e.zh {
		g.rb.set(int(record.Source), sourcesZH[src])
	} else {
		g.rb.set(int(record.Source), sourcesEN[src])
	}
}

// tagsCell writes the tags joined by one of the separators people type.
func (g *Generator) tagsCell(e *entity) {
	b, r := g.rb, g.r
	tags, seps := tagsZH, tagSepsZH
	if !e.zh {
		tags, seps = tagsEN, tagSepsEN
	}
	n := int(e.ntags)
	idx := e.tags
	switch x := r.float(); {
	case x < 0.15:
		return
	case x < 0.3: // this rep tagged it differently
		n = r.between(1, 2)
		for i := range n {
			idx[i] = int8(r.intn(len(tags)))
		}
	}
	if n == 0 {
		return
	}
	sep := pick(r, seps)
	b.open(int(record.Tags))
	for i := range n {
		if i > 0 {
			b.buf = append(b.buf, sep...)
		}
		b.buf = append(b.buf, tags[idx[i]]...)
	}
	b.close(int(record.Tags))
}

// notesCell writes a rep's note; a 撞单 record may name the other rep.
func (g *Generator) notesCell(e *entity, h copyHistory) {
	b, r := g.rb, g.r
	if h.noteRep >= 0 {
		tmpl := pick(r, disputeNotesZH)
		if !e.zh {
			tmpl = pick(r, disputeNotesEN)
		}
		b.set(int(record.Notes), strings.Replace(tmpl, "{rep}", g.roster.reps[h.noteRep].Name, 1))
		return
	}
	if r.chance(0.5) {
		return
	}
	if e.zh {
		b.set(int(record.Notes), pick(r, notesZH))
	} else {
		b.set(int(record.Notes), pick(r, notesEN))
	}
}

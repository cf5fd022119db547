package normalize

import (
	"fmt"
	"regexp/syntax"
	"slices"
)

// digitAutomaton runs one metadata pattern, anchored as the library anchors
// it, over all digit strings of one length at once: it moves a set of
// states of the compiled pattern (regexp/syntax, the engine the library
// uses) instead of one, so a set stands for every string that leads to it.
type digitAutomaton struct {
	prog   *syntax.Prog
	length int
	memo   map[string]spread
}

// spread says which of a set's completions to the full length match.
type spread uint8

const (
	spreadNone spread = iota
	spreadAll
	spreadMixed
)

// compileDigitAutomaton compiles pattern as a full match, or when
// prefixMatch as a match of the start only (the library's leading-digits and
// national-prefix tests).
func compileDigitAutomaton(pattern string, length int, prefixMatch bool) (*digitAutomaton, error) {
	src := `^(?:` + pattern + `)$`
	if prefixMatch {
		src = `^(?:` + pattern + `)[0-9]*$`
	}
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %v", pattern, err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %v", pattern, err)
	}
	return &digitAutomaton{prog: prog, length: length, memo: map[string]spread{}}, nil
}

// states is a sorted set of instructions that read a digit or match.
type states []uint32

func (s states) key(pos int) string { return fmt.Sprint(pos, []uint32(s)) }

// follow adds pc and the instructions reachable from it without reading a
// digit at position pos.
func (a *digitAutomaton) follow(seen map[uint32]bool, pc uint32, pos int) {
	if seen[pc] {
		return
	}
	seen[pc] = true
	inst := &a.prog.Inst[pc]
	switch inst.Op {
	case syntax.InstAlt, syntax.InstAltMatch:
		a.follow(seen, inst.Out, pos)
		a.follow(seen, inst.Arg, pos)
	case syntax.InstCapture, syntax.InstNop:
		a.follow(seen, inst.Out, pos)
	case syntax.InstEmptyWidth:
		before, after := rune('0'), rune('0')
		if pos == 0 {
			before = -1
		}
		if pos == a.length {
			after = -1
		}
		if syntax.EmptyOp(inst.Arg)&^syntax.EmptyOpContext(before, after) == 0 {
			a.follow(seen, inst.Out, pos)
		}
	}
}

func (a *digitAutomaton) collect(seen map[uint32]bool) states {
	var s states
	for pc := range seen {
		switch a.prog.Inst[pc].Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL, syntax.InstMatch:
			s = append(s, pc)
		}
	}
	slices.Sort(s)
	return s
}

func (a *digitAutomaton) start() states {
	seen := map[uint32]bool{}
	a.follow(seen, uint32(a.prog.Start), 0)
	return a.collect(seen)
}

// step reads digit d at position pos.
func (a *digitAutomaton) step(s states, pos int, d rune) states {
	seen := map[uint32]bool{}
	for _, pc := range s {
		inst := &a.prog.Inst[pc]
		if inst.Op != syntax.InstMatch && inst.MatchRune(d) {
			a.follow(seen, inst.Out, pos+1)
		}
	}
	return a.collect(seen)
}

// spread of the strings completing s, at position pos, to the full length.
func (a *digitAutomaton) spread(s states, pos int) spread {
	key := s.key(pos)
	if v, ok := a.memo[key]; ok {
		return v
	}
	var v spread
	switch {
	case len(s) == 0:
		v = spreadNone
	case pos == a.length:
		v = spreadNone
		for _, pc := range s {
			if a.prog.Inst[pc].Op == syntax.InstMatch {
				v = spreadAll
			}
		}
	default:
		for d := '0'; d <= '9'; d++ {
			next := a.spread(a.step(s, pos, d), pos+1)
			if d == '0' {
				v = next
			} else if next != v {
				v = spreadMixed
			}
			if v == spreadMixed {
				break
			}
		}
	}
	a.memo[key] = v
	return v
}

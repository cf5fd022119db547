package sample

import (
	"math"
	"math/bits"
	"math/rand/v2"
)

// rng is the generator's single random stream. Every random choice goes
// through it in a fixed order, which is what makes the output a pure
// function of the Config.
type rng struct{ src rand.PCG }

func newRNG(seed uint64) *rng {
	r := &rng{}
	// The second PCG word is a fixed odd constant so that seeds 0, 1, 2…
	// give unrelated streams.
	r.src.Seed(seed, 0x9e3779b97f4a7c15)
	return r
}

func (r *rng) u64() uint64 { return r.src.Uint64() }

// intn returns a uniform int in [0, n); n must be > 0.
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.src.Uint64(), uint64(n))
	return int(hi)
}

// between returns a uniform int in [lo, hi]; hi < lo yields lo.
func (r *rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.intn(hi-lo+1)
}

// float returns a uniform float64 in [0, 1).
func (r *rng) float() float64 { return float64(r.src.Uint64()>>11) / (1 << 53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool {
	if p <= 0 {
		return false
	}
	return r.float() < p
}

// normal returns a standard normal deviate (Box–Muller, one of the pair).
func (r *rng) normal() float64 {
	u := 1 - r.float() // (0, 1]
	v := r.float()
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*v)
}

// pick returns a uniform element of s.
func pick[T any](r *rng, s []T) T { return s[r.intn(len(s))] }

// weighted picks an index by cumulative weights (cum[i] = sum of weights
// 0..i), so tables with skewed popularity cost one binary search.
func (r *rng) weighted(cum []float64) int {
	x := r.float() * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

func cumulative(w []float64) []float64 {
	cum := make([]float64, len(w))
	sum := 0.0
	for i, x := range w {
		sum += x
		cum[i] = sum
	}
	return cum
}

// permutation is an affine bijection of [0, m): x → (a·x + b) mod m with
// gcd(a, m) = 1. It spreads sequential numbers (entity 0, 1, 2…) over a
// space so phone numbers, record ids and name combinations look random
// while staying unique by construction, without remembering what was used.
type permutation struct{ a, b, m uint64 }

func newPermutation(r *rng, m uint64) permutation {
	if m <= 1 {
		return permutation{a: 1, m: 1}
	}
	a := r.u64()%m | 1
	for gcd(a, m) != 1 {
		a = (a + 2) % m
		if a == 0 {
			a = 1
		}
	}
	return permutation{a: a, b: r.u64() % m, m: m}
}

func (p permutation) at(x uint64) uint64 {
	if p.m <= 1 {
		return 0
	}
	hi, lo := bits.Mul64(p.a, x%p.m)
	_, rem := bits.Div64(hi%p.m, lo, p.m)
	return (rem + p.b) % p.m
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

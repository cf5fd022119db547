package normalize

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchmarkDistinctPhones runs Phone over distinct numbers, as an export of
// many customers gives it: the per-string memo cannot help, only the
// per-range verdicts can. Every number is seen once before timing, so the
// figure is the warmed-up cost.
func benchmarkDistinctPhones(b *testing.B, inputs []string) {
	for _, in := range inputs {
		Phone(in, "CN")
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Phone(inputs[i%len(inputs)], "CN")
		i++
	}
}

// distinctPhones writes n different numbers, each in one of the shapes.
func distinctPhones(n int, shapes []func(r *rand.Rand) string) []string {
	r := rand.New(rand.NewPCG(3, 4))
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for len(out) < n {
		s := shapes[len(out)%len(shapes)](r)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func BenchmarkPhoneFixedLine(b *testing.B) {
	shapes := []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return fmt.Sprintf("010-%d", 60000000+r.IntN(30000000)) },
		func(r *rand.Rand) string { return fmt.Sprintf("(0755)8%03d %04d", r.IntN(1000), r.IntN(10000)) },
		func(r *rand.Rand) string { return fmt.Sprintf("0571-8%07d", r.IntN(10000000)) },
		func(r *rand.Rand) string { return fmt.Sprintf("+86 21 6%03d %04d", r.IntN(1000), r.IntN(10000)) },
		func(r *rand.Rand) string { return fmt.Sprintf("86-10-8%07d", r.IntN(10000000)) },
	}
	b.Run("distinct", func(b *testing.B) { benchmarkDistinctPhones(b, distinctPhones(1<<16, shapes)) })
	e164 := []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return fmt.Sprintf("+86755%d", 20000000+r.IntN(70000000)) },
	}
	b.Run("e164", func(b *testing.B) { benchmarkDistinctPhones(b, distinctPhones(1<<16, e164)) })
}

func BenchmarkPhoneNANP(b *testing.B) {
	shapes := []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return fmt.Sprintf("+1 305 %03d %04d", 200+r.IntN(800), r.IntN(10000)) },
		func(r *rand.Rand) string { return fmt.Sprintf("+1 (786) %03d-%04d", 200+r.IntN(800), r.IntN(10000)) },
		func(r *rand.Rand) string { return fmt.Sprintf("+1-415-%03d-%04d", 200+r.IntN(800), r.IntN(10000)) },
	}
	b.Run("distinct", func(b *testing.B) { benchmarkDistinctPhones(b, distinctPhones(1<<16, shapes)) })
	e164 := []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return fmt.Sprintf("+1212%03d%04d", 200+r.IntN(800), r.IntN(10000)) },
	}
	b.Run("e164", func(b *testing.B) { benchmarkDistinctPhones(b, distinctPhones(1<<16, e164)) })
}

func BenchmarkPhoneInternational(b *testing.B) {
	shapes := []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return fmt.Sprintf("+852 2%03d %04d", r.IntN(1000), r.IntN(10000)) },
		func(r *rand.Rand) string { return fmt.Sprintf("+44 20 %04d %04d", r.IntN(10000), r.IntN(10000)) },
		func(r *rand.Rand) string { return fmt.Sprintf("+61 2 8%03d %04d", r.IntN(1000), r.IntN(10000)) },
		func(r *rand.Rand) string { return fmt.Sprintf("0065 9%03d %04d", r.IntN(1000), r.IntN(10000)) },
		func(r *rand.Rand) string { return fmt.Sprintf("(+86)139%08d", r.IntN(100000000)) },
	}
	b.Run("distinct", func(b *testing.B) { benchmarkDistinctPhones(b, distinctPhones(1<<16, shapes)) })
}

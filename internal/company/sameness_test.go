package company

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/parse.golden from today's Parse")

// TestParseGolden holds Parse to what it gave when it was made fast
// (testdata/parse.golden, recorded from the unoptimized Parse): generated
// Chinese and English names, the fuzz seeds, the edge cases below and
// every string of up to three pieces Parse reacts to, each also with its
// Core and Brand parsed again. A deliberate change rewrites it with
// -update; review the diff.
func TestParseGolden(t *testing.T) {
	var b strings.Builder
	for _, in := range goldenInputs(t) {
		fmt.Fprintf(&b, "%s\n", parseLine(in, Parse(in)))
	}
	const path = "testdata/parse.golden"
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(b.String(), "\n")
	sc := bufio.NewScanner(strings.NewReader(string(want)))
	sc.Buffer(nil, 1<<20)
	i := 0
	for sc.Scan() {
		if i >= len(got) || got[i] != sc.Text() {
			g := ""
			if i < len(got) {
				g = got[i]
			}
			t.Fatalf("line %d: Parse gives\n  %s\nthe golden file says\n  %s", i+1, g, sc.Text())
		}
		i++
	}
	if i != len(got)-1 {
		t.Fatalf("golden file has %d lines, Parse gave %d", i, len(got)-1)
	}
}

func parseLine(in string, n Name) string {
	return strings.Join([]string{strconv.Quote(in), strconv.Quote(n.Raw), strconv.Quote(n.Core),
		strconv.Quote(n.Brand), strconv.Quote(n.Region), strconv.Quote(n.Suffix), strconv.FormatBool(n.Branch)}, "\t")
}

// goldenInputs are the names the golden file covers, in a fixed order.
func goldenInputs(t *testing.T) []string {
	inputs := sampleCompanies(t, 300)
	inputs = append(inputs, seedNames...)
	inputs = append(inputs, referenceEdgeCases...)
	tokens := []string{"a", "b", " ", "x1", "公司", "深圳", "市", "(", ")", "inc", ".", "&", "分行", "电子", "co"}
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		inputs = append(inputs, prefix)
		if depth == 0 {
			return
		}
		for _, tok := range tokens {
			walk(prefix+tok, depth-1)
		}
	}
	walk("", 3)
	var out []string
	seen := make(map[string]bool, len(inputs))
	for _, s := range inputs {
		for _, in := range []string{s, Parse(s).Core, Parse(s).Brand} {
			if !seen[in] {
				seen[in] = true
				out = append(out, in)
			}
		}
	}
	return out
}

// referenceEdgeCases are names that reach the less common branches of
// stripping: stacked forms, lone forms, region words inside other words,
// initials, English branches and leading legal forms.
var referenceEdgeCases = []string{
	"", " ", "()", "(有限公司)", "有限公司", "公司", "集团", "控股", "集团有限公司", "控股集团股份有限公司",
	"华强集团股份有限公司", "华强控股集团有限公司", "华强(集团)有限公司", "华强（控股）", "华强(有限合伙)",
	"深圳华强合伙企业(普通合伙)", "华强电子总公司", "华强电子有限公司北京分公司", "华强电子北京分店",
	"招商银行深圳支行", "工商银行分行", "深圳", "深圳市", "深圳市场", "深圳市政工程有限公司", "广州市民服务中心",
	"广西壮族自治区华强有限公司", "新疆维吾尔自治区", "内蒙古华强", "延边朝鲜族自治州华强有限公司", "中国香港华强",
	"北京银行", "深圳大学", "深圳市电子", "深圳电子有限公司", "华", "深圳华", "华强电子科技技术", "信息技术",
	"Acme Inc", "Acme, Inc.", "ACME INCORPORATED", "Acme LLC", "Acme Ltd.", "Acme Limited", "Acme Co., Ltd.",
	"Acme Corp.", "Acme Corporation", "Acme GmbH", "Acme GmbH & Co. KG", "Acme S.A.", "Acme S.à r.l.",
	"Acme Sp. z o.o.", "Acme sp. zoo", "Acme spol. s r.o.", "Acme s.r.o.", "Acme Sp. j.", "Acme Sp. k.",
	"Acme S.L.", "Acme A/S", "Acme A.S.", "Acme AB (publ)", "Acme Oy", "Acme Oyj", "Acme BV", "N.V. Philips",
	"PT Astra International", "The Acme Company", "the", "the inc", "Inc", "Smith & Co", "Smith and Co",
	"Acme Trading", "Acme Trading Company", "Global Trading Group", "Acme Bank", "Shanghai Acme Co Ltd",
	"Shanghai Trading", "Hong Kong Acme Ltd", "Acme Hong Kong", "Acme (Shanghai) Co., Ltd.", "Acme (NYC)",
	"Acme (USA) Inc", "Acme (Holdings)", "Acme [Europe] Ltd", "Acme Branch", "Acme Shanghai Branch",
	"Acme Shanghai Branch Office", "Acme Branch Office", "Akzo Nobel N. V.", "D S M", "a b c d", "x y",
	"华强abc有限公司", "ABC华强", "ＡＢＣ（深圳）有限公司", "Ｓｍｉｔｈ　＆　Ｃｏ", "Müller GmbH", "Søndergaard ApS",
	"Ελληνική Α.Ε.", "ООО Ромашка", "株式会社トヨタ", "Société Générale S.A.", "Acme (", "Acme )", "((深圳))",
	"(深圳)(上海)华强", "华强(深圳)(北京)有限公司", "华强有限公司(深圳)", "深圳市北京华强有限公司",
	"平安保险股份有限公司深圳分公司", "有限公司深圳分公司", "华强集团深圳分公司", "Acme Inc Inc", "Acme Ltd Ltd",
	"恩施土家族苗族自治州华强有限公司", "华强有限公司恩施土家族苗族自治州分公司", "华强电子恩施土家族苗族自治州分店",
	"华强有限公司新疆维吾尔自治区分公司", "华强电子广西壮族自治区(分公司)", "Acme Hong Kong Branch",
	"Acme Hong Kong (Branch)", "Acme Trading Shanghai Branch", "Hong Kong Trading Branch", "Acme Kong Branch",
}

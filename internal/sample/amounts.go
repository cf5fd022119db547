package sample

// amountStyle is one way a money amount is written in an export or sheet.
// Amounts are in one currency throughout (the company's books); symbols
// are decoration, as in real exports.
type amountStyle uint8

const (
	aPlain2     amountStyle = iota // 12345.00
	aPlain                         // 12345 (or 12345.5: trailing zeros dropped)
	aThousands2                    // 12,345.00
	aThousands                     // 12,345
	aYen                           // ¥12,345.00
	aYenWide                       // ￥12,345.00
	aYuan                          // 12345元
	aWan                           // 1.23万 (rounded, as people write it)
	aRMB                           // RMB 12,345.00
	numAmountStyles
)

// appendAmount writes cents in style s.
func appendAmount(b []byte, cents int64, s amountStyle) []byte {
	switch s {
	case aPlain:
		return appendTrimmed(b, cents)
	case aThousands2:
		return appendCents(appendGrouped(b, cents/100), cents)
	case aThousands:
		return appendGrouped(b, (cents+50)/100)
	case aYen:
		return appendCents(appendGrouped(append(b, "¥"...), cents/100), cents)
	case aYenWide:
		return appendCents(appendGrouped(append(b, "￥"...), cents/100), cents)
	case aYuan:
		return append(appendTrimmed(b, cents), "元"...)
	case aWan:
		if cents < 1_000_000 { // below 1万 nobody writes 万
			return append(appendTrimmed(b, cents), "元"...)
		}
		// Two decimals of 万, trailing zeros dropped: 1.23万, 12.3万, 150万.
		hundredths := (cents + 5_000) / 10_000
		return append(appendTrimmed(b, hundredths), "万"...)
	case aRMB:
		return appendCents(appendGrouped(append(b, "RMB "...), cents/100), cents)
	default:
		return appendCents(appendInt(b, int(cents/100)), cents)
	}
}

// appendCents writes ".05" for the cents part.
func appendCents(b []byte, cents int64) []byte {
	return append2(append(b, '.'), int(cents%100))
}

// appendTrimmed writes n/100 with trailing zero decimals removed.
func appendTrimmed(b []byte, n int64) []byte {
	b = appendInt(b, int(n/100))
	c := int(n % 100)
	switch {
	case c == 0:
		return b
	case c%10 == 0:
		return append(b, '.', byte('0'+c/10))
	default:
		return append2(append(b, '.'), c)
	}
}

func appendGrouped(b []byte, n int64) []byte {
	if n < 1000 {
		return appendInt(b, int(n))
	}
	b = appendGrouped(b, n/1000)
	r := int(n % 1000)
	return append(b, ',', byte('0'+r/100), byte('0'+r/10%10), byte('0'+r%10))
}

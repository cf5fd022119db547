package export

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
)

// maxSheetName is Excel's limit, counted in UTF-16 code units as Excel does.
const maxSheetName = 31

// SafeSheetName turns any value (an owner, a tier) into a sheet name Excel
// accepts: at most 31 characters, none of []:*?/\, no apostrophe (Excel
// forbids one at either end, and formulas that name the sheet would need it
// doubled), not blank, not the reserved "History", and unique. taken holds
// the names already used, lower-cased because Excel compares sheet names
// without case; SafeSheetName adds the name it returns. A clash gets " (2)",
// " (3)", … with the name shortened to make room.
func SafeSheetName(name string, taken map[string]bool) string {
	base := cleanSheetName(name)
	if strings.EqualFold(base, "History") {
		base += "_"
	}
	out := base
	for n := 2; taken[strings.ToLower(out)]; n++ {
		suffix := " (" + strconv.Itoa(n) + ")"
		out = truncateUTF16(base, maxSheetName-len(suffix)) + suffix
	}
	taken[strings.ToLower(out)] = true
	return out
}

func cleanSheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`[]:*?/\`, r), unicode.IsControl(r):
			return '_'
		case r == '\'':
			return '’'
		}
		return r
	}, strings.TrimSpace(name))
	name = strings.TrimSpace(truncateUTF16(name, maxSheetName))
	if name == "" {
		return "_"
	}
	return name
}

// truncateUTF16 cuts s to at most n UTF-16 code units, on a rune boundary.
func truncateUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}

// maxFileStem keeps a split file's name well inside every file system's
// 255-byte limit once the CLI adds its prefix and extension.
const maxFileStem = 100

// SafeFileStem turns a split value into a file-name part every operating
// system accepts: no path separators or characters Windows forbids
// (<>:"/\|?*), no control characters, no leading dot, at most 100 bytes, not
// blank, unique without case (macOS and Windows file systems ignore case;
// taken is lower-cased like SafeSheetName's). The CLI builds "out-<stem>.xlsx".
func SafeFileStem(value string, taken map[string]bool) string {
	base := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || unicode.IsControl(r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(value))
	base = strings.TrimLeft(base, ".")
	base = strings.TrimRight(truncateBytes(base, maxFileStem), ". ")
	if base == "" {
		base = "_"
	}
	out := base
	for n := 2; taken[strings.ToLower(out)]; n++ {
		out = base + " (" + strconv.Itoa(n) + ")"
	}
	taken[strings.ToLower(out)] = true
	return out
}

func truncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if i > n {
			break
		}
		cut = i
	}
	return s[:cut]
}

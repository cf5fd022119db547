package cli

import (
	"os"
	"strings"
)

// localeLang is the label language when --lang (or lang: in the config,
// or CRMKIT_LANG) is not set: from the locale, in POSIX order (LC_ALL,
// then LC_MESSAGES, then LANG). A zh_* locale reads Chinese; any other
// named locale (en_US.UTF-8, de_DE) reads English. No locale, or C/POSIX
// (what CI and containers have), keeps crmkit's Chinese default, so
// scripts that relied on it do not change.
func localeLang(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		l := strings.ToLower(strings.TrimSpace(getenv(k)))
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "zh") || l == "c" || l == "posix" || strings.HasPrefix(l, "c.") {
			return "zh"
		}
		return "en"
	}
	return "zh"
}

// langFlagHelp ends the help of every --lang flag.
const langFlagHelp = " (default: from LC_ALL/LANG: zh_* or C → zh, other locales → en)"

// defaultLang is localeLang of this process's environment.
func defaultLang() string { return localeLang(os.Getenv) }

package tabular

import (
	"bytes"
	"io"
	"os"

	"github.com/crmkit/crmkit/internal/errs"
)

const (
	hintLegacyXLS = "open it in Excel or LibreOffice and save as .xlsx (or CSV UTF-8), or run: soffice --headless --convert-to xlsx FILE"
	hintPassword  = "remove the password in Excel (File > Info > Protect Workbook) and save a copy"
)

// encryptionInfoName is the stream name, as UTF-16LE in the compound
// file's directory, that Office puts in a password-protected .xlsx.
var encryptionInfoName = utf16LE("EncryptionInfo")

// oleError explains an OLE2 compound file, which crmkit cannot read: a
// legacy Excel 97-2003 .xls workbook, or an .xlsx that Excel encrypted
// with a password (it wraps the workbook in the same container).
func oleError(path string) error {
	if path == "-" {
		// Only the first bytes of stdin were looked at, so the two cannot
		// be told apart.
		return errs.Dataf(hintLegacyXLS+"; if it has a password, "+hintPassword,
			"the workbook on stdin is a legacy Excel 97-2003 .xls or a password-protected workbook, which crmkit cannot read")
	}
	if hasEncryptionInfo(path) {
		return errs.Dataf(hintPassword, "%s is password-protected", path)
	}
	return errs.Dataf(hintLegacyXLS, "%s is a legacy Excel 97-2003 .xls workbook, which crmkit cannot read", path)
}

// hasEncryptionInfo looks for the EncryptionInfo stream name anywhere in
// the file. The directory can sit anywhere, so this reads the whole file,
// in chunks, but only up to maxWorkbookBytes.
func hasEncryptionInfo(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return containsStream(io.LimitReader(f, maxWorkbookBytes), encryptionInfoName)
}

func containsStream(r io.Reader, pattern []byte) bool {
	buf := make([]byte, 1<<20)
	keep := 0 // bytes carried over so a name split between reads is found
	for {
		n, err := io.ReadFull(r, buf[keep:])
		if bytes.Contains(buf[:keep+n], pattern) {
			return true
		}
		if err != nil {
			return false
		}
		keep = min(len(pattern)-1, keep+n)
		copy(buf, buf[len(buf)-keep:])
	}
}

func utf16LE(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for _, c := range []byte(s) {
		out = append(out, c, 0)
	}
	return out
}

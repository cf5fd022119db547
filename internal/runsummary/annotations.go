package runsummary

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/crmkit/crmkit/internal/errs"
)

// AnnotationFormats are the CI formats --annotations writes.
var AnnotationFormats = []string{"github", "gitlab"}

// DefaultAnnotationCap is how many annotations a run writes before it
// sums up the rest in one: GitHub shows ten per kind on a step and fifty
// per run, and a thousand rejected rows are read in the rejects file, not
// one annotation at a time.
const DefaultAnnotationCap = 50

// Annotation is a finding about a place in an input.
type Annotation struct {
	Level   string // "error" or "warning"
	File    string
	Line    int // 0: the file as a whole
	Title   string
	Message string
}

// Annotator collects annotations up to a cap.
type Annotator struct {
	mu      sync.Mutex
	Format  string
	cap     int
	list    []Annotation
	dropped map[string]int // by title, beyond the cap
	order   []string
}

// NewAnnotator returns an Annotator for format ("github" or "gitlab")
// keeping at most max annotations (DefaultAnnotationCap when max ≤ 0).
func NewAnnotator(format string, max int) (*Annotator, error) {
	if format != "github" && format != "gitlab" {
		return nil, errs.Usagef("pass --annotations github (GitHub Actions) or --annotations gitlab (GitLab Code Quality report)",
			"--annotations %q is not a CI format", format)
	}
	if max <= 0 {
		max = DefaultAnnotationCap
	}
	return &Annotator{Format: format, cap: max, dropped: map[string]int{}}, nil
}

// Add keeps a, or counts it when the cap is reached.
func (a *Annotator) Add(an Annotation) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.list) < a.cap {
		a.list = append(a.list, an)
		return
	}
	if a.dropped[an.Title] == 0 {
		a.order = append(a.order, an.Title)
	}
	a.dropped[an.Title]++
}

// Len is how many annotations were added, kept or not.
func (a *Annotator) Len() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := len(a.list)
	for _, d := range a.dropped {
		n += d
	}
	return n
}

// all is the kept annotations, then one per title saying how many more.
func (a *Annotator) all() []Annotation {
	out := append([]Annotation(nil), a.list...)
	for _, title := range a.order {
		out = append(out, Annotation{Level: "warning", Title: title,
			Message: fmt.Sprintf("%d more not shown (--annotations shows %d); the rejects file and --summary-json have them all", a.dropped[title], a.cap)})
	}
	return out
}

// Write writes the annotations: GitHub workflow commands, one a line, or
// a GitLab Code Quality report (a JSON array).
func (a *Annotator) Write(w io.Writer) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.Format == "gitlab" {
		return a.writeGitLab(w)
	}
	var b strings.Builder
	for _, an := range a.all() {
		b.WriteString("::")
		b.WriteString(an.Level)
		var props []string
		if an.File != "" {
			props = append(props, "file="+escapeProperty(an.File))
			if an.Line > 0 {
				props = append(props, "line="+strconv.Itoa(an.Line))
			}
		}
		if an.Title != "" {
			props = append(props, "title="+escapeProperty(an.Title))
		}
		if len(props) > 0 {
			b.WriteString(" " + strings.Join(props, ","))
		}
		b.WriteString("::")
		b.WriteString(escapeData(an.Message))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message as the Actions toolkit
// does.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

type codeQuality struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

func (a *Annotator) writeGitLab(w io.Writer) error {
	out := []codeQuality{}
	for _, an := range a.all() {
		var c codeQuality
		c.Description = an.Message
		if an.Title != "" {
			c.Description = an.Title + ": " + an.Message
		}
		c.CheckName = "crmkit/" + strings.ReplaceAll(strings.ToLower(an.Title), " ", "-")
		c.Severity = "minor"
		if an.Level == "error" {
			c.Severity = "major"
		}
		c.Location.Path = an.File
		c.Location.Lines.Begin = max(an.Line, 1)
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d\x00%s\x00%s", an.File, an.Line, an.Title, an.Message)))
		c.Fingerprint = hex.EncodeToString(sum[:16])
		out = append(out, c)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// Package outset owns every file one crmkit run writes: the main output
// and the side files (rejects, review, explain, audit, …). A run adds each
// output once; the set refuses an output that is also an input, two
// outputs on one file and two outputs on stdout, creates missing folders,
// opens each file when its first byte comes, and commits all of them or
// none: a failed run leaves no file changed and no folder it made.
package outset

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/crmkit/crmkit/internal/atomicfile"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/tabular"
)

// Set is the outputs of one run.
type Set struct {
	// OnCommit, when set, sees the files written once they are in place.
	OnCommit func(written []*File)
	// OnRow, when set, sees every CSV row written to a side file (the
	// rejected rows --annotations reports).
	OnRow    func(f *File, row []string)
	stdout   io.Writer
	inputs   []string
	files    []*File
	stdoutBy string   // the flag whose output goes to stdout
	made     []string // folders created for the outputs, outermost first
	done     bool
}

// New starts a set writing to stdout for "-" and refusing the inputs.
func New(stdout io.Writer, inputs ...string) *Set {
	return &Set{stdout: stdout, inputs: inputs}
}

// AddInputs refuses more paths as outputs (a fold's master, say).
func (s *Set) AddInputs(paths ...string) { s.inputs = append(s.inputs, paths...) }

// IsInput reports whether path is one of the inputs.
func (s *Set) IsInput(path string) bool {
	for _, in := range s.inputs {
		if SameFile(path, in) {
			return true
		}
	}
	return false
}

// Kind says when a file is written.
type Kind int

const (
	// Always is written even when nothing was written to it (the main
	// output, a side file the user named).
	Always Kind = iota
	// IfWritten is created only when a row comes (a default rejects file),
	// so a run that rejected nothing never creates or truncates one.
	IfWritten
	// Replace is created when a row comes, or when a file from an earlier
	// run is at the path: it is replaced by the header alone, so it never
	// describes another run (a rejects file the user named).
	Replace
)

// File is one output: stdout or a file written atomically.
type File struct {
	set    *Set
	Flag   string // how the user chose it, for messages: "-o", "--rejects", "pipeline.audit"
	Path   string // "-" for stdout
	kind   Kind
	af     *atomicfile.File
	w      io.Writer
	header []string
	csv    *tabular.CSVWriter
	rows   int
	failed error
	// syncing is set while a SyncAhead runs.
	syncing atomic.Bool
}

// Stdout reports whether f writes to stdout.
func (f *File) Stdout() bool { return f.Path == "-" }

// Rows is how many rows were written through WriteRow.
func (f *File) Rows() int { return f.rows }

// Add registers an output. path "" or "-" is stdout. hint tells how to
// choose another path, for the errors.
func (s *Set) Add(flag, path string, kind Kind) (*File, error) {
	if path == "" {
		path = "-"
	}
	if path == "-" {
		if s.stdoutBy != "" {
			return nil, errs.Usagef("send one of them to a file, e.g. "+flag+" "+suggest(flag),
				"%s and %s both write to stdout", s.stdoutBy, flagOf(flag, "-"))
		}
		s.stdoutBy = flagOf(flag, "-")
	} else {
		// A folder is refused before any work, not after the run with a
		// hint about disk space (issue 18).
		if err := atomicfile.Check(path); errors.Is(err, atomicfile.ErrIsDir) {
			return nil, errs.Usage(err, "name a file, e.g. "+flagName(flag)+" "+filepath.Join(path, "customers.csv"))
		}
		if s.IsInput(path) {
			return nil, errs.Usagef(fmt.Sprintf("write to a new file, e.g. %s %s", flagName(flag), Suffixed(path, ".clean")),
				"%s %s is also an input", flagLabel(flag), path)
		}
		for _, o := range s.files {
			if !o.Stdout() && SameFile(path, o.Path) {
				if o.Flag == "-o" || o.Flag == "pipeline.output" {
					return nil, errs.Usagef("pass another path to "+flag, "%s %s is also the output", flag, path)
				}
				return nil, errs.Usagef("give each output its own file", "%s and %s both write %s", flagLabel(o.Flag), flagLabel(flag), path)
			}
		}
	}
	f := &File{set: s, Flag: flag, Path: path, kind: kind}
	s.files = append(s.files, f)
	return f, nil
}

// AddCSV registers a CSV side file whose header is written with the first
// row (or at commit, when kind is Always).
func (s *Set) AddCSV(flag, path string, header []string, kind Kind) (*File, error) {
	f, err := s.Add(flag, path, kind)
	if err != nil {
		return nil, err
	}
	f.header = header
	return f, nil
}

// SetHeader sets a CSV file's header, before its first row.
func (f *File) SetHeader(h []string) { f.header = h }

func flagOf(flag, path string) string {
	if strings.HasPrefix(flag, "-") {
		return flag + " " + path
	}
	return flag
}

// flagName is the flag or setting as the user would write it.
func flagName(flag string) string {
	if strings.HasPrefix(flag, "-") {
		return flag
	}
	return flag + ":"
}

func flagLabel(flag string) string {
	if flag == "-o" {
		return "output"
	}
	return flag
}

func suggest(flag string) string {
	name := strings.TrimLeft(flag, "-")
	if name == "o" || name == "" {
		name = "out"
	}
	return name + ".csv"
}

// Write writes to the file, opening it on the first call.
func (f *File) Write(p []byte) (int, error) {
	if err := f.open(); err != nil {
		return 0, err
	}
	return f.w.Write(p)
}

// WriteRow writes a CSV row (after the header, on the first row).
func (f *File) WriteRow(row []string) error {
	if f.csv == nil {
		if err := f.open(); err != nil {
			return err
		}
		cw, err := tabular.NewCSVWriter(f.w, ',', false)
		if err != nil {
			return err
		}
		f.csv = cw
		if f.header != nil {
			if err := cw.Write(f.header); err != nil {
				return errs.Data(err, "check free disk space")
			}
		}
	}
	f.rows++
	if f.set.OnRow != nil {
		f.set.OnRow(f, row)
	}
	return errs.Data(f.csv.Write(row), "check free disk space")
}

func (f *File) open() error {
	if f.w != nil || f.failed != nil {
		return f.failed
	}
	if f.set.done {
		return fmt.Errorf("outset: %s written after commit", f.Path)
	}
	if f.Stdout() {
		f.w = f.set.stdout
		return nil
	}
	made, err := makeDirs(filepath.Dir(f.Path))
	f.set.made = append(f.set.made, made...)
	if err == nil {
		f.af, err = atomicfile.Create(f.Path)
	}
	if err != nil {
		f.failed = errs.Data(err, "check that you can write there, or pass another path to "+flagName(f.Flag))
		return f.failed
	}
	f.w = f.af
	return nil
}

// Commit finishes every file (the headers of Always files that got no
// row), then renames them all into place; on the first error the rest is
// discarded.
func (s *Set) Commit() error {
	for _, f := range s.files {
		if f.csv == nil && f.header != nil && (f.kind == Always || f.kind == Replace && exists(f.Path)) {
			if err := f.open(); err != nil {
				s.Abort()
				return err
			}
			cw, err := tabular.NewCSVWriter(f.w, ',', false)
			if err == nil {
				f.csv = cw
				err = cw.Write(f.header)
			}
			if err != nil {
				s.Abort()
				return errs.Data(err, "check free disk space")
			}
		}
		if f.w == nil && f.kind == Always {
			if err := f.open(); err != nil {
				s.Abort()
				return err
			}
		}
		if f.csv != nil {
			if err := f.csv.Flush(); err != nil {
				s.Abort()
				return errs.Data(err, "check free disk space")
			}
		}
	}
	for _, f := range s.files {
		if f.af != nil {
			if err := f.af.Commit(); err != nil {
				s.Abort()
				if errors.Is(err, context.Canceled) {
					return err // interrupted: nothing written, on purpose
				}
				return errs.Data(err, "check free disk space and permissions")
			}
		}
	}
	s.done = true
	if s.OnCommit != nil {
		s.OnCommit(s.Written())
	}
	return nil
}

// Abort discards every file not committed and the folders made for them.
// It is safe after Commit.
func (s *Set) Abort() {
	if s.done {
		return
	}
	s.done = true
	for _, f := range s.files {
		if f.af != nil {
			f.af.Abort()
		}
	}
	for i := len(s.made) - 1; i >= 0; i-- {
		os.Remove(s.made[i]) // only when still empty
	}
}

// Written lists the files the set wrote, in the order they were added.
func (s *Set) Written() []*File {
	var out []*File
	for _, f := range s.files {
		if f.af != nil || (f.Stdout() && f.w != nil) {
			out = append(out, f)
		}
	}
	return out
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// makeDirs creates dir and its missing parents, returning the folders it
// made, outermost first.
func makeDirs(dir string) ([]string, error) {
	var missing []string
	for d := dir; d != "." && d != "/" && d != ""; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		missing = append([]string{d}, missing...)
	}
	for i, d := range missing {
		if err := os.Mkdir(d, 0o755); err != nil && !os.IsExist(err) {
			return missing[:i], err
		}
	}
	return missing, nil
}

// SameFile reports whether two paths name one file: the same absolute
// path, or (through links, ./ and ../) the same existing file. "-" is
// stdin/stdout, never a file.
func SameFile(a, b string) bool {
	if a == "" || b == "" || a == "-" || b == "-" {
		return false
	}
	aa, err1 := filepath.Abs(a)
	ba, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == ba {
		return true
	}
	as, err1 := os.Stat(a)
	bs, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(as, bs)
}

// Suffixed inserts suffix before the extension: a.csv → a.clean.csv.
func Suffixed(path, suffix string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + suffix + ext
}

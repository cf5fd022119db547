// Package iostreams carries the standard streams down to the commands, so
// that nothing reaches for os.Stdout and tests can run commands with fake IO.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the streams a command uses: data on Out, humans on ErrOut.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	StdoutTTY bool
	StderrTTY bool
	NoColor   bool
}

// System returns the process's streams. When stdin or stdout is a pipe
// (one crmkit command feeding the next), its buffer is widened first.
func System() *IOStreams {
	widenPipes()
	_, noColor := os.LookupEnv("NO_COLOR")
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		StdoutTTY: isTerminal(os.Stdout), StderrTTY: isTerminal(os.Stderr),
		NoColor: noColor,
	}
}

// Test returns streams backed by buffers: stdin, stdout, stderr.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// isTerminal reports whether f is a character device (a terminal), which is
// all crmkit needs to choose between tables and TSV, or to show progress.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// TerminalWidth returns the width of the terminal on stdout, or 0 when
// stdout is not a terminal (tables are then not wrapped).
func (s *IOStreams) TerminalWidth() int {
	if !s.StdoutTTY {
		return 0
	}
	if f, ok := s.Out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

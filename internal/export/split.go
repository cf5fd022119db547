package export

import (
	"errors"
	"fmt"
	"strings"
)

// Sink is what CSV and XLSX have in common.
type Sink interface {
	Write(row []string) error
	Close() error
}

// SplitFiles sends each row to one file per value of Options.SplitBy
// (--split-files), opening each file when its value is first seen.
type SplitFiles struct {
	p     *plan
	open  func(value, stem string) (Sink, error)
	sinks map[string]Sink
	order []string
	stems map[string]bool
}

// NewSplitFiles routes rows by opts.SplitBy. open makes the writer for a
// value: value is as a person reads it (masked when the column is, the
// blank word for an empty value), stem is a safe, unique file-name part
// (see SafeFileStem). open should build its writer with SplitBy unset and,
// for XLSX, Spool set: many workbooks are open at once and each must keep
// its rows on disk.
func NewSplitFiles(cols []Column, opts Options, open func(value, stem string) (Sink, error)) (*SplitFiles, error) {
	if opts.SplitBy == "" {
		return nil, errors.New("export: split files need a column to split by")
	}
	p, err := newPlan(cols, opts)
	if err != nil {
		return nil, err
	}
	return &SplitFiles{p: p, open: open, sinks: map[string]Sink{}, stems: map[string]bool{}}, nil
}

// Write sends row to its value's file.
func (s *SplitFiles) Write(row []string) error {
	if err := s.p.checkRow(row); err != nil {
		return err
	}
	value := s.p.splitValue(row)
	sink := s.sinks[value]
	if sink == nil {
		// A copy: the row's strings may share a block of the reader's text
		// with many other rows, which the key would keep in memory.
		value = strings.Clone(value)
		var err error
		if sink, err = s.open(value, SafeFileStem(value, s.stems)); err != nil {
			return fmt.Errorf("cannot open the file for %q: %w", value, err)
		}
		s.sinks[value] = sink
		s.order = append(s.order, value)
	}
	return sink.Write(row)
}

// Values returns the split values seen, in order of first appearance.
func (s *SplitFiles) Values() []string { return s.order }

// Close closes every file; the first error wins, but all are closed.
func (s *SplitFiles) Close() error {
	var first error
	for _, v := range s.order {
		if err := s.sinks[v].Close(); err != nil && first == nil {
			first = fmt.Errorf("cannot finish the file for %q: %w", v, err)
		}
	}
	return first
}

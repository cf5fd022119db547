package sample

import (
	"bufio"
	"encoding/csv"
	"io"
)

// WriteCSV writes a sample as CSV (UTF-8, comma, "\n", quoting as needed):
// the header, then cfg.N rows. When truth is not nil it receives
// "id,entity_id" and one line per row in the same order, the format of
// the entity-resolution benchmarks' truth files.
func WriteCSV(w io.Writer, cfg Config, truth io.Writer) error {
	g, err := New(cfg)
	if err != nil {
		return err
	}
	out, err := newSampleCSV(w, g.Header(), truth)
	if err != nil {
		return err
	}
	idCol := g.idColumn()
	for {
		row, entity, ok := g.Next()
		if !ok {
			break
		}
		if err := out.write(row, row[idCol], entity); err != nil {
			return err
		}
	}
	return out.close()
}

// sampleCSV writes a sample's rows as CSV and, when there is a truth
// writer, its id,entity_id lines.
type sampleCSV struct {
	bw  *bufio.Writer
	out *csv.Writer
	tw  *bufio.Writer
}

func newSampleCSV(w io.Writer, header []string, truth io.Writer) (*sampleCSV, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	s := &sampleCSV{bw: bw, out: csv.NewWriter(bw)}
	if err := s.out.Write(header); err != nil {
		return nil, err
	}
	if truth != nil {
		s.tw = bufio.NewWriterSize(truth, 64<<10)
		if _, err := s.tw.WriteString("id,entity_id\n"); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *sampleCSV) write(row []string, id, entity string) error {
	if err := s.out.Write(row); err != nil {
		return err
	}
	if s.tw != nil {
		// Ids and entity ids never need CSV quoting: they are
		// letters and digits.
		s.tw.WriteString(id)
		s.tw.WriteByte(',')
		s.tw.WriteString(entity)
		if err := s.tw.WriteByte('\n'); err != nil {
			return err
		}
	}
	return nil
}

func (s *sampleCSV) close() error {
	s.out.Flush()
	if err := s.out.Error(); err != nil {
		return err
	}
	if err := s.bw.Flush(); err != nil {
		return err
	}
	if s.tw != nil {
		return s.tw.Flush()
	}
	return nil
}

// idColumn is the position of the record id in the header.
func (g *Generator) idColumn() int {
	for col, cell := range g.layout {
		if cell == 0 {
			return col
		}
	}
	return 0
}

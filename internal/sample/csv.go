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
	bw := bufio.NewWriterSize(w, 256<<10)
	out := csv.NewWriter(bw)
	if err := out.Write(g.Header()); err != nil {
		return err
	}
	var tw *bufio.Writer
	if truth != nil {
		tw = bufio.NewWriterSize(truth, 64<<10)
		if _, err := tw.WriteString("id,entity_id\n"); err != nil {
			return err
		}
	}
	idCol := g.idColumn()
	for {
		row, entity, ok := g.Next()
		if !ok {
			break
		}
		if err := out.Write(row); err != nil {
			return err
		}
		if tw != nil {
			// Ids and entity ids never need CSV quoting: they are
			// letters and digits.
			tw.WriteString(row[idCol])
			tw.WriteByte(',')
			tw.WriteString(entity)
			if err := tw.WriteByte('\n'); err != nil {
				return err
			}
		}
	}
	out.Flush()
	if err := out.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if tw != nil {
		return tw.Flush()
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

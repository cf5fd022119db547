package export

import (
	"bytes"
	"hash/crc32"
	"io"
	"runtime"
	"sync"

	"github.com/klauspost/compress/flate"
)

// deflateChunk is how much XML one compressor takes at a time. Each chunk
// is compressed on its own (no dictionary carried over), so the output
// depends only on the bytes written, never on how many workers ran; 1 MiB
// keeps the ratio within a fraction of a percent of one long stream.
const deflateChunk = 1 << 20

// parallelDeflate compresses a stream as raw deflate on every core: chunks
// go to workers and come back in order to w. The compressor is
// klauspost/compress's, whose fastest level takes about 40% of the time of
// the standard library's for the same size on sheet XML. Each chunk but the last ends
// in a sync flush (byte-aligned, not final), so the concatenation is one
// valid deflate stream that any zip reader inflates as usual.
type parallelDeflate struct {
	w    io.Writer
	buf  []byte
	crc  uint32
	size uint64

	queue   chan *dchunk // to the workers
	ordered chan *dchunk // to the writer, in the order written
	free    chan []byte  // chunk buffers the writer is done with
	done    chan struct{}
	workers sync.WaitGroup
	mu      sync.Mutex
	err     error // the first failed write to w
	closed  bool
}

type dchunk struct {
	in    []byte
	out   bytes.Buffer
	last  bool
	ready chan struct{}
}

func newParallelDeflate(w io.Writer) *parallelDeflate {
	n := runtime.GOMAXPROCS(0)
	d := &parallelDeflate{
		w:       w,
		buf:     make([]byte, 0, deflateChunk),
		queue:   make(chan *dchunk, n),
		ordered: make(chan *dchunk, 2*n+1),
		free:    make(chan []byte, 3*n+2),
		done:    make(chan struct{}),
	}
	for range n {
		d.workers.Add(1)
		go d.work()
	}
	go d.writeOut()
	return d
}

func (d *parallelDeflate) work() {
	defer d.workers.Done()
	fw, _ := flate.NewWriter(nil, flate.BestSpeed) // the level is valid
	for c := range d.queue {
		fw.Reset(&c.out)
		_, _ = fw.Write(c.in) // writes to a bytes.Buffer do not fail
		if c.last {
			_ = fw.Close()
		} else {
			_ = fw.Flush()
		}
		close(c.ready)
	}
}

func (d *parallelDeflate) writeOut() {
	defer close(d.done)
	for c := range d.ordered {
		<-c.ready
		if d.failed() == nil {
			if _, err := d.w.Write(c.out.Bytes()); err != nil {
				d.mu.Lock()
				d.err = err
				d.mu.Unlock()
			}
		}
		select {
		case d.free <- c.in[:0]:
		default:
		}
	}
}

// Write takes uncompressed bytes; it fails only once the output has.
func (d *parallelDeflate) Write(p []byte) (int, error) {
	n := len(p)
	d.crc = crc32.Update(d.crc, crc32.IEEETable, p)
	d.size += uint64(n)
	for len(p) > 0 {
		k := min(len(p), deflateChunk-len(d.buf))
		d.buf = append(d.buf, p[:k]...)
		p = p[k:]
		if len(d.buf) == deflateChunk {
			d.submit(false)
		}
	}
	return n, d.failed()
}

func (d *parallelDeflate) failed() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

func (d *parallelDeflate) submit(last bool) {
	c := &dchunk{in: d.buf, last: last, ready: make(chan struct{})}
	d.ordered <- c
	d.queue <- c
	if !last {
		select {
		case d.buf = <-d.free:
		default:
			d.buf = make([]byte, 0, deflateChunk)
		}
	}
}

// Close compresses what is left, ends the stream and waits for it to be
// written.
func (d *parallelDeflate) Close() error {
	if d.closed {
		return d.err
	}
	d.closed = true
	d.submit(true)
	close(d.queue)
	close(d.ordered)
	d.workers.Wait()
	<-d.done
	return d.failed()
}

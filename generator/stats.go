package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// buildStats collects the time of each phase of a build and the process's
// peak memory after it, for the report a build prints.
type buildStats struct {
	rows      []statRow
	fromCache int // reports whose stages were skipped
}

type statRow struct {
	name string
	took time.Duration
	peak int64 // bytes, peak resident set so far
}

func (b *buildStats) phase(name string, took time.Duration) {
	if b == nil {
		return
	}
	b.rows = append(b.rows, statRow{name, took, peakMemory()})
}

func (b *buildStats) print(w io.Writer, pages int) {
	fmt.Fprintf(w, "%-8s %9s %9s\n", "stage", "time", "peak MB")
	for _, r := range b.rows {
		fmt.Fprintf(w, "%-8s %8.2fs %9d\n", r.name, r.took.Seconds(), r.peak>>20)
	}
	if pages >= 0 {
		fmt.Fprintf(w, "pages written: %d (per-report stages are summed over workers)\n", pages)
	} else {
		fmt.Fprintln(w, "(per-report stages are summed over workers)")
	}
}

// peakMemory is the process's peak resident set (VmHWM) where Linux tells
// it, else the memory the Go runtime has obtained from the system.
func peakMemory() int64 {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
				if err == nil {
					return kb << 10
				}
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys)
}

// countPages counts the HTML pages of a built site.
func countPages(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return nil
	})
	return n
}

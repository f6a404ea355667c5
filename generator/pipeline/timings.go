package pipeline

import (
	"sync"
	"time"
)

// Stages, in pipeline order, for timings.
const (
	StageSource  = "source"
	StageClean   = "clean"
	StageScript  = "script"
	StagePlace   = "place"
	StageExtract = "extract"
)

// Stages lists the per-report stages in order.
var Stages = []string{StageSource, StageClean, StageScript, StagePlace, StageExtract}

// Timings sums the time each stage took over all reports (CPU time across
// workers, not wall time) and counts cache hits. Safe for concurrent use.
type Timings struct {
	mu   sync.Mutex
	d    map[string]time.Duration
	hits int
}

func NewTimings() *Timings { return &Timings{d: map[string]time.Duration{}} }

func (t *Timings) Add(stage string, d time.Duration) {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.d[stage] += d
	t.mu.Unlock()
}

func (t *Timings) Hit() {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.hits++
	t.mu.Unlock()
}

// Get returns the time summed for a stage.
func (t *Timings) Get(stage string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.d[stage]
}

// Hits is how many reports came from the cache.
func (t *Timings) Hits() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.hits
}

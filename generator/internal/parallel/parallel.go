// Package parallel runs independent work items on every core. Each item
// writes only its own result slot, so the output does not depend on the
// order the items finish in.
package parallel

import (
	"runtime"
	"sync"
)

// For calls fn(i) for every i in [0, n), on GOMAXPROCS goroutines, and
// returns when all calls have returned.
func For(n int, fn func(i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				fn(i)
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

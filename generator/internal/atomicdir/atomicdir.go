// Package atomicdir builds a folder's next version beside it and puts it in
// place in one step, so a reader (a web server, a second build, a person)
// sees the old folder or the new, never a mixture and never nothing.
//
// A stage is a folder named ".<target>-new-<pid>-<random>" in the target's
// parent. Stages of processes that are no longer running (a build killed
// by SIGKILL, a machine that lost power) are removed by the next Stage for
// the same target; stages of this process are removed when it is stopped
// by SIGINT or SIGTERM.
package atomicdir

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// Stage makes an empty folder beside target for its next version, after
// removing the stages earlier processes left there.
func Stage(target string) (string, error) {
	parent, base := filepath.Split(filepath.Clean(target))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	RemoveStale(target)
	watchSignals()
	dir, err := os.MkdirTemp(parent, stagePrefix(base)+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return "", err
	}
	track(dir)
	return dir, nil
}

// stagePrefix is the start of every stage's name for a target named base.
// ".public-new-" was also the name of stages before they carried a pid.
func stagePrefix(base string) string { return "." + base + "-new-" }

// RemoveStale removes the stages of target left by processes that are not
// running, and the "<target>.old" folder two-rename swaps used to leave. It
// says which it removed.
func RemoveStale(target string) []string {
	parent, base := filepath.Split(filepath.Clean(target))
	if parent == "" {
		parent = "."
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, stagePrefix(base))
		if !ok || !e.IsDir() {
			continue
		}
		if pid, _, ok := strings.Cut(rest, "-"); ok {
			if n, err := strconv.Atoi(pid); err == nil && running(n) {
				continue
			}
		}
		if os.RemoveAll(filepath.Join(parent, name)) == nil {
			removed = append(removed, name)
		}
	}
	if old := filepath.Join(parent, base+".old"); isDir(old) && os.RemoveAll(old) == nil {
		removed = append(removed, base+".old")
	}
	return removed
}

func isDir(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.IsDir()
}

// Commit puts stage in target's place in one rename (exchanging the two
// when target exists) and then removes the previous version. The previous
// version is gone only once the new one is in place: a crash in between
// leaves the old one under the stage's name, for the next Stage to remove.
func Commit(stage, target string) error {
	if err := exchange(stage, target); err != nil {
		return fmt.Errorf("putting %s in place of %s: %w", stage, target, err)
	}
	// stage now holds the previous version (or nothing, on a first build).
	err := os.RemoveAll(stage)
	untrack(stage)
	return err
}

// Remove removes a stage that will not be committed (or whose files were
// moved out of it one by one).
func Remove(stage string) {
	os.RemoveAll(stage)
	untrack(stage)
}

var (
	mu     sync.Mutex
	stages = map[string]bool{}
	once   sync.Once
)

func track(dir string) {
	mu.Lock()
	stages[dir] = true
	mu.Unlock()
}

func untrack(dir string) {
	mu.Lock()
	delete(stages, dir)
	mu.Unlock()
}

// watchSignals makes SIGINT and SIGTERM remove this process's stages
// before the process ends with the signal's usual status (128+n). Hugo may
// still be writing into a stage while it is removed; whatever it writes
// after that is removed by the next build (this process is no longer
// running then).
func watchSignals() {
	once.Do(func() {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM)
		go func() {
			sig := <-ch
			mu.Lock()
			for dir := range stages {
				os.RemoveAll(dir)
			}
			mu.Unlock()
			code := 1
			if s, ok := sig.(syscall.Signal); ok {
				code = 128 + int(s)
			}
			fmt.Fprintf(os.Stderr, "generator: stopped by %v; unfinished output removed\n", sig)
			os.Exit(code)
		}()
	})
}

package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"time"

	"github.com/eduportal/portal/generator/site"
	"github.com/eduportal/portal/generator/synth"
)

// runBench measures the generator at scale: it writes a synthetic corpus of
// N reports into a copy of the site's inputs, runs the generator's stages on
// it from scratch (no cache), then renders the same generated content with
// Hugo alone, in the same process, and prints the ratio of the two.
func runBench(args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	n := fs.Int("reports", 500, "number of synthetic reports")
	seed := fs.Int64("seed", 1, "seed of the synthetic corpus")
	keep := fs.Bool("keep", false, "keep the temporary site (its path is printed)")
	metrics := fs.Bool("template-metrics", false, "print Hugo's time per template (slows Hugo down a lot)")
	hugoProfile := fs.String("hugo-cpuprofile", "", "write a CPU profile of the Hugo run to this file")
	dir := fs.String("dir", memoryTempDir(), "folder for the temporary site")
	incremental := fs.Bool("incremental", true, "then time adding one report to the cached corpus")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(*dir, "eduportal-bench-")
	if err != nil {
		return err
	}
	if *keep {
		fmt.Fprintln(os.Stderr, "bench site:", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	if err := copySiteInputs(root, tmp); err != nil {
		return err
	}
	env, err := synth.LoadEnv(root)
	if err != nil {
		return err
	}
	t := time.Now()
	if err := synth.Write(filepath.Join(tmp, "data", "sources"), *n, *seed, env); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "synthesised %d reports in %.2fs\n", *n, time.Since(t).Seconds())

	stats := &buildStats{}
	t = time.Now()
	if err := generate(tmp, generateOptions{noCache: true, stats: stats}); err != nil {
		return err
	}
	gen := time.Since(t)

	var diagnose []string
	if *metrics {
		diagnose = append(diagnose, "--templateMetrics", "--templateMetricsHints")
	}
	if *hugoProfile != "" {
		diagnose = append(diagnose, "--profile-cpu", *hugoProfile)
	}
	t = time.Now()
	public := filepath.Join(tmp, "public")
	if err := site.Render(site.Options{Root: tmp, Diagnose: diagnose}, public); err != nil {
		return err
	}
	hugo := time.Since(t)
	stats.phase("hugo", hugo)
	pages := countPages(public)
	stats.print(os.Stderr, pages)
	peak := peakMemory() // of the measured run, before the cache is filled
	if *incremental {
		if err := benchIncremental(tmp, *n, *seed, env); err != nil {
			return err
		}
	}
	fmt.Printf("bench: %d reports, %d pages, generator %.2f s, hugo %.2f s, ratio %.3f, peak %d MB\n",
		*n, pages, gen.Seconds(), hugo.Seconds(), gen.Seconds()/hugo.Seconds(), peak>>20)
	return nil
}

// benchIncremental fills the pipeline cache with the corpus of n reports in
// root, adds report n, and times the build that follows: only the new
// report's stages should run.
func benchIncremental(root string, n int, seed int64, env synth.Env) error {
	if err := generate(root, generateOptions{}); err != nil {
		return err
	}
	if err := synth.Write(filepath.Join(root, "data", "sources"), n+1, seed, env); err != nil {
		return err
	}
	// Timed in a fresh process, as an editor's build runs: this one holds
	// Hugo's memory, which would slow the collector down; what it can
	// hand back to the system it hands back first.
	debug.FreeOSMemory()
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	var log bytes.Buffer
	cmd := exec.Command(exe, "generate")
	cmd.Dir = root
	cmd.Stderr = &log
	t := time.Now()
	err = cmd.Run()
	took := time.Since(t)
	if err != nil {
		return fmt.Errorf("incremental build: %v\n%s", err, log.Bytes())
	}
	cached := "?"
	if m := regexp.MustCompile(`"from cache"=(\d+)`).FindSubmatch(log.Bytes()); m != nil {
		cached = string(m[1])
	}
	fmt.Fprintf(os.Stderr, "incremental: one report added to %d: generator %.2f s (a fresh process), %s of %d reports from cache\n",
		n, took.Seconds(), cached, n+1)
	if i := bytes.Index(log.Bytes(), []byte("stage ")); i >= 0 {
		os.Stderr.Write(log.Bytes()[i:])
	}
	return nil
}

// memoryTempDir is where bench builds by default: a RAM-backed folder when
// the machine has one. Both the generator and Hugo write hundreds of
// megabytes; on a virtual disk their time then measures the disk — the
// same 14,000 files took 4 to 21 s to write here from one run to the next —
// and the ratio is meant to compare the work the two programs do.
func memoryTempDir() string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		return "/dev/shm"
	}
	return os.TempDir()
}

// copySiteInputs copies what a build reads — hugo.toml, layouts, static and
// the hand-written data — from the repository at src to dst, leaving out
// the reports and the generated files, so a build there starts from its
// own reports.
func copySiteInputs(src, dst string) error {
	for _, name := range []string{"hugo.toml", "layouts", "static", "data"} {
		err := filepath.WalkDir(filepath.Join(src, name), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, path)
			if rel == filepath.Join("data", "generated") || rel == filepath.Join("data", "sources") {
				return filepath.SkipDir
			}
			target := filepath.Join(dst, rel)
			if d.IsDir() {
				return os.MkdirAll(target, 0o755)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(target, b, 0o644)
		})
		if err != nil {
			return err
		}
	}
	// The editors' corrections are about the reports left behind: a copy
	// without them has none (an entry for a missing report is an error).
	if err := os.WriteFile(filepath.Join(dst, "data", "corrections.yaml"), []byte("[]\n"), 0o644); err != nil {
		return err
	}
	// The generator's code is part of the pipeline's fingerprint, and
	// repoRoot-style lookups expect the folder; an empty one will do.
	if err := os.MkdirAll(filepath.Join(dst, "data", "sources"), 0o755); err != nil {
		return err
	}
	return os.MkdirAll(filepath.Join(dst, "generator"), 0o755)
}

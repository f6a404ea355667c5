package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/publish"
	"github.com/eduportal/portal/generator/site"
	"github.com/eduportal/portal/generator/source"
	"github.com/eduportal/portal/generator/verify"
)

// generateOptions are the knobs of one pipeline run.
type generateOptions struct {
	noCache bool
	stats   *buildStats // nil: no stage report
}

// generate runs the pipeline over every report and writes content/ and
// data/generated/. Nothing is written unless every report went through.
func generate(root string, opt generateOptions) error {
	start := time.Now()
	// Everything a build makes stays reachable until it is written — the
	// reports, the rows, the site's files — so the collector, at its
	// default pace, scans that growing heap again and again for little
	// garbage (a tenth of the generator's time at 2,000 reports). It runs
	// less often while the pipeline runs, and at its usual pace again for
	// Hugo. Only in a process's first build: after Hugo has run (serve's
	// rebuilds, bench's second run) the runtime still holds Hugo's memory,
	// and the heap at that pace reached 9–13 GB at 2,000 reports instead
	// of 4. GOGC, when set, is the caller's choice and is left alone.
	if os.Getenv("GOGC") == "" && !generatedBefore.Swap(true) {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	// The reports are read on the other cores while the dictionaries and
	// the gazetteer load on one.
	type loaded struct {
		srcs []source.Report
		took time.Duration
		err  error
	}
	sources := make(chan loaded, 1)
	go func() {
		t := time.Now()
		srcs, err := pipeline.LoadSources(root)
		sources <- loaded{srcs, time.Since(t), err}
	}()
	env, err := pipeline.LoadEnv(root)
	src := <-sources
	if err != nil {
		return err
	}
	if src.err != nil {
		return src.err
	}
	env.Timings.Add(pipeline.StageSource, src.took)
	opt.stats.phase("load", time.Since(start))
	if !opt.noCache {
		env.Cache = &pipeline.Cache{Dir: filepath.Join(root, ".cache", "pipeline")}
	}
	conv := env.Converter
	reports, err := pipeline.RunOn(env, src.srcs)
	if err != nil {
		return err
	}
	if err := pipeline.CheckCorrections(filepath.Join(root, "data", "corrections.yaml"), env.Corrections, reports); err != nil {
		return err
	}
	env.PruneCache(src.srcs)
	for _, stage := range pipeline.Stages {
		opt.stats.phase(stage, env.Timings.Get(stage))
	}
	if opt.stats != nil {
		opt.stats.fromCache = env.Timings.Hits()
	}
	for _, r := range reports {
		for _, w := range r.Warnings {
			slog.Warn(w, "report", r.Source.ID)
		}
	}
	t := time.Now()
	ui, err := loadUI(filepath.Join(root, "data", "ui.yaml"))
	if err != nil {
		return err
	}
	pages, err := loadPages(filepath.Join(root, "data", "pages"))
	if err != nil {
		return err
	}
	baseURL, err := configBaseURL(filepath.Join(root, "hugo.toml"))
	if err != nil {
		return err
	}
	w, err := publish.NewWriter(root, publish.Owned)
	if err != nil {
		return err
	}
	var files atomic.Int64
	finished := false
	defer func() {
		if !finished {
			w.Abort()
		}
	}()
	err = publish.Stream(reports, publish.Site{UI: ui, Pages: pages, Indicators: env.Indicators(), BaseURL: baseURL}, conv,
		func(path string, data []byte) error {
			files.Add(1)
			return w.WriteFile(path, data)
		})
	if err != nil {
		return err
	}
	opt.stats.phase("publish", time.Since(t))
	t = time.Now()
	finished = true
	written, removed, err := w.Finish()
	if err != nil {
		return err
	}
	opt.stats.phase("write", time.Since(t))
	slog.Info("generated", "reports", len(reports), "from cache", env.Timings.Hits(), "files", files.Load(), "written", written, "removed", removed, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// generatedBefore is set by a process's first generate.
var generatedBefore atomic.Bool

func loadUI(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ui map[string]string
	if err := yaml.Unmarshal(raw, &ui); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return ui, nil
}

// configBaseURL reads the production base URL from hugo.toml: permalinks in
// the downloads point at the production site whatever build made them.
func configBaseURL(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile(`(?m)^baseURL\s*=\s*"([^"]+)"`).FindSubmatch(raw)
	if m == nil {
		return "", fmt.Errorf("%s: no baseURL", path)
	}
	return string(m[1]), nil
}

// loadPages reads the hand-written pages: Markdown with a YAML front matter
// holding title and description.
func loadPages(dir string) ([]publish.Page, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	var pages []publish.Page
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		rest, ok := strings.CutPrefix(string(raw), "---\n")
		fm, body, ok2 := strings.Cut(rest, "\n---\n")
		if !ok || !ok2 {
			return nil, fmt.Errorf("%s:1: a page starts with a front matter between --- lines", path)
		}
		var meta struct {
			Title       string `yaml:"title"`
			Description string `yaml:"description"`
		}
		dec := yaml.NewDecoder(strings.NewReader(fm))
		dec.KnownFields(true)
		if err := dec.Decode(&meta); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".md")
		pages = append(pages, publish.Page{Name: name, Title: meta.Title, Description: meta.Description, Body: strings.TrimLeft(body, "\n")})
	}
	return pages, nil
}

func runGenerate(args []string) error {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the pipeline to this file")
	memprofile := fs.String("memprofile", "", "write an allocation profile of the pipeline to this file")
	noCache := fs.Bool("no-cache", false, "run every report's stages, ignoring the cache")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		runtime.MemProfileRate = 64 << 10
	}
	stats := &buildStats{}
	if err := generate(root, generateOptions{noCache: *noCache, stats: stats}); err != nil {
		return err
	}
	stats.print(os.Stderr, -1)
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		runtime.GC() // the profile shows allocations up to the last collection
		return pprof.Lookup("allocs").WriteTo(f, 0)
	}
	return nil
}

func runBuild(args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	public := fs.String("public", "public", "where the built site goes (replaced only when the build succeeds)")
	baseURL := fs.String("base-url", "", "the site's base URL (default: hugo.toml's)")
	noCheck := fs.Bool("no-check", false, "do not run the site checks before replacing public/")
	noCache := fs.Bool("no-cache", false, "run every report's stages again, ignoring .cache/")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	out := *public
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	// A target the build must not replace is refused before any work.
	if err := site.CheckTarget(root, out); err != nil {
		return err
	}
	stats := &buildStats{}
	if err := generate(root, generateOptions{noCache: *noCache, stats: stats}); err != nil {
		return err
	}
	start := time.Now()
	var checkTime time.Duration
	pages := 0
	check := func(dir string) error {
		stats.phase("hugo", time.Since(start))
		t := time.Now()
		defer func() { checkTime = time.Since(t) }()
		pages = countPages(dir)
		if *noCheck {
			return nil
		}
		return verify.Check(dir)
	}
	if err := site.Build(site.Options{Root: root, BaseURL: *baseURL, Version: site.CurrentVersion(root)}, out, check); err != nil {
		return err
	}
	stats.phase("check", checkTime)
	stats.print(os.Stderr, pages)
	slog.Info("built site", "public", out, "pages", pages, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

func runServe(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	port := fs.Int("port", 1313, "port to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if err := generate(root, generateOptions{}); err != nil {
		return err
	}
	go watchInputs(root, func() {
		if err := generate(root, generateOptions{}); err != nil {
			slog.Error("regenerating", "err", err)
		}
	})
	return site.Serve(site.Options{Root: root, BaseURL: fmt.Sprintf("http://localhost:%d/", *port), Version: site.CurrentVersion(root)}, *port)
}

// watchInputs polls the generator's inputs (everything under data/ but its
// own output) and calls changed when any file's size or time changes. Hugo
// watches content/ and layouts/ itself, so regenerating is enough for the
// preview to reload.
func watchInputs(root string, changed func()) {
	last := inputStamp(root)
	for range time.Tick(time.Second) {
		if s := inputStamp(root); s != last {
			last = s
			changed()
		}
	}
}

func inputStamp(root string) string {
	h := ""
	data := filepath.Join(root, "data")
	filepath.WalkDir(data, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && path == filepath.Join(data, "generated") {
			return filepath.SkipDir
		}
		if info, err := d.Info(); err == nil && !d.IsDir() {
			h += fmt.Sprintf("%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	return h
}

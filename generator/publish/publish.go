// Package publish is the last generator stage: it turns the pipeline's
// values into the files Hugo reads — Markdown pages under content/<lang>/
// and curated data under data/generated/ — and writes them only when their
// bytes change, deleting files it no longer produces. Both folders belong
// to the generator alone.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/internal/jsonout"
	"github.com/eduportal/portal/generator/internal/parallel"
	"github.com/eduportal/portal/generator/pipeline"
)

// Lang is one script the site is published in.
type Lang struct {
	Code    string // Hugo language key and URL prefix: zh-hans, zh-hant
	Convert func(string) string
}

// Langs returns the site's two scripts, converted by conv.
func Langs(conv pipeline.Converter) []Lang {
	return []Lang{{"zh-hans", conv.ToHans}, {"zh-hant", conv.ToHant}}
}

// Files is the generator's whole output: path relative to the repository
// root → contents.
type Files map[string][]byte

// Site is what publish needs besides the reports.
type Site struct {
	UI    map[string]string // interface strings in Simplified, from data/ui.yaml
	Pages []Page            // hand-written pages, from data/pages/
	// Indicators are the registered indicators, in registry order
	// (grouped by category).
	Indicators []pipeline.Indicator
	// BaseURL is the production site's address, for permalinks in the
	// downloads (which must not depend on where a build is previewed).
	BaseURL string
}

// Page is a hand-written page (about, methodology): Markdown written in
// Simplified by the project, trusted, converted into both scripts.
type Page struct {
	Name        string // file name without .md: the page's path
	Title       string
	Description string
	Body        string
}

// Build renders every generated file into one Files, for callers that
// want them all in hand (tests); a build streams them (Stream).
func Build(reports []pipeline.Report, site Site, conv pipeline.Converter) (Files, error) {
	files := Files{}
	var mu sync.Mutex
	err := Stream(reports, site, conv, func(f Files) error {
		mu.Lock()
		defer mu.Unlock()
		for k, v := range f {
			files[k] = v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}

// Stream renders every generated file. The work is cut into independent
// tasks — a chunk of reports' pages in one script, the place pages, the
// indicator pages, the downloads, the search index — run on every core;
// each task fills its own Files and hands them to emit as soon as it is
// done, on its own goroutine, so that the site's output (a gigabyte at
// 2,000 reports) never has to be in memory at once. Paths never overlap
// between tasks, so the output does not depend on the order they finish.
// The data page, which lists the downloads' sizes, is emitted last.
func Stream(reports []pipeline.Report, site Site, conv pipeline.Converter, emit func(Files) error) error {
	langs := Langs(conv)
	ind := indicatorIndex(site.Indicators)
	rows := figureRows(langs, reports, ind)
	tree := placeTree(reports)
	reportByID := reportIndex(reports)
	// The place pages' contents in each script, gathered while the
	// downloads are encoded.
	places := make([][]placePage, len(langs))
	var gathered sync.WaitGroup
	for li := range langs {
		gathered.Go(func() { places[li] = placePages(tree, rows[li], reports) })
	}
	dl := encodeDownloads(site.BaseURL, reports, ind, rows[0], rows[1])
	gathered.Wait()
	tasks := []func(Files) error{
		func(f Files) error { return f.addSearch(conv, langs, reports, rows) },
	}
	tasks = append(tasks, dl.tasks()...)
	for _, c := range chunks(len(reports), reportChunk) {
		tasks = append(tasks, func(f Files) error {
			for _, r := range reports[c.from:c.to] {
				if err := f.addJSON(filepath.Join("data", "generated", "reports", r.Source.ID+".json"), reportRecord(r)); err != nil {
					return err
				}
			}
			return nil
		})
	}
	for li, lang := range langs {
		tasks = append(tasks, func(f Files) error { return f.addLanguagePages(lang, site, reports, tree) },
			func(f Files) error {
				f.addIndicatorPages(lang, site.UI, reports, reportByID, rows[li], site.Indicators)
				return nil
			})
		for _, c := range chunks(len(reports), reportChunk) {
			tasks = append(tasks, func(f Files) error {
				for ri := c.from; ri < c.to; ri++ {
					f.addReportPage(lang, site.UI, reports[ri], rows[li][ri])
				}
				return nil
			})
		}
		places := places[li]
		tasks = append(tasks, func(f Files) error { f.addPlacesIndex(lang, site.UI, tree); return nil })
		for _, c := range chunks(len(places), placeChunk) {
			tasks = append(tasks, func(f Files) error {
				for _, p := range places[c.from:c.to] {
					f.addPlacePage(lang, site.UI, p, reportByID)
				}
				return nil
			})
		}
	}
	errs := make([]error, len(tasks))
	parallel.For(len(tasks), func(i int) {
		f := Files{}
		if errs[i] = tasks[i](f); errs[i] == nil {
			errs[i] = emit(f)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	files := Files{}
	for _, lang := range langs {
		files.addMarkdown(lang, "data.md", frontMatter{
			Title:       lang.Convert(site.UI["data_title"]),
			Description: lang.Convert(site.UI["data_description"]),
			Layout:      "data",
			Params:      map[string]any{"downloads": dl.list()},
		}, "")
	}
	return emit(files)
}

// Reports and places are handed to the workers in chunks of this many:
// enough to keep both cores busy, few enough that scheduling costs nothing.
const (
	reportChunk = 32
	placeChunk  = 128
)

type chunk struct{ from, to int }

// chunks cuts [0, n) into consecutive pieces of at most size.
func chunks(n, size int) []chunk {
	var out []chunk
	for from := 0; from < n; from += size {
		out = append(out, chunk{from, min(from+size, n)})
	}
	return out
}

// addLanguagePages writes the pages of one script that are not per report,
// place or indicator.
func (f Files) addLanguagePages(lang Lang, site Site, reports []pipeline.Report, tree map[string]*placeNode) error {
	if err := f.addI18n(lang, site.UI); err != nil {
		return err
	}
	f.addMarkdown(lang, "_index.md", frontMatter{
		Title:       lang.Convert(site.UI["site_title"]),
		Description: lang.Convert(site.UI["site_description"]),
		Params:      homeParams(lang, reports, site.Indicators, tree),
	}, "")
	f.addMarkdown(lang, "sources/_index.md", frontMatter{
		Title:       lang.Convert(site.UI["sources_title"]),
		Description: lang.Convert(site.UI["sources_description"]),
	}, "")
	f.addCorrectionsPage(lang, site.UI, reports)
	f.addMarkdown(lang, "search.md", frontMatter{
		Title:       lang.Convert(site.UI["search_title"]),
		Description: lang.Convert(site.UI["search_description"]),
		Layout:      "search",
	}, "")
	for _, p := range site.Pages {
		f.addMarkdown(lang, p.Name+".md", frontMatter{
			Title:       lang.Convert(p.Title),
			Description: lang.Convert(p.Description),
		}, lang.Convert(p.Body))
	}
	return nil
}

func (f Files) addI18n(lang Lang, ui map[string]string) error {
	keys := make([]string, 0, len(ui))
	for k := range ui {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteString("# Generated from data/ui.yaml by the generator; do not edit.\n")
	for _, k := range keys {
		v, err := yaml.Marshal(lang.Convert(ui[k]))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s: %s", k, v)
	}
	f[filepath.Join("data", "generated", "i18n", lang.Code+".yaml")] = b.Bytes()
	return nil
}

func (f Files) addJSON(path string, v any) error {
	return f.addComposed(path, v, "  ", "")
}

// addComposed adds the file made of v as indented JSON, a line break and
// tail, composed in a scratch buffer and copied out at its exact size.
func (f Files) addComposed(path string, v any, indent, tail string) error {
	buf := scratch.Get().(*[]byte)
	defer scratch.Put(buf)
	b, err := jsonout.Append((*buf)[:0], v, indent)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	b = append(b, '\n')
	*buf = append(b, tail...)
	f[path] = bytes.Clone(*buf)
	return nil
}

// scratch holds buffers files are composed in before they are copied out
// at their exact size: a file grown from nothing would be reallocated and
// copied a dozen times on the way to its tens of kilobytes.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

// frontMatter holds the page parameters the templates read. Field order is
// the order in the file.
type frontMatter struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Date        string `json:"date,omitempty"`
	Layout      string `json:"layout,omitempty"` // the template under layouts/, when not the kind's default
	Params      any    `json:"params,omitempty"`
}

func (f Files) addMarkdown(lang Lang, rel string, fm frontMatter, body string) {
	// JSON front matter: Hugo reads it as well as YAML, and JSON is many
	// times faster to write than YAML at thousands of pages.
	if err := f.addComposed(filepath.Join("content", lang.Code, rel), fm, " ", body); err != nil {
		panic(err) // only plain structs are written; a failure is a bug
	}
}

// Writer writes a build's files under root as publish emits them,
// rewriting only files whose bytes changed, and at the end removes every
// other file under the generator's own folders.
type Writer struct {
	root     string
	owned    []string
	existing []string // files under owned before the build, listed before anything is written

	mu       sync.Mutex
	produced map[string]bool
	dirs     map[string]bool
	written  int
}

// NewWriter lists the files under root's owned folders, while they hold
// only the previous build's files (none on a first build).
func NewWriter(root string, owned []string) (*Writer, error) {
	w := &Writer{root: root, owned: owned, produced: map[string]bool{}, dirs: map[string]bool{}}
	for _, dir := range owned {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			if !d.IsDir() {
				w.existing = append(w.existing, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return w, nil
}

// Write writes files, on every core; it may be called from several
// goroutines at once.
func (w *Writer) Write(files Files) error {
	paths := make([]string, 0, len(files))
	var dirs []string
	w.mu.Lock()
	for rel := range files {
		w.produced[rel] = true
		paths = append(paths, rel)
		if dir := filepath.Dir(filepath.Join(w.root, rel)); !w.dirs[dir] {
			w.dirs[dir] = true
			dirs = append(dirs, dir)
		}
	}
	w.mu.Unlock()
	sort.Strings(dirs) // parents before children, few MkdirAll calls walk up
	for _, dir := range dirs {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	changed := make([]bool, len(paths))
	errs := make([]error, len(paths))
	parallel.For(len(paths), func(i int) {
		path, data := filepath.Join(w.root, paths[i]), files[paths[i]]
		if unchanged(path, data) {
			return
		}
		errs[i] = os.WriteFile(path, data, 0o644)
		changed[i] = true
	})
	n := 0
	for _, c := range changed {
		if c {
			n++
		}
	}
	w.mu.Lock()
	w.written += n
	w.mu.Unlock()
	return errors.Join(errs...)
}

// Finish removes the files the build did not produce and the folders it
// left empty, and says how many files were written and removed.
func (w *Writer) Finish() (written, removed int, err error) {
	for _, path := range w.existing {
		rel, _ := filepath.Rel(w.root, path)
		if w.produced[rel] {
			continue
		}
		if err := os.Remove(path); err != nil {
			return w.written, removed, err
		}
		removed++
	}
	if removed > 0 {
		for _, dir := range w.owned {
			removeEmptyDirs(filepath.Join(w.root, dir))
		}
	}
	return w.written, removed, nil
}

// unchanged reports whether the file at path already holds data; the size
// is compared first, so most changed files are not read.
func unchanged(path string, data []byte) bool {
	fi, err := os.Stat(path)
	if err != nil || fi.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

func removeEmptyDirs(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() {
			removeEmptyDirs(filepath.Join(dir, e.Name()))
		}
	}
	if entries, _ = os.ReadDir(dir); len(entries) == 0 {
		os.Remove(dir)
	}
}

// Owned lists the folders publish owns: everything in them is its output.
var Owned = []string{"content", filepath.Join("data", "generated")}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// indicatorIndex looks indicators up by id.
func indicatorIndex(inds []pipeline.Indicator) map[string]pipeline.Indicator {
	m := make(map[string]pipeline.Indicator, len(inds))
	for _, i := range inds {
		m[i.ID] = i
	}
	return m
}

// reportIndex looks reports up by id.
func reportIndex(reports []pipeline.Report) map[string]*pipeline.Report {
	m := make(map[string]*pipeline.Report, len(reports))
	for i := range reports {
		m[reports[i].Source.ID] = &reports[i]
	}
	return m
}

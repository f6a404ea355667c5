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

// Build renders every generated file. The work is cut into independent
// tasks — a chunk of reports' pages in one script, the place pages, the
// indicator pages, the downloads, the search index — run on every core;
// each task fills its own Files and the results are merged (their paths
// never overlap, so the output does not depend on the order they finish).
func Build(reports []pipeline.Report, site Site, conv pipeline.Converter) (Files, error) {
	langs := Langs(conv)
	ind := indicatorIndex(site.Indicators)
	rows := figureRows(langs, reports, ind)
	tree := placeTree(reports)
	reportByID := reportIndex(reports)
	tasks := []func(Files) error{
		func(f Files) error { return f.addDownloads(site.BaseURL, reports, ind, rows[0], rows[1]) },
		func(f Files) error { return f.addSearch(conv, langs, reports, rows) },
	}
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
		places := placePages(tree, rows[li], reports)
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
	out := make([]Files, len(tasks))
	errs := make([]error, len(tasks))
	parallel.For(len(tasks), func(i int) {
		out[i] = Files{}
		errs[i] = tasks[i](out[i])
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	files := Files{}
	for _, f := range out {
		for k, v := range f {
			files[k] = v
		}
	}
	// The data page lists the downloads with their sizes, so it comes last.
	list := files.downloadList()
	for _, lang := range langs {
		files.addMarkdown(lang, "data.md", frontMatter{
			Title:       lang.Convert(site.UI["data_title"]),
			Description: lang.Convert(site.UI["data_description"]),
			Layout:      "data",
			Params:      map[string]any{"downloads": list},
		}, "")
	}
	return files, nil
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
	b, err := jsonout.Append(nil, v, "  ")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	f[path] = append(b, '\n')
	return nil
}

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
	b, err := jsonout.Append(nil, fm, " ")
	if err != nil {
		panic(err) // only plain structs are written; a failure is a bug
	}
	b = append(b, '\n')
	b = append(b, body...)
	f[filepath.Join("content", lang.Code, rel)] = b
}

// Commit writes files under root, rewriting only files whose bytes changed,
// and removes every other file under the generator's own folders. Files
// are written on every core: at national scale this is tens of thousands
// of files.
func Commit(root string, files Files, owned []string) (written, removed int, err error) {
	// Stale files are listed before anything is written, when the folders
	// hold only the previous build's files (none on a first build).
	var stale []string
	for _, dir := range owned {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(root, path)
			if _, ok := files[rel]; !ok {
				stale = append(stale, path)
			}
			return nil
		})
		if err != nil {
			return 0, 0, err
		}
	}
	paths := make([]string, 0, len(files))
	seen := map[string]bool{}
	var dirs []string
	for rel := range files {
		paths = append(paths, rel)
		if dir := filepath.Dir(filepath.Join(root, rel)); !seen[dir] {
			seen[dir] = true
			dirs = append(dirs, dir)
		}
	}
	sort.Strings(paths)
	errs := make([]error, max(len(paths), len(dirs)))
	parallel.For(len(dirs), func(i int) { errs[i] = os.MkdirAll(dirs[i], 0o755) })
	if err := errors.Join(errs...); err != nil {
		return 0, 0, err
	}
	changed := make([]bool, len(paths))
	parallel.For(len(paths), func(i int) {
		path, data := filepath.Join(root, paths[i]), files[paths[i]]
		if unchanged(path, data) {
			return
		}
		errs[i] = os.WriteFile(path, data, 0o644)
		changed[i] = true
	})
	if err := errors.Join(errs...); err != nil {
		return 0, 0, err
	}
	for _, c := range changed {
		if c {
			written++
		}
	}
	for _, path := range stale {
		if err := os.Remove(path); err != nil {
			return written, removed, err
		}
		removed++
	}
	if removed > 0 {
		for _, dir := range owned {
			removeEmptyDirs(filepath.Join(root, dir))
		}
	}
	return written, removed, nil
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

// Package publish is the last generator stage: it turns the pipeline's
// values into the files Hugo reads — Markdown pages under content/<lang>/
// and curated data under data/generated/ — and writes them only when their
// bytes change, deleting files it no longer produces. Both folders belong
// to the generator alone.
package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

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

// Build renders every generated file.
func Build(reports []pipeline.Report, site Site, conv pipeline.Converter) (Files, error) {
	ind := indicatorIndex(site.Indicators)
	downloads := Files{}
	if err := downloads.addDownloads(conv, site.BaseURL, reports, site.Indicators); err != nil {
		return nil, err
	}
	list := downloads.downloadList()
	// The remaining parts share nothing but read-only input: each fills
	// its own Files on its own core, and the parts are merged (their paths
	// never overlap, so the result does not depend on the order).
	parts := []func(Files) error{
		func(f Files) error { return f.addSearch(conv, reports, site.Indicators) },
		func(f Files) error {
			for _, r := range reports {
				if err := f.addJSON(filepath.Join("data", "generated", "reports", r.Source.ID+".json"), reportRecord(r)); err != nil {
					return err
				}
			}
			return nil
		},
	}
	for _, lang := range Langs(conv) {
		parts = append(parts, func(f Files) error { return f.addLanguage(lang, site, reports, ind, list) })
	}
	out := make([]Files, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = Files{}
			errs[i] = part(out[i])
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for _, f := range out {
		for k, v := range f {
			downloads[k] = v
		}
	}
	return downloads, nil
}

// addLanguage writes every page of one script.
func (f Files) addLanguage(lang Lang, site Site, reports []pipeline.Report, ind map[string]pipeline.Indicator, downloads []downloadFile) error {
	if err := f.addI18n(lang, site.UI); err != nil {
		return err
	}
	f.addMarkdown(lang, "_index.md", frontMatter{
		Title:       lang.Convert(site.UI["site_title"]),
		Description: lang.Convert(site.UI["site_description"]),
		Params:      homeParams(lang, reports, site.Indicators),
	}, "")
	f.addMarkdown(lang, "sources/_index.md", frontMatter{
		Title:       lang.Convert(site.UI["sources_title"]),
		Description: lang.Convert(site.UI["sources_description"]),
	}, "")
	for _, r := range reports {
		f.addReportPage(lang, site.UI, r, ind)
	}
	f.addCorrectionsPage(lang, site.UI, reports)
	f.addMarkdown(lang, "search.md", frontMatter{
		Title:       lang.Convert(site.UI["search_title"]),
		Description: lang.Convert(site.UI["search_description"]),
		Layout:      "search",
	}, "")
	f.addMarkdown(lang, "data.md", frontMatter{
		Title:       lang.Convert(site.UI["data_title"]),
		Description: lang.Convert(site.UI["data_description"]),
		Layout:      "data",
		Params:      map[string]any{"downloads": downloads},
	}, "")
	f.addPlacePages(lang, site.UI, reports, site.Indicators)
	f.addIndicatorPages(lang, site.UI, reports, site.Indicators)
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
	b, err := json.MarshalIndent(v, "", "  ")
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
	// JSON front matter: Hugo reads it as well as YAML, and encoding/json
	// is many times faster than a YAML encoder at thousands of pages.
	b, err := json.MarshalIndent(fm, "", " ")
	if err != nil {
		panic(err) // only plain structs are marshalled; a failure is a bug
	}
	b = append(b, '\n')
	b = append(b, body...)
	f[filepath.Join("content", lang.Code, rel)] = b
}

// Commit writes files under root, rewriting only files whose bytes changed,
// and removes every other file under the generator's own folders.
func Commit(root string, files Files, owned []string) (written, removed int, err error) {
	for rel, data := range files {
		path := filepath.Join(root, rel)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return written, removed, err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return written, removed, err
		}
		written++
	}
	for _, dir := range owned {
		base := filepath.Join(root, dir)
		err := filepath.WalkDir(base, func(path string, d os.DirEntry, err error) error {
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
				removed++
				return os.Remove(path)
			}
			return nil
		})
		if err != nil {
			return written, removed, err
		}
		removeEmptyDirs(base)
	}
	return written, removed, nil
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

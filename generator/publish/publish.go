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
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/internal/jsonout"
	"github.com/eduportal/portal/generator/internal/parallel"
	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/script"
)

// Lang is one script the site is published in.
type Lang struct {
	Code    string              // Hugo language key and URL prefix: zh-hans, zh-hant
	Convert func(string) string // report text: the report's words, character for character
	// UI converts the site's own words (data/ui.yaml, data/pages/): in
	// zh-Hant with Taiwan's vocabulary (資料, 連結, 搜尋) when the converter
	// has it (script.Converter.ToHantVocab), else as Convert does.
	UI func(string) string
	// Align, when the converter has it, lets a span's conversion be cut
	// out of its paragraph's (script.Converter.Align).
	Align func(text, hans, hant string) *script.Aligned
}

// Langs returns the site's two scripts, converted by conv.
func Langs(conv pipeline.Converter) []Lang {
	langs := []Lang{{Code: "zh-hans", Convert: conv.ToHans, UI: conv.ToHans}, {Code: "zh-hant", Convert: conv.ToHant, UI: conv.ToHant}}
	if v, ok := conv.(interface{ ToHantVocab(string) string }); ok {
		langs[1].UI = v.ToHantVocab
	}
	if sc, ok := conv.(spanConverter); ok {
		for i := range langs {
			langs[i].Align = sc.Align
		}
	}
	return langs
}

// Files is the generator's whole output, path relative to the repository
// root → contents, for callers that want it in hand (tests).
type Files map[string][]byte

// output is where a task's files go, one at a time, as soon as each is
// composed: put must not keep data, whose buffer the task reuses for its
// next file. So a build never holds its output (a gigabyte at 2,000
// reports) and no file is copied on its way to the disk.
type output struct {
	put func(path string, data []byte) error
	err error // the first error put returned; the task reports it
}

func (f *output) add(path string, data []byte) {
	if f.err == nil {
		f.err = f.put(path, data)
	}
}

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
	err := Stream(reports, site, conv, func(path string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[path] = bytes.Clone(data)
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
// each task hands every file to emit as soon as it is composed, on the
// task's goroutine, in a buffer it then reuses (emit must copy what it
// keeps), so that the site's output (a gigabyte at 2,000 reports) never
// has to be in memory at once. Paths never overlap between tasks, so the
// output does not depend on the order they finish. The data page, which
// lists the downloads' sizes, is emitted last.
func Stream(reports []pipeline.Report, site Site, conv pipeline.Converter, emit func(path string, data []byte) error) error {
	langs := Langs(conv)
	ind := indicatorIndex(site.Indicators)
	rows := figureRows(conv, langs, reports, ind)
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
	tasks := []func(*output) error{
		func(f *output) error { return f.addSearch(conv, langs, reports, rows, tree, site.Indicators) },
	}
	tasks = append(tasks, dl.tasks()...)
	for _, c := range chunks(len(reports), reportChunk) {
		tasks = append(tasks, func(f *output) error {
			for _, r := range reports[c.from:c.to] {
				if err := f.addJSON(filepath.Join("data", "generated", "reports", r.Source.ID+".json"), reportRecord(r)); err != nil {
					return err
				}
			}
			return nil
		})
	}
	for li, lang := range langs {
		tasks = append(tasks, func(f *output) error { return f.addLanguagePages(lang, site, reports, tree) },
			func(f *output) error {
				f.addIndicatorPages(lang, site.UI, reports, reportByID, rows[li], site.Indicators)
				return nil
			})
		for _, c := range chunks(len(reports), reportChunk) {
			tasks = append(tasks, func(f *output) error {
				for ri := c.from; ri < c.to; ri++ {
					f.addReportPage(lang, site.UI, reports[ri], rows[li][ri])
				}
				return nil
			})
		}
		places := places[li]
		tasks = append(tasks, func(f *output) error { f.addPlacesIndex(lang, site.UI, tree); return nil })
		for _, c := range chunks(len(places), placeChunk) {
			tasks = append(tasks, func(f *output) error {
				for _, p := range places[c.from:c.to] {
					f.addPlacePage(lang, site.UI, p, reportByID)
				}
				return nil
			})
		}
	}
	errs := make([]error, len(tasks))
	parallel.For(len(tasks), func(i int) {
		f := &output{put: emit}
		if errs[i] = tasks[i](f); errs[i] == nil {
			errs[i] = f.err
		}
	})
	if err := joinDistinct(errs); err != nil {
		return err
	}
	files := &output{put: emit}
	pkg, schema, err := dl.datapackage()
	if err != nil {
		return err
	}
	files.add(filepath.Join(downloadsDir, "datapackage.json"), pkg)
	files.add(filepath.Join(downloadsDir, schemaFile), schema)
	listed := append(dl.list(),
		downloadFile{Path: "/data/datapackage.json", Bytes: len(pkg)},
		downloadFile{Path: "/data/" + schemaFile, Bytes: len(schema)})
	sort.Slice(listed, func(i, j int) bool { return listed[i].Path < listed[j].Path })
	for _, lang := range langs {
		files.addDataPage(lang, site.UI, dl, listed)
	}
	return files.err
}

// addDataPage writes the data page: the downloads grouped, with their
// sizes and rows, and citations of the page and of the main files.
func (f *output) addDataPage(lang Lang, ui map[string]string, dl *downloads, listed []downloadFile) {
	cw := lang.citeWords(ui)
	title := lang.UI(ui["data_title"])
	var cites []citation
	for _, name := range []string{"observations.csv", "observations.json", "sources.csv", "datapackage.json"} {
		cites = append(cites, cw.cite(cw.downloadWork(title+": "+name, "data/"+name), false))
	}
	f.addMarkdown(lang, "data.md", frontMatter{
		Title:       title,
		Description: lang.UI(ui["data_description"]),
		Layout:      "data",
		Params:      map[string]any{"groups": dl.dataPageGroups(lang, listed), "download_cites": cites},
		Cite:        ptr(cw.cite(cw.pageWork(title, "eduportal-data", true), true)),
	}, nil)
}

// joinDistinct joins the tasks' errors, each message once: tasks writing
// into the same unwritable folder all fail with the same error.
func joinDistinct(errs []error) error {
	seen := map[string]bool{}
	var distinct []error
	for _, err := range errs {
		if err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			distinct = append(distinct, err)
		}
	}
	return errors.Join(distinct...)
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
func (f *output) addLanguagePages(lang Lang, site Site, reports []pipeline.Report, tree map[string]*placeNode) error {
	if err := f.addI18n(lang, site.UI); err != nil {
		return err
	}
	f.addMarkdown(lang, "_index.md", frontMatter{
		Title:       lang.UI(site.UI["site_title"]),
		Description: lang.UI(site.UI["site_description"]),
		Params:      homeParams(lang, reports, site.Indicators, tree),
	}, nil)
	f.addMarkdown(lang, "sources/_index.md", frontMatter{
		Title:       lang.UI(site.UI["sources_title"]),
		Description: lang.UI(site.UI["sources_description"]),
	}, nil)
	f.addCorrectionsPage(lang, site.UI, reports)
	f.addMarkdown(lang, "search.md", frontMatter{
		Title:       lang.UI(site.UI["search_title"]),
		Description: lang.UI(site.UI["search_description"]),
		Layout:      "search",
	}, nil)
	for _, p := range site.Pages {
		f.addMarkdown(lang, p.Name+".md", frontMatter{
			Title:       lang.UI(p.Title),
			Description: lang.UI(p.Description),
		}, []byte(lang.UI(p.Body)))
	}
	return nil
}

func (f *output) addI18n(lang Lang, ui map[string]string) error {
	keys := make([]string, 0, len(ui))
	for k := range ui {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteString("# Generated from data/ui.yaml by the generator; do not edit.\n")
	for _, k := range keys {
		v, err := yaml.Marshal(lang.UI(ui[k]))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s: %s", k, v)
	}
	f.add(filepath.Join("data", "generated", "i18n", lang.Code+".yaml"), b.Bytes())
	return nil
}

func (f *output) addJSON(path string, v any) error {
	return f.addComposed(path, v, "  ", nil)
}

// addComposed adds the file made of v as indented JSON, a line break and
// tail, composed in a scratch buffer.
func (f *output) addComposed(path string, v any, indent string, tail []byte) error {
	buf := scratch.Get().(*[]byte)
	defer scratch.Put(buf)
	b, err := jsonout.Append((*buf)[:0], v, indent)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	b = append(b, '\n')
	b = append(b, tail...)
	f.add(path, b)
	if cap(b) <= pooledMax {
		*buf = b
	}
	return nil
}

// scratch holds the buffers files are composed in, reused from file to
// file: a file grown from nothing would be reallocated and copied a dozen
// times on the way to its tens of kilobytes.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

// pooledMax is the largest buffer worth keeping in scratch: the few files
// beyond it (observations.csv, the search indexes) are made at their size
// once rather than held for small files to reuse.
const pooledMax = 8 << 20

// frontMatter holds the page parameters the templates read. Field order is
// the order in the file.
type frontMatter struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Date        string `json:"date,omitempty"`
	Layout      string `json:"layout,omitempty"` // the template under layouts/, when not the kind's default
	Params      any    `json:"params,omitempty"`
	// Cite is the page's own citation (cite.go); Citation what its
	// citation_* meta tags say when the page is not the portal's own work.
	Cite     *citation     `json:"cite,omitempty"`
	Citation *citationMeta `json:"citation,omitempty"`
}

func (f *output) addMarkdown(lang Lang, rel string, fm frontMatter, body []byte) {
	// JSON front matter: Hugo reads it as well as YAML, and JSON is many
	// times faster to write than YAML at thousands of pages.
	if err := f.addComposed(filepath.Join("content", lang.Code, rel), fm, " ", body); err != nil {
		panic(err) // only plain structs are written; a failure is a bug
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

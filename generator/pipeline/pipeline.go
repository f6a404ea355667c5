// Package pipeline runs the per-report stages in order — source, clean,
// script, place, extract — and hands their values to publish. It holds no
// logic of its own beyond wiring: each stage's package does the work.
package pipeline

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/extract"
	"github.com/eduportal/portal/generator/internal/parallel"
	"github.com/eduportal/portal/generator/place"
	"github.com/eduportal/portal/generator/script"
	"github.com/eduportal/portal/generator/source"
)

// Converter is what the pipeline needs from the script stage.
type Converter interface {
	ToHans(string) string
	ToHant(string) string
}

// Env is everything the stages read besides the reports themselves: loaded
// once per build and shared, read-only, by every report.
type Env struct {
	Root        string // repository root
	Corrections []clean.Correction
	Converter   *script.Converter
	Gazetteer   *place.Gazetteer
	Registry    *extract.Registry
	// Fingerprint identifies everything besides a report that its stages'
	// output depends on: the generator's code and the shared data files.
	Fingerprint string
	Cache       *Cache   // nil: no cache
	Timings     *Timings // per-stage time, summed over reports

	// The Parents of each gazetteer place, made once: a build asks for
	// them for every paragraph and figure. Shared, so never modified.
	parents sync.Map
}

// Paragraph is a cleaned paragraph in both scripts, tied to a place and a
// year.
type Paragraph struct {
	clean.Paragraph
	Hans    string `json:"hans"`
	Hant    string `json:"hant"`
	Place   *Place `json:"place,omitempty"`
	Year    int    `json:"year,omitempty"`
	YearHow string `json:"year_how,omitempty"`
	// YearIsTarget: the paragraph's only year is one it plans for (到2025年),
	// so it is not material about that year.
	YearIsTarget bool `json:"year_is_target,omitempty"`
}

// Place is a place as the site shows it: a gazetteer division, or a place
// the gazetteer does not list (anonymised "XX市", or unknown), which is kept
// as a place of its own and never merged with a real one.
type Place struct {
	Code     string  `json:"code"`
	Name     string  `json:"name"`
	NameHant string  `json:"name_hant"`
	Level    string  `json:"level"`
	Path     string  `json:"path"`              // under /places/, e.g. "shandong/jinan"
	Kind     string  `json:"kind,omitempty"`    // "" (listed), "anonymised", "unlisted" or "national"
	Parents  []Place `json:"parents,omitempty"` // widest first
}

// SetApart reports whether the place is one the site lists apart from real
// ones: masked in its report (XX市) or missing from the gazetteer. The
// whole country is neither.
func (p Place) SetApart() bool { return p.Kind == "anonymised" || p.Kind == "unlisted" }

// Report is one report after every stage.
type Report struct {
	Source     source.Report
	Doc        clean.Document
	Title      Twin
	Paragraphs []Paragraph
	// Headline is the line the cleaner moved into the title
	// (clean.Document.Headline, id p0), read for places, a year and
	// figures like a paragraph; nil when the copy has none.
	Headline *Paragraph
	Places   []Place // the places the report is about, widest first
	Year     int
	YearHow  string
	Warnings []string // ambiguities left for an editor (place, year)
	Figures  []Observation
	Raw      []extract.Observation // as the extract stage gave them, for cross-report checks
}

// Twin is a text in both scripts.
type Twin struct {
	Hans string `json:"hans"`
	Hant string `json:"hant"`
}

// Twin converts s to both scripts.
func (e *Env) Twin(s string) Twin {
	hans, hant := e.Converter.Twin(s)
	return Twin{Hans: hans, Hant: hant}
}

// LoadEnv reads the shared inputs under root/data: the converter's
// dictionaries, the gazetteer (whose official Traditional names then
// override the dictionaries), and the editors' corrections.
func LoadEnv(root string) (*Env, error) {
	conv, err := script.Load(filepath.Join(root, "data", "zh"))
	if err != nil {
		return nil, err
	}
	gaz, err := place.Load(filepath.Join(root, "data", "places"), conv.ToHant)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, p := range gaz.Places() {
		if p.NameHant != "" && !p.Synthetic {
			names[p.Name] = p.NameHant
		}
	}
	if conv, err = conv.WithNames(names); err != nil {
		return nil, err
	}
	corr, err := clean.LoadCorrections(filepath.Join(root, "data", "corrections.yaml"))
	if err != nil {
		return nil, err
	}
	reg, err := extract.LoadRegistry(filepath.Join(root, "data", "indicators.yaml"))
	if err != nil {
		return nil, err
	}
	reg.SetFold(conv.ToHans)
	fp, err := fingerprint(root)
	if err != nil {
		return nil, err
	}
	return &Env{Root: root, Corrections: corr, Converter: conv, Gazetteer: gaz, Registry: reg,
		Fingerprint: fp, Timings: NewTimings()}, nil
}

// Run loads every report under data/sources and runs the stages on each.
func Run(env *Env) ([]Report, error) {
	t := time.Now()
	srcs, err := LoadSources(env.Root)
	if err != nil {
		return nil, err
	}
	env.Timings.Add(StageSource, time.Since(t))
	return RunOn(env, srcs)
}

// LoadSources is the source stage: every report under root/data/sources,
// read, decoded and checked against its meta.yaml. It needs no Env, so a
// build can run it while the Env loads.
func LoadSources(root string) ([]source.Report, error) {
	return source.LoadAll(filepath.Join(root, "data", "sources"))
}

// RunOn runs the stages after source on reports already loaded.
func RunOn(env *Env, srcs []source.Report) ([]Report, error) {
	out := make([]Report, len(srcs))
	errs := make([]error, len(srcs))
	// Reports are independent until the conflicts check: process them on
	// every core, each result in its own slot, so the order (and so the
	// output) is the same as one by one.
	var done atomic.Int64
	step := int64(max(len(srcs)/10, 1))
	parallel.For(len(srcs), func(i int) {
		out[i], errs[i] = env.Process(srcs[i])
		// A progress line on long builds, every tenth of the way.
		if n := done.Add(1); len(srcs) >= progressFrom && n%step == 0 {
			slog.Info("progress", "reports", n, "of", len(srcs))
		}
	})
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%s: %w", srcs[i].OriginalPath, err)
		}
	}
	separateHomonyms(out)
	flagConflicts(out)
	return out, nil
}

// progressFrom is the corpus size from which Run reports its progress.
const progressFrom = 100

// Indicators lists the registry's indicators in both scripts, in registry
// order.
func (e *Env) Indicators() []Indicator {
	var out []Indicator
	for _, i := range e.Registry.Indicators {
		out = append(out, Indicator{ID: i.ID, Name: e.Twin(i.NameHans), NameEn: i.NameEn, Unit: i.Unit, Category: i.Category,
			Measure: i.Measure, Level: i.Level, Definition: e.Twin(i.Definition), DefinitionEn: i.DefinitionEn})
	}
	return out
}

// Process runs the stages after source on one report.
func (e *Env) Process(s source.Report) (Report, error) {
	key := e.cacheKey(s)
	if r, ok := e.Cache.load(key); ok {
		r.Source = s
		e.Timings.Hit()
		return r, nil
	}
	r := Report{Source: s}

	t := time.Now()
	var corr []clean.Correction
	for _, c := range e.Corrections {
		if c.Source == s.ID {
			corr = append(corr, c)
		}
	}
	r.Doc = clean.Clean(s.Text, clean.Options{SourceID: s.ID, Corrections: corr})
	title := s.Meta.Title
	if title == "" {
		title = r.Doc.Title
	}
	e.Timings.Add(StageClean, time.Since(t))

	t = time.Now()
	r.Title = e.Twin(title)
	r.Paragraphs = make([]Paragraph, 0, len(r.Doc.Paragraphs))
	for _, p := range r.Doc.Paragraphs {
		hans, hant := e.Converter.Twin(p.Text)
		r.Paragraphs = append(r.Paragraphs, Paragraph{Paragraph: p, Hans: hans, Hant: hant})
	}
	if h := r.Doc.Headline; h != nil {
		hans, hant := e.Converter.Twin(h.Text)
		r.Headline = &Paragraph{Paragraph: *h, Hans: hans, Hant: hant}
	}
	e.Timings.Add(StageScript, time.Since(t))

	t = time.Now()
	loc := place.Locate(r.Doc, place.ReportInfo{
		Places: s.Meta.Places, CoversYear: s.Meta.CoversYear, Published: s.Meta.Published, Title: title,
		Headline: r.Doc.Headline,
	}, e.Gazetteer)
	for _, ref := range loc.Places {
		r.Places = append(r.Places, e.place(ref))
	}
	r.Year, r.YearHow, r.Warnings = loc.Year.Year, loc.Year.How, loc.Warnings
	if w := emptyWarning(r.Doc); w != "" {
		r.Warnings = append(r.Warnings, w)
	}
	mentions := make([][]place.Mention, len(r.Paragraphs))
	for i := range r.Paragraphs {
		if i >= len(loc.Paragraphs) || loc.Paragraphs[i].ID != r.Paragraphs[i].ID {
			continue
		}
		lp := loc.Paragraphs[i]
		e.locateParagraph(&r.Paragraphs[i], lp)
		mentions[i] = lp.Mentions
	}
	var headlineMentions []place.Mention
	if r.Headline != nil && loc.Headline != nil {
		e.locateParagraph(r.Headline, *loc.Headline)
		headlineMentions = loc.Headline.Mentions
	}
	e.Timings.Add(StagePlace, time.Since(t))

	t = time.Now()
	rd := e.Registry.NewReader()
	figs := make([][]Observation, len(r.Paragraphs))
	raws := make([][]extract.Observation, len(r.Paragraphs))
	for i, para := range r.Paragraphs {
		figs[i], raws[i] = e.figures(rd, s.ID, para, r.Year, mentions[i])
	}
	if r.Headline != nil {
		// A reader of its own: the headline must not open or close a
		// passage of plans for the body, which was read without it.
		hfigs, hraws := e.figures(e.Registry.NewReader(), s.ID, *r.Headline, r.Year, headlineMentions)
		figs, raws = append([][]Observation{hfigs}, figs...), append([][]extract.Observation{hraws}, raws...)
	}
	r.Figures, r.Raw = slices.Concat(figs...), slices.Concat(raws...)
	e.Timings.Add(StageExtract, time.Since(t))

	e.Cache.store(key, r)
	return r, nil
}

// locateParagraph gives p the place and year the place stage found for it.
func (e *Env) locateParagraph(p *Paragraph, lp place.Paragraph) {
	if lp.Place.Path != "" {
		pl := e.place(lp.Place)
		p.Place = &pl
	}
	p.Year, p.YearHow, p.YearIsTarget = lp.Year.Year, lp.Year.How, lp.Year.Target
}

// emptyWarning says when a report has no text to publish: an original of
// white space, separators or page clutter only would otherwise become an
// empty page without a word.
func emptyWarning(d clean.Document) string {
	for _, p := range d.Paragraphs {
		for _, r := range p.Text {
			if unicode.Is(unicode.Han, r) {
				return ""
			}
		}
	}
	if len(d.Paragraphs) == 0 {
		return fmt.Sprintf("report: no text left after cleaning (%d edits removed or changed everything): the original is empty, separators or page clutter only", len(d.Edits))
	}
	return fmt.Sprintf("report: no Chinese text in its %d paragraphs: is this a report?", len(d.Paragraphs))
}

// place turns the place stage's reference into the site's Place, with its
// chain of parents from the gazetteer.
func (e *Env) place(ref place.Ref) Place {
	p := Place{Code: ref.Code, Name: ref.Name, NameHant: ref.NameHant, Level: ref.Level, Path: ref.Path}
	switch {
	case ref.Anonymised:
		p.Kind = "anonymised"
	case ref.National:
		p.Kind = "national"
	case ref.Unlisted:
		p.Kind = "unlisted"
	default:
		if parents, ok := e.parents.Load(ref.Code); ok {
			p.Parents = parents.([]Place)
			break
		}
		chain := e.Gazetteer.Path(ref.Code)
		for _, a := range chain[:max(0, len(chain)-1)] {
			p.Parents = append(p.Parents, Place{Code: a.Code, Name: a.Name, NameHant: a.NameHant, Level: a.Level, Path: e.Gazetteer.URLPath(a.Code)})
		}
		p.Parents = slices.Clip(p.Parents)
		e.parents.Store(ref.Code, p.Parents)
	}
	return p
}

// Package pipeline runs the per-report stages in order — source, clean,
// script, place, extract — and hands their values to publish. It holds no
// logic of its own beyond wiring: each stage's package does the work.
package pipeline

import (
	"fmt"
	"path/filepath"

	"github.com/eduportal/portal/generator/clean"
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
	Converter   Converter
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
	Kind     string  `json:"kind,omitempty"`    // "" (listed), "anonymised" or "unlisted"
	Parents  []Place `json:"parents,omitempty"` // widest first
}

// Report is one report after every stage.
type Report struct {
	Source     source.Report
	Doc        clean.Document
	Title      Twin
	Paragraphs []Paragraph
	Places     []Place // the places the report is about, widest first
	Year       int
	YearHow    string
	Warnings   []string // ambiguities left for an editor (place, year)
}

// Twin is a text in both scripts.
type Twin struct {
	Hans string `json:"hans"`
	Hant string `json:"hant"`
}

// Twin converts s to both scripts.
func (e *Env) Twin(s string) Twin {
	return Twin{Hans: e.Converter.ToHans(s), Hant: e.Converter.ToHant(s)}
}

// LoadEnv reads the shared inputs under root/data.
func LoadEnv(root string, conv Converter) (*Env, error) {
	corr, err := clean.LoadCorrections(filepath.Join(root, "data", "corrections.yaml"))
	if err != nil {
		return nil, err
	}
	return &Env{Root: root, Corrections: corr, Converter: conv}, nil
}

// Run loads every report under data/sources and runs the stages on each.
func Run(env *Env) ([]Report, error) {
	srcs, err := source.LoadAll(filepath.Join(env.Root, "data", "sources"))
	if err != nil {
		return nil, err
	}
	out := make([]Report, 0, len(srcs))
	for _, s := range srcs {
		r, err := env.Process(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.OriginalPath, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Process runs the stages after source on one report.
func (e *Env) Process(s source.Report) (Report, error) {
	var corr []clean.Correction
	for _, c := range e.Corrections {
		if c.Source == s.ID {
			corr = append(corr, c)
		}
	}
	doc := clean.Clean(s.Text, clean.Options{SourceID: s.ID, Corrections: corr})
	r := Report{Source: s, Doc: doc}
	title := s.Meta.Title
	if title == "" {
		title = doc.Title
	}
	r.Title = e.Twin(title)
	for _, p := range doc.Paragraphs {
		r.Paragraphs = append(r.Paragraphs, Paragraph{
			Paragraph: p,
			Hans:      e.Converter.ToHans(p.Text),
			Hant:      e.Converter.ToHant(p.Text),
		})
	}
	return r, nil
}

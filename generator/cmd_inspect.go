package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/source"
)

// inspection is inspect's output. The keys are a contract: later stages
// fill more of it, but keys are never renamed or removed.
type inspection struct {
	File         string               `json:"file"`
	Encoding     string               `json:"encoding"`
	Script       string               `json:"script"`
	Title        string               `json:"title"`
	Year         any                  `json:"year"`
	Places       []any                `json:"places"`
	Paragraphs   []inspectedParagraph `json:"paragraphs"`
	Edits        []clean.Edit         `json:"edits"`
	Observations []any                `json:"observations"`
}

type inspectedParagraph struct {
	ID      string `json:"id"`
	Section string `json:"section"`
	Text    string `json:"text"`
	Hans    string `json:"hans"`
	Hant    string `json:"hant"`
}

func runInspect(args []string) error {
	if len(args) != 1 {
		return errors.New("usage: go run ./generator inspect FILE")
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	rep, err := inspectFile(root, args[0])
	if err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// inspectFile runs the pipeline on one file that need not have a meta.yaml.
func inspectFile(root, path string) (inspection, error) {
	src, err := source.ReadOriginal(path)
	if err != nil {
		return inspection{}, err
	}
	env, err := pipeline.LoadEnv(root)
	if err != nil {
		return inspection{}, err
	}
	// A file inside data/sources/<id>/ gets that report's corrections.
	if abs, err := filepath.Abs(path); err == nil {
		if rel, err := filepath.Rel(filepath.Join(root, "data", "sources"), abs); err == nil && filepath.Dir(filepath.Dir(rel)) == "." {
			src.ID = filepath.Dir(rel)
		}
	}
	r, err := env.Process(src)
	if err != nil {
		return inspection{}, err
	}
	out := inspection{
		File:         path,
		Encoding:     src.Encoding,
		Script:       "",
		Title:        r.Doc.Title,
		Places:       []any{},
		Paragraphs:   []inspectedParagraph{},
		Edits:        r.Doc.Edits,
		Observations: []any{},
	}
	if out.Edits == nil {
		out.Edits = []clean.Edit{}
	}
	for _, p := range r.Paragraphs {
		out.Paragraphs = append(out.Paragraphs, inspectedParagraph{ID: p.ID, Section: p.Section, Text: p.Text, Hans: p.Hans, Hant: p.Hant})
	}
	return out, nil
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/intake"
	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/source"
)

// onceFlag is a string flag that may be given once: `--id a --id b` is a
// mistake to report, not to settle silently by taking b.
type onceFlag struct {
	value string
	set   bool
}

func (f *onceFlag) String() string { return f.value }
func (f *onceFlag) Set(s string) error {
	if f.set {
		return fmt.Errorf("given twice (%q and %q): give one", f.value, s)
	}
	f.value, f.set = s, true
	return nil
}

func runAdd(args []string) error {
	fs := flag.NewFlagSet("add", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the error is returned and printed once
	var id onceFlag
	fs.Var(&id, "id", "the new report's id: a readable lowercase ASCII slug, e.g. jinan-2021-evaluation")
	// Accept the path before or after the flags.
	var path string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		path, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return fmt.Errorf("usage: go run ./generator add PATH --id ID (PATH: a %s file)", strings.Join(source.AcceptedExtensions(), ", "))
		}
		return err
	}
	switch {
	case path == "" && fs.NArg() == 1:
		path = fs.Arg(0)
	case fs.NArg() > 0:
		return fmt.Errorf("add takes one file, got also %s", strings.Join(fs.Args(), " "))
	}
	if path == "" || id.value == "" {
		return errors.New("usage: go run ./generator add PATH --id ID")
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	dir, d, err := addReport(root, path, id.value)
	if err != nil {
		return err
	}
	fmt.Printf("added %s\n", dir)
	if missing := d.Missing(); len(missing) > 0 {
		fmt.Printf("could not tell: %s (marked in meta.yaml)\n", strings.Join(missing, ", "))
	}
	fmt.Printf("review %s, then build\n", filepath.Join(dir, "meta.yaml"))
	return nil
}

// addReport copies the file at path, byte for byte, into data/sources/<id>/
// and writes a draft meta.yaml with what can be inferred from the text.
// It fails only on what is not a report: a file of a type the site cannot
// serve inert, a link, a directory or device, an empty or binary file, a
// scanned PDF, a file with no Chinese text. Any readable report gets a
// draft, with what could not be told marked in it.
func addReport(root, path, id string) (string, intake.Draft, error) {
	if !source.IDPattern.MatchString(id) {
		return "", intake.Draft{}, fmt.Errorf("id %q is not a lowercase ASCII slug (letters, digits and single hyphens, e.g. jinan-2021-evaluation)", id)
	}
	dir := filepath.Join(root, "data", "sources", id)
	if _, err := os.Lstat(dir); err == nil {
		return "", intake.Draft{}, fmt.Errorf("%s already exists: choose another id", dir)
	}
	src, err := source.ReadOriginal(path)
	if err != nil {
		return "", intake.Draft{}, err
	}
	env, err := pipeline.LoadEnv(root)
	if err != nil {
		return "", intake.Draft{}, err
	}
	d := draftFor(env, src, id, filepath.Base(path))
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		ext = ".txt"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", d, err
	}
	if err := os.WriteFile(filepath.Join(dir, "original"+ext), src.Bytes, 0o444); err != nil {
		return "", d, err
	}
	if err := os.WriteFile(filepath.Join(dir, "meta.yaml"), d.YAML(), 0o644); err != nil {
		return "", d, err
	}
	return dir, d, nil
}

// draftFor infers the draft meta.yaml of a report read without one.
func draftFor(env *pipeline.Env, src source.Report, id, receivedAs string) intake.Draft {
	doc := clean.Clean(src.Text, clean.Options{SourceID: id})
	var whole strings.Builder
	for _, p := range doc.Paragraphs {
		whole.WriteString(p.Text)
		whole.WriteByte('\n')
	}
	return intake.Infer(intake.Input{
		ID: id, ReceivedAs: receivedAs, Source: src, Doc: doc,
		Script: string(env.Converter.Detect(whole.String())), ToHans: env.Converter.ToHans,
		Gazetteer: env.Gazetteer,
	})
}

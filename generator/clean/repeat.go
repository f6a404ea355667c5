package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The title is the first line left after clutter and bylines, when it looks
// like a title: short (at most maxTitle characters) and not a sentence
// ending in 。. A report that starts straight with body text (000) has no
// title in the copy; Title stays "" and the editor's title in meta.yaml is
// used. The title leaves the paragraphs for Document.Title, with an edit.
//
// Pages repeat their title: again in the other script, again as the page
// heading, twice on one line. Each repeat is dropped with an edit. A repeat
// in the other script is recognised without a converter: the same length,
// the same non-Han characters in the same places, and at least half of the
// Han characters identical (山東省各市教育局長座談會 / 山东省各市教育局长座谈会);
// Simplified and Traditional forms of one text differ in fewer places.
const maxTitle = 60

func (c *cleaner) findTitle(lines []*line) []*line {
	if len(lines) == 0 {
		return lines
	}
	t := lines[0].text()
	if !isTitleLike(t) || len(lines[0].segs) != 1 {
		return lines
	}
	c.doc.Title = t
	c.titleLine = lines[0]
	rules := make([]string, len(lines))
	rules[0] = "title"
	for i := 1; i < len(lines); i++ {
		switch s := lines[i].text(); {
		case sameText(s, t):
			rules[i] = "title-repeat"
		case repeatsOf(s, t):
			rules[i] = "title-repeat-on-one-line"
		}
	}
	var out []*line
	brk := false
	for i, l := range lines {
		if rules[i] == "" {
			if brk {
				l.breakBefore = true
				brk = false
			}
			out = append(out, l)
			continue
		}
		brk = true
		e := Edit{Kind: "repeat", Line: l.n, Before: l.raw, After: "", Rule: rules[i], Note: "the title again"}
		if rules[i] == "title" {
			e.Kind, e.Note = "title", "moved to the report's title"
		}
		c.edit(e)
	}
	return out
}

func isTitleLike(s string) bool {
	n := utf8.RuneCountInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return n >= 4 && n <= maxTitle && last != '。' && !strings.Contains(s, "。")
}

// sameText reports whether a and b are the same text, possibly in the other
// script.
func sameText(a, b string) bool {
	if a == b {
		return true
	}
	han, same := 0, 0
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		a, b = a[na:], b[nb:]
		hanA, hanB := unicode.Is(unicode.Han, ra), unicode.Is(unicode.Han, rb)
		if hanA != hanB || (!hanA && ra != rb) {
			return false
		}
		if hanA {
			han++
			if ra == rb {
				same++
			}
		}
	}
	if a != "" || b != "" { // not as many runes
		return false
	}
	return han > 0 && same*2 >= han
}

// repeatsOf reports whether s is t written k ≥ 2 times in a row (in either
// script).
func repeatsOf(s, t string) bool {
	ns, nt := utf8.RuneCountInString(s), utf8.RuneCountInString(t)
	if nt == 0 || ns < 2*nt || ns%nt != 0 {
		return false
	}
	rs, rt := []rune(s), []rune(t)
	for i := 0; i < len(rs); i += len(rt) {
		if !sameText(string(rs[i:i+len(rt)]), t) {
			return false
		}
	}
	return true
}

// HeadlineID is the paragraph id of the headline: before p1, so the body's
// ids (and every anchor to them) stay as they were before the headline was
// read.
const HeadlineID = "p0"

// headline turns the line findTitle moved into the title into a paragraph
// of its own, Document.Headline, so that its figures (新建扩建59所学校) are
// read and cited like the body's. Its width and punctuation are normalised
// as a paragraph's are (５９所 reads as 59所), each change an edit of its
// line; Document.Title keeps the line as it was read. Repeats of the title,
// in either script, are not headlines of their own.
func (c *cleaner) headline() *Paragraph {
	if c.titleLine == nil {
		return nil
	}
	p := &para{line: c.titleLine.n, segs: slices.Clone(c.titleLine.segs)}
	c.normalise(p)
	var b strings.Builder
	for _, s := range p.segs {
		b.WriteString(s.text)
	}
	return &Paragraph{ID: HeadlineID, Line: p.line, Text: b.String()}
}

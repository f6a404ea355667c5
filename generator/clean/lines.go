package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// seg is a run of a line's text: plain report text, or a damaged or
// corrected span that later rules must leave alone.
type seg struct {
	text     string
	kind     string // "", "damaged", "corrected"
	original string // the damaged text a correction replaced
	note     string
}

// line is one non-blank line of the original, as it goes through the
// line-level rules.
type line struct {
	n           int // 1-based line number in the decoded original
	raw         string
	breakBefore bool // a blank or removed line comes before it
	segs        []seg
}

func (l *line) text() string { return segsText(l.segs) }

func segsText(ss []seg) string {
	switch len(ss) {
	case 0:
		return ""
	case 1: // most lines: nothing to join
		return ss[0].text
	}
	n := 0
	for _, s := range ss {
		n += len(s.text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range ss {
		b.WriteString(s.text)
	}
	return b.String()
}

// para is a paragraph being assembled from one or more lines.
type para struct {
	line int
	segs []seg
}

// joinLines joins lines broken mid-sentence. The decision is made from the
// shape of the text only, never from a list of known lines:
//
//   - a line ending in a comma or 、 never ends a paragraph: it is joined
//     with the next line, even across a blank line (speeches laid out for
//     phones put "鄧雲鋒指出," alone);
//   - a line ending in anything that is not sentence-final punctuation is
//     joined with the next line when no blank line separates them and the
//     line is long enough to have been broken by width (short unpunctuated
//     lines are headings);
//   - never when the next line starts an outline or list item, or when the
//     line is itself a heading with an outline marker, or is damaged at its
//     end (a line cut off by the mirror is not a broken sentence).
func (c *cleaner) joinLines(lines []*line) []*para {
	var out []*para
	var cur *para
	var prev *line
	for _, l := range lines {
		if cur != nil && shouldJoin(prev, l) {
			pt, nt := prev.text(), l.text()
			before := snippetEnd(pt) + "\n" + snippetStart(nt)
			cur.segs = appendJoined(cur.segs, pt, l.segs, nt)
			after := strings.Replace(before, "\n", joiner(pt, nt), 1)
			c.edit(Edit{Kind: "join", Line: l.n, Before: before, After: after, Rule: "join-broken-line"})
			prev = l
			continue
		}
		cur = &para{line: l.n, segs: append([]seg(nil), l.segs...)}
		out = append(out, cur)
		prev = l
	}
	return out
}

// shouldJoin reports whether next continues the sentence prev breaks off.
func shouldJoin(prev, next *line) bool {
	if len(prev.segs) == 0 || len(next.segs) == 0 {
		return false
	}
	if last := prev.segs[len(prev.segs)-1]; last.kind != "" {
		return false
	}
	pt, nt := prev.text(), next.text()
	if startsItem(nt) {
		return false
	}
	if lv, _, body := marker(pt); lv == 1 || lv == 2 {
		if !strings.ContainsAny(body, "。;；") {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(pt)
	switch {
	case strings.ContainsRune(",，、", last):
		return true
	case strings.ContainsRune(sentenceEnd, last):
		return false
	}
	return !next.breakBefore && utf8.RuneCountInString(pt) >= minBrokenLine
}

// minBrokenLine is the shortest line taken to be broken by width rather than
// a heading: headings like 上半年回顧 are a few characters, lines broken by a
// page width are not.
const minBrokenLine = 12

// sentenceEnd holds the characters after which a line may end a paragraph.
const sentenceEnd = "。.!?！？;；:：…”’」』)）】》\"'"

// appendJoined appends the next line's segments, with a space between two
// Latin words. Plain segments are not merged: the normalisation and the
// final text see the paragraph as one run of runes anyway, and appending
// keeps joining linear in the length of the paragraph.
func appendJoined(a []seg, prevText string, b []seg, nextText string) []seg {
	if sep := joiner(prevText, nextText); sep != "" {
		a = append(a, seg{text: sep})
	}
	return append(a, b...)
}

// joiner is what goes between two joined lines: nothing in Chinese text, a
// space between two Latin words.
func joiner(a, b string) string {
	x, _ := utf8.DecodeLastRuneInString(a)
	y, _ := utf8.DecodeRuneInString(b)
	if x < utf8.RuneSelf && y < utf8.RuneSelf && unicode.IsLetter(x) && unicode.IsLetter(y) {
		return " "
	}
	return ""
}

func snippetEnd(s string) string {
	r := []rune(s)
	if len(r) > 12 {
		return "…" + string(r[len(r)-12:])
	}
	return s
}

func snippetStart(s string) string {
	r := []rune(s)
	if len(r) > 12 {
		return string(r[:12]) + "…"
	}
	return s
}

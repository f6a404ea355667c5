package clean

import (
	"strings"
	"unicode/utf8"
)

// maxParagraphRunes bounds a paragraph. The longest paragraph of the real
// reports and the corpus is about 1,000 characters; a file that is one
// 4 MB line made one paragraph whose page took the HTML minifier 88 s (its
// entity replacement is slow on huge text runs) and whose search entry was
// the whole file.
const maxParagraphRunes = 4000

// splitLong cuts paragraphs longer than maxParagraphRunes into pieces that
// are not, each cut after the last sentence end (。！？；!?;) that keeps the
// piece within the bound, or at the bound when the piece has none. Only
// plain text is cut: a damaged or corrected span stays whole in one piece.
// Each cut is an edit record; the pieces get ids like any paragraph.
func (c *cleaner) splitLong(paras []*para) []*para {
	var out []*para
	for _, p := range paras {
		for {
			head, rest, ok := cutParagraph(p.segs)
			if !ok {
				out = append(out, p)
				break
			}
			c.edit(Edit{Kind: "split", Line: p.line, Before: snippetEnd(segsText(head)) + snippetStart(segsText(rest)),
				After: snippetEnd(segsText(head)) + "\n" + snippetStart(segsText(rest)), Rule: "split-long-paragraph"})
			out = append(out, &para{line: p.line, segs: head})
			p = &para{line: p.line, segs: rest}
		}
	}
	return out
}

// cutParagraph splits segs after at most maxParagraphRunes runes, or says
// there is no need (or no place) to.
func cutParagraph(segs []seg) (head, rest []seg, ok bool) {
	total := 0
	for _, s := range segs {
		total += utf8.RuneCountInString(s.text)
	}
	if total <= maxParagraphRunes {
		return nil, nil, false
	}
	// Find the segment holding the bound and cut inside it, or before the
	// first marked span that crosses it.
	at := 0 // runes before segs[i]
	for i, s := range segs {
		n := utf8.RuneCountInString(s.text)
		if at+n <= maxParagraphRunes {
			at += n
			continue
		}
		if s.kind != "" {
			if i == 0 {
				if len(segs) == 1 {
					return nil, nil, false // one huge span: nothing to cut
				}
				return segs[:1:1], segs[1:], true
			}
			return segs[:i:i], segs[i:], true
		}
		cut := cutPoint(s.text, maxParagraphRunes-at)
		if cut == 0 {
			if i == 0 {
				return nil, nil, false
			}
			return segs[:i:i], segs[i:], true
		}
		head = append(append([]seg{}, segs[:i]...), seg{text: s.text[:cut]})
		rest = append([]seg{{text: s.text[cut:]}}, segs[i+1:]...)
		return head, rest, true
	}
	return nil, nil, false
}

// cutPoint is the byte offset in text, within the first limit runes, just
// after the last sentence end; the offset of rune limit when there is none.
func cutPoint(text string, limit int) int {
	last, n, end := -1, 0, len(text)
	for i, r := range text {
		if n == limit {
			end = i
			break
		}
		n++
		if strings.ContainsRune("。！？；!?;", r) {
			last = i + utf8.RuneLen(r)
		}
	}
	if last > 0 {
		return last
	}
	return end
}

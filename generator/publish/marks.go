package publish

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mark is a run of a paragraph's text the page shows specially: a figure,
// an editor's correction, a damaged span. It is written as a Markdown link
// to a fragment ("[text](#f-…)") that layouts/_markup/render-link.html turns
// into the right element, so the paragraph stays Markdown while its text
// stays escaped.
type mark struct {
	start, end int    // rune offsets in the paragraph's original-script text
	id         string // fragment: "f-…" figure, "c-…" correction, "d-…" damage
	title      string // shown on hover: what the mark means
}

// appendMarkedParagraph appends text with its marks. Each run of text
// between marks is converted to the page's script on its own, so a mark
// never shifts when conversion changes a phrase's length: convert(from, to)
// gives text[from:to] converted. Overlapping marks are dropped after the
// first (marks are never nested).
func appendMarkedParagraph(b []byte, id, text string, marks []mark, convert func(from, to int) string) []byte {
	lead := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace)) // what TrimSpace drops
	piece := func(from, to int) string { return convert(lead+from, lead+to) }
	text = strings.TrimSpace(text)
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	n := utf8.RuneCountInString(text)
	// The marks are in order, so rune offsets are turned into byte offsets
	// by walking the text once.
	var cur runeCursor
	at, atByte := 0, 0
	for _, m := range marks {
		if m.start < at || m.end > n || m.start >= m.end {
			continue
		}
		start := cur.seek(text, m.start)
		end := cur.seek(text, m.end)
		// Only the first piece can open a block.
		b = appendEscaped(b, piece(atByte, start), at != 0)
		b = append(b, '[')
		b = appendEscaped(b, piece(start, end), true)
		b = append(b, "](#"...)
		b = append(b, m.id...)
		if m.title != "" {
			b = append(b, ` "`...)
			b = append(b, strings.ReplaceAll(string(appendEscaped(nil, m.title, true)), `"`, `\"`)...)
			b = append(b, '"')
		}
		b = append(b, ')')
		at, atByte = m.end, end
	}
	b = appendEscaped(b, piece(atByte, len(text)), at != 0)
	return appendAnchor(b, id)
}

// runeCursor turns rune offsets into byte offsets for offsets that never
// decrease, walking the text once.
type runeCursor struct{ runes, bytes int }

func (c *runeCursor) seek(s string, runes int) int {
	for c.runes < runes {
		_, size := utf8.DecodeRuneInString(s[c.bytes:])
		c.bytes += size
		c.runes++
	}
	return c.bytes
}

package publish

import (
	"sort"
	"strings"
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
// never shifts when conversion changes a phrase's length. Overlapping
// marks are dropped after the first (marks are never nested).
func appendMarkedParagraph(b []byte, id, text string, marks []mark, convert func(string) string) []byte {
	text = strings.TrimSpace(text)
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	// Byte offset of each rune offset, and one past the end.
	offsets := make([]int, 0, len(text)/3+1)
	for i := range text {
		offsets = append(offsets, i)
	}
	n := len(offsets)
	offsets = append(offsets, len(text))
	at := 0
	for _, m := range marks {
		if m.start < at || m.end > n || m.start >= m.end {
			continue
		}
		// Only the first piece can open a block.
		b = appendEscaped(b, convert(text[offsets[at]:offsets[m.start]]), at != 0)
		b = append(b, '[')
		b = appendEscaped(b, convert(text[offsets[m.start]:offsets[m.end]]), true)
		b = append(b, "](#"...)
		b = append(b, m.id...)
		if m.title != "" {
			b = append(b, ` "`...)
			b = append(b, strings.ReplaceAll(string(appendEscaped(nil, m.title, true)), `"`, `\"`)...)
			b = append(b, '"')
		}
		b = append(b, ')')
		at = m.end
	}
	b = appendEscaped(b, convert(text[offsets[at]:]), at != 0)
	return appendAnchor(b, id)
}

package clean

import (
	"fmt"
	"strings"
)

// Invisible characters: zero-width spaces and joiners, the word joiner,
// a BOM inside a line, the soft hyphen and the bidirectional controls.
// None is visible in a report, but each splits a number for the extractor
// (1\u200b200所 would publish 200 所 while the page shows 1200) and a
// bidi override reorders what a reader sees. They are removed where the
// text is read, before any other rule, each line's removals one edit.
func isInvisible(r rune) bool {
	switch {
	case r == '\u00ad', // soft hyphen
		r == '\u061c',                  // Arabic letter mark
		r == '\u180e',                  // Mongolian vowel separator
		r >= '\u200b' && r <= '\u200f', // zero-width space, joiners, LRM, RLM
		r >= '\u202a' && r <= '\u202e', // bidi embeddings and overrides
		r >= '\u2060' && r <= '\u2064', // word joiner, invisible operators
		r >= '\u2066' && r <= '\u2069', // bidi isolates
		r == '\ufeff':                  // BOM / zero-width no-break space inside a line
		return true
	}
	return false
}

// removeInvisible returns line without invisible characters and how many
// there were.
func removeInvisible(line string) (string, int) {
	n := 0
	for _, r := range line {
		if isInvisible(r) {
			n++
		}
	}
	if n == 0 {
		return line, 0
	}
	var b strings.Builder
	b.Grow(len(line))
	for _, r := range line {
		if !isInvisible(r) {
			b.WriteRune(r)
		}
	}
	return b.String(), n
}

// dropInvisible removes the invisible characters of line n and records it.
// The record's Before names each removed character as ⟨U+200B⟩, so the
// edit log shows what was there without the characters acting again on
// the page (a bidi override in the log would reorder it).
func (c *cleaner) dropInvisible(n int, raw string) string {
	clean, cnt := removeInvisible(raw)
	if cnt == 0 {
		return raw
	}
	var before strings.Builder
	for _, r := range raw {
		if isInvisible(r) {
			fmt.Fprintf(&before, "⟨U+%04X⟩", r)
		} else {
			before.WriteRune(r)
		}
	}
	c.edit(Edit{Kind: "invisible", Line: n, Before: before.String(), After: clean, Rule: "invisible-character", Count: cnt,
		Note: "invisible characters removed; Before names each as ⟨U+code⟩"})
	return clean
}

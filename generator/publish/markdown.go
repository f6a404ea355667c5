package publish

import (
	"strings"
	"unicode"
)

// Escape makes s safe to place in a Markdown paragraph: every character
// that Markdown, Hugo's goldmark extensions or Hugo's shortcode syntax could
// read as markup is backslash-escaped, so nothing in a report can become a
// tag, a link, emphasis, a table, an attribute block or a shortcode. The
// visible text is unchanged. Line breaks become spaces: a paragraph is one
// line.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		if r == '\n' || r == '\r' {
			b.WriteByte(' ')
			continue
		}
		if needsEscape(s, i, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsEscape(s string, i int, r rune) bool {
	switch r {
	case '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '#', '|', '~', '&', '!', '$', '@':
		// '@' would start an e-mail autolink where linkify is on.
		return true
	case '-', '+', '=', ':', '.', ')', '(':
		// Only dangerous where they can open a block (list item, setext
		// underline, definition) or end a list marker after digits, or
		// where they make "http://" or "www." an autolink; escaping them
		// everywhere would clutter every diff.
		return atBlockStart(s, i) ||
			r == '.' && strings.HasSuffix(strings.ToLower(s[:i]), "www")
	case '/':
		return strings.HasSuffix(s[:i], ":")
	}
	return false
}

// atBlockStart reports whether position i of s is where a block marker
// would be read: the first non-space character, or the character right
// after a leading run of digits (for "1." and "1)").
func atBlockStart(s string, i int) bool {
	head := strings.TrimLeft(s[:i], " \t")
	if head == "" {
		return true
	}
	for _, r := range head {
		if !unicode.IsDigit(r) || r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// Paragraph renders one paragraph with its anchor as a block attribute
// (Hugo's markup.goldmark.parser.attribute.block). Leading white space is
// dropped: four spaces would make a code block.
func Paragraph(id, text string) string {
	return Escape(strings.TrimSpace(text)) + "\n{#" + id + "}\n\n"
}

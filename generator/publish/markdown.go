package publish

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// appendEscaped appends s made safe to place in a Markdown paragraph: every
// character that Markdown, Hugo's goldmark extensions or Hugo's shortcode
// syntax could read as markup is backslash-escaped, so nothing in a report
// can become a tag, a link, emphasis, a table, an attribute block or a
// shortcode. The visible text is unchanged. Line breaks become spaces: a
// paragraph is one line. An inline s is a piece of a paragraph after its
// start, where no block can open.
func appendEscaped(b []byte, s string, inline bool) []byte {
	from := 0 // start of the run not yet copied
	// Every character escaped is ASCII, so the text is walked byte
	// by byte and the runs between them (all of the Chinese) copied whole.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || !asciiMarkup[c] {
			continue
		}
		if c == '\n' || c == '\r' {
			b = append(b, s[from:i]...)
			b = append(b, ' ')
			from = i + 1
			continue
		}
		if needsEscape(s, i, rune(c), inline) {
			b = append(b, s[from:i]...)
			b = append(b, '\\')
			from = i
		}
	}
	return append(b, s[from:]...)
}

// asciiMarkup marks the bytes appendEscaped looks at: line breaks and every
// character needsEscape may escape.
var asciiMarkup = func() (t [utf8.RuneSelf]bool) {
	for _, c := range "\n\r\\`*_{}[]<>#|~&!$@-+=:.)(/" {
		t[c] = true
	}
	return t
}()

func needsEscape(s string, i int, r rune, inline bool) bool {
	switch r {
	case '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '#', '|', '~', '&', '!', '$', '@':
		// '@' would start an e-mail autolink where linkify is on.
		return true
	case '-', '+', '=', ':', '.', ')', '(':
		// Only dangerous where they can open a block (list item, setext
		// underline, definition) or end a list marker after digits, or
		// where they make "http://" or "www." an autolink; escaping them
		// everywhere would clutter every diff.
		return !inline && atBlockStart(s, i) ||
			r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www")
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

// appendParagraph appends one paragraph with its anchor as a block
// attribute (Hugo's markup.goldmark.parser.attribute.block). Leading white
// space is dropped: four spaces would make a code block.
func appendParagraph(b []byte, id, text string) []byte {
	b = appendEscaped(b, strings.TrimSpace(text), false)
	return appendAnchor(b, id)
}

// appendAnchor ends a paragraph with a visible link to itself (¶, made a
// paragraph link by layouts/_markup/render-link.html) and its anchor.
func appendAnchor(b []byte, id string) []byte {
	b = append(b, " [¶](#"...)
	b = append(b, id...)
	b = append(b, ')')
	b = append(b, "\n{#"...)
	b = append(b, id...)
	return append(b, "}\n\n"...)
}

package jsonout

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// appendIndented appends src, compact JSON as json.Marshal writes it, laid
// out as json.MarshalIndent(v, "", indent) lays it out, as if it started
// at depth levels of indentation: one member or
// element a line, ": " after keys, empty objects and arrays kept as {} and
// []. It gives the same bytes as json.Indent, which runs a full validating
// scanner over every byte; this one copies string contents in one piece,
// and at tens of thousands of pages front matter is mostly strings. The
// input must be valid JSON without insignificant spaces (json.Marshal's
// output is both); the equivalence is tested against json.Indent.
func appendIndented(dst, src []byte, indent string, depth int) []byte {
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the string whole: find its closing quote, skipping
			// escaped characters.
			j := i + 1
			for {
				k := bytes.IndexAny(src[j:], `"\`)
				if k < 0 { // unterminated: not json.Marshal output; copy the rest
					return append(dst, src[i:]...)
				}
				j += k
				if src[j] == '\\' {
					j += 2
					continue
				}
				break
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// AppendString appends s as json.Marshal writes a string. Most strings
// need no escaping, and are copied between quotes without going through
// encoding/json's reflection; the others are handed to it.
func AppendString(dst []byte, s string) []byte {
	if jsonNeedsEscape(s) {
		b, _ := json.Marshal(s) // a string always marshals
		return append(dst, b...)
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// jsonNeedsEscape reports whether json.Marshal would write s other than as
// itself between quotes: control characters, quotes, backslashes, the
// HTML-sensitive <, > and &, invalid UTF-8, and U+2028 and U+2029. It is
// run over every string the generator writes, mostly Chinese, so the
// common three-byte character is checked in place rather than decoded.
func jsonNeedsEscape(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiEscaped[c] {
				return true
			}
			i++
			continue
		}
		// A three-byte sequence whose lead byte allows any continuation
		// byte after it (not E0 or ED), and not U+2028 or U+2029.
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				return true
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return true
		}
		i += size
	}
	return false
}

// asciiEscaped marks the ASCII bytes json.Marshal escapes.
var asciiEscaped = func() (t [utf8.RuneSelf]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = true
	}
	return t
}()

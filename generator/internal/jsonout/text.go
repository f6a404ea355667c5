package jsonout

import (
	"bytes"
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

// AppendString appends s as json.Marshal writes a string: quotes,
// backslashes and control characters escaped, the HTML-sensitive <, > and
// & as \u003c \u003e \u0026, U+2028 and U+2029 as \u2028 \u2029, and
// each invalid byte as \ufffd (encoding/json's appendString). It is run
// over every string the generator writes, mostly Chinese, so the common
// three-byte character is checked in place rather than decoded, and the
// runs between escapes are copied whole.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0 // start of the run not yet copied
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiEscaped[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default: // other control characters, <, >, &
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		// A three-byte sequence whose lead byte allows any continuation
		// byte after it (not E0 or ED) is a valid character.
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				dst = append(dst, s[start:i]...)
				dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xF])
				start = i + 3
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			start = i + 1
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

const hexDigits = "0123456789abcdef"

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

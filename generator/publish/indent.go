package publish

import "bytes"

// appendIndented appends src, compact JSON as json.Marshal writes it, laid
// out as json.MarshalIndent(v, "", indent) lays it out: one member or
// element a line, ": " after keys, empty objects and arrays kept as {} and
// []. It gives the same bytes as json.Indent, which runs a full validating
// scanner over every byte; this one copies string contents in one piece,
// and at tens of thousands of pages front matter is mostly strings. The
// input must be valid JSON without insignificant spaces (json.Marshal's
// output is both); the equivalence is tested against json.Indent.
func appendIndented(dst, src []byte, indent string) []byte {
	depth := 0
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

package source

import (
	"io"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// toUnicode is a font's ToUnicode CMap: character codes (as raw bytes)
// to text. The reader's own is used only when a font has no /Encoding
// dictionary, but the map is what recovers the text of Type3 and
// subset fonts (Chromium and Skia write CJK text that way), so it is read
// here, for every font that has one.
type toUnicode struct {
	widths [5]bool // code lengths the codespace ranges allow
	single map[string]string
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi string
	dst    []string // one destination, incremented along the range; or one per code
	inc    bool
}

// readToUnicode parses a ToUnicode stream; nil when there is none or it
// maps nothing. CMaps are small PostScript programs of a fixed shape: the
// sections between begincodespacerange, beginbfchar, beginbfrange and
// their ends are read as the hex strings and arrays they hold.
func readToUnicode(v pdf.Value) *toUnicode {
	if v.Kind() != pdf.Stream {
		return nil
	}
	rd := v.Reader()
	defer rd.Close()
	raw, err := io.ReadAll(io.LimitReader(rd, MaxSize))
	if err != nil {
		return nil
	}
	m := &toUnicode{single: map[string]string{}}
	toks := cmapTokens(string(raw))
	section := ""
	var args []any // string (a hex string's bytes) or []string (an array)
	for _, tok := range toks {
		switch tok := tok.(type) {
		case string:
			args = append(args, tok)
		case []string:
			args = append(args, tok)
		case cmapOp:
			switch tok {
			case "begincodespacerange", "beginbfchar", "beginbfrange":
				section, args = string(tok), nil
			case "endcodespacerange":
				for i := 0; i+1 < len(args); i += 2 {
					if lo, ok := args[i].(string); ok && len(lo) >= 1 && len(lo) <= 4 {
						m.widths[len(lo)] = true
					}
				}
				section, args = "", nil
			case "endbfchar":
				for i := 0; i+1 < len(args); i += 2 {
					code, ok1 := args[i].(string)
					dst, ok2 := args[i+1].(string)
					if ok1 && ok2 {
						m.single[code] = utf16Text(dst)
					}
				}
				section, args = "", nil
			case "endbfrange":
				for i := 0; i+2 < len(args); i += 3 {
					lo, ok1 := args[i].(string)
					hi, ok2 := args[i+1].(string)
					if !ok1 || !ok2 {
						continue
					}
					switch d := args[i+2].(type) {
					case string:
						m.ranges = append(m.ranges, cmapRange{lo: lo, hi: hi, dst: []string{d}, inc: true})
					case []string:
						m.ranges = append(m.ranges, cmapRange{lo: lo, hi: hi, dst: d})
					}
				}
				section, args = "", nil
			default:
				if section == "" {
					args = nil
				}
			}
		}
	}
	if len(m.single) == 0 && len(m.ranges) == 0 {
		return nil
	}
	return m
}

// cmapOp is a bare word of a CMap program.
type cmapOp string

// cmapTokens cuts a CMap program into hex strings (as their bytes),
// arrays of hex strings, and bare words; names, numbers and literal
// strings are words too (the sections read here never need their value).
func cmapTokens(s string) []any {
	var out []any
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '%':
			for i < len(s) && s[i] != '\n' && s[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(s) && s[i+1] == '<', c == '>' && i+1 < len(s) && s[i+1] == '>':
			i += 2
		case c == '<':
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return out
			}
			out = append(out, hexBytes(s[i+1:i+j]))
			i += j + 1
		case c == '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return out
			}
			var arr []string
			for _, t := range cmapTokens(s[i+1 : i+j]) {
				if h, ok := t.(string); ok {
					arr = append(arr, h)
				}
			}
			out = append(out, arr)
			i += j + 1
		case c == '(':
			depth := 0
			for i < len(s) {
				if s[i] == '\\' {
					i += 2
					continue
				}
				if s[i] == '(' {
					depth++
				} else if s[i] == ')' {
					depth--
					if depth == 0 {
						i++
						break
					}
				}
				i++
			}
			out = append(out, cmapOp("()"))
		case c <= ' ':
			i++
		default:
			j := i
			for j < len(s) && s[j] > ' ' && !strings.ContainsRune("<>[]()%/", rune(s[j])) || j == i {
				j++
			}
			out = append(out, cmapOp(s[i:j]))
			i = j
		}
	}
	return out
}

func hexBytes(h string) string {
	var b []byte
	var hi byte
	n := 0
	for i := 0; i < len(h); i++ {
		var v byte
		switch c := h[i]; {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if n%2 == 0 {
			hi = v
		} else {
			b = append(b, hi<<4|v)
		}
		n++
	}
	if n%2 == 1 {
		b = append(b, hi<<4)
	}
	return string(b)
}

// lookup maps one code; ok is false when the map does not hold it.
func (m *toUnicode) lookup(code string) (string, bool) {
	if s, ok := m.single[code]; ok {
		return s, true
	}
	for _, r := range m.ranges {
		if len(r.lo) != len(code) || code < r.lo || code > r.hi {
			continue
		}
		off := codeValue(code) - codeValue(r.lo)
		switch {
		case r.inc:
			b := []byte(r.dst[0])
			if len(b) == 0 {
				return "", true
			}
			// add the offset to the destination's last code unit
			u := int(b[len(b)-1]) + off
			if len(b) >= 2 {
				u = int(b[len(b)-2])<<8 | int(b[len(b)-1]) + off
				b[len(b)-2], b[len(b)-1] = byte(u>>8), byte(u)
			} else {
				b[len(b)-1] = byte(u)
			}
			return utf16Text(string(b)), true
		case off < len(r.dst):
			return utf16Text(r.dst[off]), true
		}
	}
	return "", false
}

func codeValue(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v<<8 | int(s[i])
	}
	return v
}

// utf16Text decodes a CMap destination: UTF-16BE.
func utf16Text(s string) string {
	if len(s)%2 == 1 {
		s += "\x00"
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return string(utf16.Decode(u))
}

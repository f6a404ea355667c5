package clean

import (
	"unicode"

	"golang.org/x/text/width"
)

// Width and punctuation normalisation. Chinese text is set with full-width
// punctuation and half-width digits and Latin letters; copies often mix
// them. The changes are one rune for one rune, so span offsets hold:
//
//   - half-width , ; : ( ) ? ! next to a Han character or CJK punctuation
//     become , ; : ( ) ? !, unless they sit between two ASCII
//     digits or letters (2,138,084 and 09:03:52 stay as written). The issue
//     asks for marks "between Han characters"; a mark with Han on one side
//     only (93.37%,有关, 发展难题!) is in Han text too, so it is included;
//   - full-width digits and Latin letters become half-width
//     (golang.org/x/text/width); numbers keep their digits;
//   - straight double quotes in Han text become “ and ”, alternately.
//
// Damaged and corrected spans are never touched. Each changed paragraph is
// one edit per kind ("width", "punct") with the count of characters changed.

// Written as escapes: the full-width forms look like their half-width
// twins in many editors, and a lookalike here once made this map a no-op.
var halfToFull = map[rune]rune{',': '\uFF0C', ';': '\uFF1B', ':': '\uFF1A', '(': '\uFF08', ')': '\uFF09', '?': '\uFF1F', '!': '\uFF01'}

// isCJK reports whether r is a Han character or CJK punctuation.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff01 && r <= 0xff0f) ||
		(r >= 0xff1a && r <= 0xff20) || r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}

func isASCIIAlnum(r rune) bool {
	return r < 0x80 && (unicode.IsDigit(r) || unicode.IsLetter(r))
}

// isWide reports whether r is a full-width digit or Latin letter.
func isWide(r rune) bool {
	return (r >= '０' && r <= '９') || (r >= 'Ａ' && r <= 'Ｚ') || (r >= 'ａ' && r <= 'ｚ')
}

// pairedParens decides the width of each matched pair of half-width
// parentheses together, so that a pair never ends up mixed like "(1）": a
// pair becomes full-width when either parenthesis touches Chinese text,
// inside or out. The map holds every paired position; unpaired ones are
// left to the single-character rule.
func pairedParens(rs []rune, fixed []bool) map[int]bool {
	out := map[int]bool{}
	var stack []int
	cjkAt := func(i int) bool { return i >= 0 && i < len(rs) && isCJK(rs[i]) }
	for i, r := range rs {
		if fixed[i] {
			continue
		}
		switch r {
		case '(':
			stack = append(stack, i)
		case ')':
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			full := cjkAt(o-1) || cjkAt(o+1) || cjkAt(i-1) || cjkAt(i+1)
			out[o], out[i] = full, full
		}
	}
	return out
}

// normalise applies the width and punctuation rules to a paragraph.
func (c *cleaner) normalise(p *para) {
	if !mayNormalise(p) {
		return
	}
	var rs []rune
	var fixed []bool
	for _, s := range p.segs {
		for _, r := range s.text {
			rs = append(rs, r)
			fixed = append(fixed, s.kind != "")
		}
	}
	before := string(rs)
	nWidth, nPunct := 0, 0
	for i, r := range rs {
		if fixed[i] || !isWide(r) {
			continue
		}
		rs[i] = []rune(width.Narrow.String(string(r)))[0]
		nWidth++
	}
	if nWidth > 0 {
		c.edit(Edit{Kind: "width", Line: p.line, Before: before, After: string(rs), Rule: "fullwidth-alnum", Count: nWidth})
	}
	mid := string(rs)
	parens := pairedParens(rs, fixed)
	open := true
	for i, r := range rs {
		if fixed[i] {
			continue
		}
		if full, ok := parens[i]; ok {
			if full {
				rs[i] = halfToFull[r]
				nPunct++
			}
			continue
		}
		var prev, next rune
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		inHan := isCJK(prev) || isCJK(next)
		if full, ok := halfToFull[r]; ok && inHan && !(isASCIIAlnum(prev) && isASCIIAlnum(next)) {
			rs[i] = full
			nPunct++
			continue
		}
		if r == '"' && inHan {
			if open {
				rs[i] = '“'
			} else {
				rs[i] = '”'
			}
			open = !open
			nPunct++
		}
	}
	if nPunct > 0 {
		c.edit(Edit{Kind: "punct", Line: p.line, Before: mid, After: string(rs), Rule: "halfwidth-punct-in-han", Count: nPunct})
	}
	// write the runes back into the segments, which keep their lengths
	k := 0
	for i := range p.segs {
		n := len([]rune(p.segs[i].text))
		if p.segs[i].kind == "" {
			p.segs[i].text = string(rs[k : k+n])
		}
		k += n
	}
}

// mayNormalise reports whether any rule could change p: most paragraphs
// hold none of the characters they act on, and are passed by with one
// look at their bytes.
func mayNormalise(p *para) bool {
	for _, s := range p.segs {
		for i := 0; i < len(s.text); i++ {
			switch c := s.text[i]; {
			case c < 0x80:
				if normalisedASCII[c] {
					return true
				}
			case c == 0xEF && i+2 < len(s.text):
				// Full-width digits and letters: U+FF10–FF19, FF21–FF3A
				// (EF BC 90–BA) and FF41–FF5A (EF BD 81–9A).
				if b1, b2 := s.text[i+1], s.text[i+2]; b1 == 0xBC && b2 >= 0x90 && b2 <= 0xBA || b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A {
					return true
				}
			}
		}
	}
	return false
}

// normalisedASCII marks the ASCII characters a rule may change.
var normalisedASCII = func() (t [0x80]bool) {
	for _, c := range `,;:()?!"` {
		t[c] = true
	}
	return t
}()

package source

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// radicalIdeographs maps the CJK Radicals Supplement characters that
// fonts' ToUnicode maps give for whole ideographs (Noto CJK and Source Han
// map the glyph of 民 to ⺠, of 長 to ⻑) to those ideographs: the
// characters whose radical form is itself a character in running text.
// Kangxi Radicals (⾏ for 行, ⽣ for 生) are folded by their
// compatibility decomposition (NFKC), which Unicode gives every one.
var radicalIdeographs = map[rune]rune{
	'⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车',
	'⻑': '長', '⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风',
	'⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟',
	'⻧': '卤', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
	'⻁': '虎', '⺓': '幺', '⺒': '巳', '⺝': '月', '⺜': '日', '⺩': '王', '⺧': '牛',
	'⺮': '竹', '⺯': '糸', '⺫': '目', '⺬': '示', '⺻': '聿', '⺽': '臼', '⺁': '厂',
	'⺇': '几', '⺌': '小', '⺗': '心', '⺞': '歹', '⺛': '旡', '⺪': '疋',
}

// foldRadicals writes radical code points a PDF font gave for ideographs
// as the ideographs, and characters with a one-character canonical
// equivalent as that character, and counts them for the extraction
// record.
func foldRadicals(s string) (string, int) {
	n := 0
	out := strings.Map(func(r rune) rune {
		switch {
		case r >= 0x2F00 && r <= 0x2FD5: // Kangxi Radicals
			if d := []rune(norm.NFKC.String(string(r))); len(d) == 1 {
				n++
				return d[0]
			}
		case r >= 0x2E80 && r <= 0x2EFF: // CJK Radicals Supplement
			if d, ok := radicalIdeographs[r]; ok {
				n++
				return d
			}
		case r > 0x2000 && norm.NFC.PropertiesString(string(r)).Decomposition() != nil:
			// A character with a canonical equivalent of one character
			// (〉 U+232A is 〉 U+3009; a compatibility ideograph is its
			// unified ideograph): fonts map glyphs to either.
			if d := []rune(norm.NFC.String(string(r))); len(d) == 1 && d[0] != r {
				n++
				return d[0]
			}
		}
		return r
	}, s)
	return out, n
}

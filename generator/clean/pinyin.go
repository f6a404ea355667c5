package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Mirror sites add the pinyin of a character in parentheses right after it:
// 領(lǐng)導(dǎo). The annotation is one syllable, in lower case, with a tone
// mark or ü, straight after a Han character. Real parentheses never have
// that shape: (X〔2022〕X号), 县(市、区), (试行), (一), (2019) hold Han
// characters or digits, and English words in parentheses carry no tone
// marks. Syllables without a tone mark (men, de) are left alone: the mirrors
// do not annotate them, and "(de)" could be real text.

// toneVowels are the pinyin vowels with tone marks, and ü in every tone.
const toneVowels = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"

// syllable is one pinyin syllable: optional initial, a final of vowels and
// an optional n/ng/r ending.
const syllable = `(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouvü` + "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ" + `]{1,4}(?:ng|n|r)?`

var (
	annotationRe = regexp.MustCompile(`(\p{Han})[(（](` + syllable + `)[)）]`)
	syllableRe   = regexp.MustCompile(`^` + syllable + `$`)
)

// isToned reports whether s carries a tone mark or ü, which only pinyin does.
func isToned(s string) bool { return strings.ContainsAny(s, toneVowels) }

// isAnnotation reports whether p (without parentheses) is a pinyin
// annotation a mirror would add.
func isAnnotation(p string) bool {
	return utf8.RuneCountInString(p) <= 7 && syllableRe.MatchString(p) && isToned(p)
}

// stripPinyin removes pinyin annotations from s and says how many it
// removed.
func stripPinyin(s string) (string, int) {
	n := 0
	out := annotationRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := annotationRe.FindStringSubmatch(m)
		if !isAnnotation(sub[2]) {
			return m
		}
		n++
		return sub[1]
	})
	return out, n
}

// removePinyin removes annotations from the plain segments of a line. The
// debris inside damaged spans is left as received: it is evidence of what
// was destroyed.
func (l *line) removePinyin() int {
	total := 0
	for i := range l.segs {
		if l.segs[i].kind != "" {
			continue
		}
		// Repeat until nothing is left: removing 領(lǐng) from 領(lǐng)(lǐng)
		// leaves another annotation behind.
		for {
			var n int
			l.segs[i].text, n = stripPinyin(l.segs[i].text)
			total += n
			if n == 0 {
				break
			}
		}
	}
	return total
}

// hasAnnotation reports whether s still holds a pinyin annotation; tests and
// the fuzz target use it to check the invariant.
func hasAnnotation(s string) bool {
	for _, m := range annotationRe.FindAllStringSubmatch(s, -1) {
		if isAnnotation(m[2]) {
			return true
		}
	}
	return false
}

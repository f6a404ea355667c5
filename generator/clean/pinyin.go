package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mirror sites add the pinyin of a character in parentheses right after it:
// 領(lǐng)導(dǎo). The annotation is one syllable, with a tone
// mark or ü, straight after a Han character. Real parentheses never have
// that shape: (X〔2022〕X号), 县(市、区), (试行), (一), (2019) hold Han
// characters or digits, and English words in parentheses carry no tone
// marks. Syllables without a tone mark (men, de) are left alone: most
// mirrors do not annotate them, and "(de)" could be real text — unless the
// copy shows that its mirror annotates without tone marks (教(jiao)(jiao)): see
// untonedInjected.
//
// The forms mirrors inject vary: full- or half-width parentheses, upper
// case (學(XUÉ)), a space before the parenthesis or inside it (學 (xué),
// 學( xué )); all are the same annotation.

// toneVowels are the pinyin vowels with tone marks, and ü in every tone.
const toneVowels = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"

// syllable is one pinyin syllable: optional initial, a final of vowels and
// an optional n/ng/r ending.
const syllable = `(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouvü` + "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ" + `]{1,4}(?:ng|n|r)?`

var (
	annotationRe = regexp.MustCompile(`(\p{Han}) ?[(（]( *(?i:` + syllable + `) *)[)）]`)
	syllableRe   = regexp.MustCompile(`^` + syllable + `$`)
)

// Untoned annotations are taken out of a copy only when it holds at least
// minUntoned of them, of at least minUntonedKinds different syllables: one
// (men) is real text, a page of 教(jiao)室(shi) is a mirror's.
const (
	minUntoned      = 5
	minUntonedKinds = 3
)

// untonedInjected reports whether the text's mirror annotates characters
// with pinyin without tone marks.
//
// It goes from parenthesis to parenthesis, as stripAnnotations does: a
// regexp starting with \p{Han} has no literal to skip ahead by and tried
// every position of the report.
func untonedInjected(text string) bool {
	kinds := map[string]bool{}
	n := 0
	for i := 0; i < len(text); {
		k := strings.IndexAny(text[i:], "(\uff08")
		if k < 0 {
			break
		}
		j := i + k
		_, size := utf8.DecodeRuneInString(text[j:])
		i = j + size
		if last, _ := utf8.DecodeLastRuneInString(text[:j]); !unicode.Is(unicode.Han, last) {
			continue
		}
		rest := text[i:min(len(text), i+7+len("\uff09"))]
		end := strings.IndexAny(rest, ")\uff09")
		if end < 1 || !isLowerASCII(rest[:end]) || !syllableRe.MatchString(rest[:end]) {
			continue
		}
		n++
		kinds[rest[:end]] = true
	}
	return n >= minUntoned && len(kinds) >= minUntonedKinds
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// isToned reports whether s carries a tone mark or ü, which only pinyin does.
func isToned(s string) bool { return strings.ContainsAny(s, toneVowels) }

// isAnnotation reports whether p (without parentheses) is a pinyin
// annotation a mirror would add.
func isAnnotation(p string) bool { return isSyllable(p, false) }

// isSyllable reports whether p (without parentheses, spaces around it
// allowed) is one pinyin syllable a mirror adds: toned in any case, or, when
// untoned is set, untoned in lower case.
func isSyllable(p string, untoned bool) bool {
	q := strings.Trim(p, " ")
	if q == "" || utf8.RuneCountInString(q) > 7 {
		return false
	}
	lq := q
	if strings.ContainsFunc(q, unicode.IsUpper) {
		lq = strings.ToLower(q)
	}
	if isToned(lq) && syllableRe.MatchString(lq) {
		return true
	}
	return untoned && syllableRe.MatchString(q)
}

// stripPinyin removes pinyin annotations from s and says how many it
// removed. Stacked annotations go too: removing 領(lǐng) from 領(lǐng)(lǐng)
// leaves another annotation behind, which is removed as well, so the result
// holds no annotation (the same result and count as stripping one layer at a
// time until nothing is left, which took one pass over the text per layer).
//
// It is one pass over s: an opening parenthesis right after a Han character
// of the output starts an annotation when the text up to the next closing
// parenthesis is one toned syllable; the annotation is dropped and the Han
// character stays last in the output, ready for the next one.
func stripPinyin(s string) (string, int) { return stripAnnotations(s, false) }

// stripAnnotations is stripPinyin, also taking out untoned syllables when
// untoned is set.
func stripAnnotations(s string, untoned bool) (string, int) {
	var b strings.Builder
	n := 0
	from := 0       // start of the text not yet copied
	removedTo := -1 // end of the last annotation dropped
	for i := 0; i < len(s); {
		k := strings.IndexAny(s[i:], "(\uff08") // ASCII or full-width
		if k < 0 {
			break
		}
		j := i + k
		// The rune before j in the output: the Han character an
		// annotation just dropped followed, or the rune before it in s.
		last, _ := utf8.DecodeLastRuneInString(s[:j])
		ok := j == removedTo || j > 0 && unicode.Is(unicode.Han, last)
		spaced := false // one space between the character and "(" goes too
		if !ok && last == ' ' {
			prev, _ := utf8.DecodeLastRuneInString(s[:j-1])
			ok = j-1 == removedTo || j > 1 && unicode.Is(unicode.Han, prev)
			spaced = ok
		}
		if ok {
			if l := annotationLength(s[j:], untoned); l > 0 {
				if n == 0 {
					b.Grow(len(s))
				}
				if spaced {
					b.WriteString(s[from : j-1])
				} else {
					b.WriteString(s[from:j])
				}
				n++
				from, removedTo, i = j+l, j+l, j+l
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		i = j + size
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[from:])
	return b.String(), n
}

// annotationLen returns the length of the annotation "(lǐng)" or "(lǐng)"
// at the start of s, or 0. A syllable holds no parenthesis, so the
// annotation ends at the first closing one, which must come within
// maxAnnotationBytes.
func annotationLen(s string) int { return annotationLength(s, false) }

// annotationLength is annotationLen, also for untoned syllables when
// untoned is set.
func annotationLength(s string, untoned bool) int {
	_, size := utf8.DecodeRuneInString(s)
	rest := s[size:]
	if len(rest) > maxAnnotationBytes+len("\uff09") {
		rest = rest[:maxAnnotationBytes+len("\uff09")]
	}
	end := strings.IndexAny(rest, ")\uff09") // ASCII or full-width
	if end < 0 || !isSyllable(rest[:end], untoned) {
		return 0
	}
	_, closeSize := utf8.DecodeRuneInString(rest[end:])
	return size + end + closeSize
}

// removePinyin removes annotations from the plain segments of a line. The
// debris inside damaged spans is left as received: it is evidence of what
// was destroyed.
func (l *line) removePinyin(untoned bool) int {
	total := 0
	for i := range l.segs {
		if l.segs[i].kind != "" {
			continue
		}
		var n int
		l.segs[i].text, n = stripAnnotations(l.segs[i].text, untoned)
		total += n
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

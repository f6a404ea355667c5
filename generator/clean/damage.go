package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The mirrors that carried some reports destroyed characters: a "?" (or
// U+FFFD) stands where a character was, and the bytes after it were often
// destroyed too, so the debris of the next characters' pinyin annotations
// follows without its opening parenthesis: 游戲?qū)嶒?yàn)區 was 游戲實驗區.
// A damaged span is therefore found as a whole:
//
//   - it starts at a "?" right after a Han character (not after a question
//     particle such as 嗎, where "?" is a question mark) that is followed by
//     Han text or debris, or at any U+FFFD;
//   - each "?" takes the debris after it: up to three ASCII letters or
//     marks, then a toned pinyin syllable and ")" (qū), ;A(chǔ));
//   - a following "?" within three characters continues the span, so the
//     few garbled characters between two destroyed ones are inside it
//     (?shù)毓珓?wù) is one span).
//
// A U+FFFD at the end of a line marks a line the mirror cut off in the
// middle of a character; it is a damaged span too. A "?" after Han text
// followed by anything else (space, quote, end of line) is a question mark
// and is left to punct.go.

// debrisRe matches what follows a "?" when the bytes after it were
// destroyed: a few stray ASCII characters and the tail of a pinyin
// annotation.
var debrisRe = regexp.MustCompile(`^[;:,.A-Za-z]{0,3}?[(（]?(` + syllable + `)[)）]`)

// questionParticles end questions; a "?" after them is punctuation.
const questionParticles = "吗嗎呢么麼吧呀啊哪"

// maxGap is how many garbled characters may sit between two destroyed ones
// in one span.
const maxGap = 3

const (
	noteDestroyed = "characters destroyed by the mirror that carried the report"
	noteCutOff    = "line cut off in the copy received"
)

// markDamage splits a line into plain and damaged segments.
func markDamage(s string) []seg {
	var out []seg
	plainStart := 0
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isDamageStart(s, i, r) {
			i += size
			continue
		}
		end := damageEnd(s, i)
		if plainStart < i {
			out = append(out, seg{text: s[plainStart:i]})
		}
		note := noteDestroyed
		if end == len(s) {
			note = noteCutOff
		}
		out = append(out, seg{text: s[i:end], kind: "damaged", note: note})
		plainStart, i = end, end
	}
	if plainStart < len(s) {
		out = append(out, seg{text: s[plainStart:]})
	}
	return out
}

// isDamageStart reports whether the rune r at byte i of s starts a damaged
// span.
func isDamageStart(s string, i int, r rune) bool {
	if r == utf8.RuneError {
		return true // U+FFFD, or an invalid byte in text that escaped decoding
	}
	if r != '?' {
		return false
	}
	prev := prevSkippingAnnotation(s[:i])
	if i == 0 || !unicode.Is(unicode.Han, prev) || strings.ContainsRune(questionParticles, prev) {
		return false
	}
	rest := s[i+1:]
	if rest == "" {
		return false // a question mark at the end of a sentence
	}
	next, _ := utf8.DecodeRuneInString(rest)
	return unicode.Is(unicode.Han, next) || next == '?' || next == utf8.RuneError || debris(rest) > 0
}

// debrisWindow bounds the text debrisRe looks at. A match is at most 21
// bytes (three ASCII marks, a parenthesis, a syllable of at most twelve
// bytes, a parenthesis); passing the whole rest of a long line would make
// each call cost its length (the regexp engine clears state proportional to
// the input), and damage scanning quadratic.
const debrisWindow = 64

// debris returns the length of pinyin debris at the start of s, or 0.
func debris(s string) int {
	if len(s) > debrisWindow {
		s = s[:debrisWindow]
	}
	m := debrisRe.FindStringSubmatchIndex(s)
	if m == nil || !isToned(s[m[2]:m[3]]) {
		return 0
	}
	return m[1]
}

// damageEnd returns the byte offset where the damaged span starting at i
// ends.
func damageEnd(s string, i int) int {
	end := i
	for {
		// the destroyed characters themselves
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if r != '?' && r != utf8.RuneError {
				break
			}
			end += size
		}
		end += debris(s[end:])
		// garbled characters up to the next destroyed one
		j, n := end, 0
		for j < len(s) && n < maxGap {
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == '?' || r == utf8.RuneError {
				break
			}
			if !isGarble(r) {
				return end
			}
			j += size
			n++
		}
		if j >= len(s) {
			return end
		}
		if r, _ := utf8.DecodeRuneInString(s[j:]); r != '?' && r != utf8.RuneError {
			return end
		}
		end = j
	}
}

// isGarble reports whether r can be a garbled character between two
// destroyed ones: Han characters and CJK brackets, never sentence
// punctuation, which marks the end of what was destroyed.
func isGarble(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3008 && r <= 0x3011)
}

// maxAnnotationBytes is how far before a closing parenthesis the opening one
// of an annotation can be.
const maxAnnotationBytes = 3 * 8

// prevSkippingAnnotation returns the last rune of s, looking through a
// pinyin annotation at its end: in 當(dāng)?shù) the "?" follows 當. Damage is
// found before annotations are removed, so their debris stays evidence.
//
// Only the last maxAnnotationBytes bytes before the ")" are searched for the
// "(": an annotation is never longer, and searching the whole line for every
// "?" after a ")" made marking damage quadratic in the line's length.
func prevSkippingAnnotation(s string) rune {
	if strings.HasSuffix(s, ")") || strings.HasSuffix(s, "\uff09") {
		_, size := utf8.DecodeLastRuneInString(s)
		head := s[:len(s)-size]
		from := max(0, len(head)-maxAnnotationBytes)
		for _, open := range []string{"(", "\uff08"} {
			j := strings.LastIndex(head[from:], open)
			if j >= 0 {
				j += from
			}
			if j > 0 && len(head)-j <= maxAnnotationBytes && isAnnotation(head[j+len(open):]) {
				r, _ := utf8.DecodeLastRuneInString(head[:j])
				if unicode.Is(unicode.Han, r) {
					return r
				}
			}
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

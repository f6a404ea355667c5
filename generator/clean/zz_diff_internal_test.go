package clean

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func oldStrip(s string) (string, int) {
	total := 0
	for {
		n := 0
		s = annotationRe.ReplaceAllStringFunc(s, func(m string) string {
			sub := annotationRe.FindStringSubmatch(m)
			if !isAnnotation(sub[2]) {
				return m
			}
			n++
			return sub[1]
		})
		total += n
		if n == 0 {
			return s, total
		}
	}
}

func oldPrev(s string) rune {
	if strings.HasSuffix(s, ")") || strings.HasSuffix(s, ")") {
		_, size := utf8.DecodeLastRuneInString(s)
		head := s[:len(s)-size]
		for _, open := range []string{"(", "("} {
			if j := strings.LastIndex(head, open); j > 0 && len(head)-j <= 3*8 && isAnnotation(head[j+len(open):]) {
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

func TestZZDiff(t *testing.T) {
	parts := []string{"中", "領", "(", ")", "\uff08", "\uff09", "lǐng", "de", "a", "ü", "?", " ", "\xff", "qū", "zh", "ng", "1", "。", "\uFFFD", "lǜ", "men", "jiàn shì", "ǎ"}
	rng := rand.New(rand.NewSource(1))
	for it := 0; it < 300000; it++ {
		var b strings.Builder
		for k := rng.Intn(60); k >= 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		g, n := stripPinyin(s)
		w, m := oldStrip(s)
		if g != w || n != m {
			t.Fatalf("%q: got %q %d want %q %d", s, g, n, w, m)
		}
		if a, b := prevSkippingAnnotation(s), oldPrev(s); a != b {
			t.Fatalf("prev %q: %q vs %q", s, a, b)
		}
		if d1 := debris(s); d1 != func() int {
			m := debrisRe.FindStringSubmatchIndex(s)
			if m == nil || !isToned(s[m[2]:m[3]]) {
				return 0
			}
			return m[1]
		}() {
			t.Fatalf("debris %q", s)
		}
	}
}

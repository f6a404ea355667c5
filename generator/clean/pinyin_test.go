package clean

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// layeredStrip is stripPinyin as it was: remove one layer of annotations
// with the regexp, again until none is left. It is quadratic on stacked
// annotations, so it serves only as the reference stripPinyin must agree
// with.
func layeredStrip(s string) (string, int) {
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

func TestStripPinyinStacked(t *testing.T) {
	tests := []struct {
		in, want string
		n        int
	}{
		{"領(lǐng)(lǐng)導", "領導", 2},
		{"領\uff08lǐng\uff09(lǐng)\uff08lǐng)導", "領導", 3},
		{"中" + strings.Repeat("(lǐng)", 1000) + "文", "中文", 1000},
		{"領(lǐng)(men)(lǐng)", "領(men)(lǐng)", 1}, // an untoned syllable stops the stack
	}
	for _, tt := range tests {
		got, n := stripPinyin(tt.in)
		if got != tt.want || n != tt.n {
			t.Errorf("stripPinyin(%.40q) = %.40q, %d; want %.40q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}

// TestStripPinyinAgreesWithLayers checks the one-pass stripper against
// layer-by-layer stripping on random mixtures of Han characters,
// parentheses of both widths, syllables and debris.
func TestStripPinyinAgreesWithLayers(t *testing.T) {
	parts := []string{"中", "領", "(", ")", "\uff08", "\uff09", "lǐng", "de", "a", "ü", "?", " ", "\xff",
		"qū", "zh", "ng", "1", "。", "\uFFFD", "lǜ", "men", "jiàn shì", "ǎ", "(lǐng)", "\uff08dǎo\uff09"}
	rng := rand.New(rand.NewSource(1))
	for it := 0; it < 50000; it++ {
		var b strings.Builder
		for k := rng.Intn(40); k >= 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		s := b.String()
		got, n := stripPinyin(s)
		want, m := layeredStrip(s)
		if got != want || n != m {
			t.Fatalf("stripPinyin(%q) = %q, %d; layer by layer %q, %d", s, got, n, want, m)
		}
	}
}

func TestPrevSkippingAnnotation(t *testing.T) {
	long := strings.Repeat("(", 100) + strings.Repeat("x", 100)
	tests := []struct {
		in   string
		want rune
	}{
		{"當(dāng)", '當'},
		{"當\uff08dāng\uff09", '當'},
		{"當(dāng\uff09", '當'},
		{"當(dang)", ')'}, // no tone mark: not an annotation
		{"當(" + long + ")", ')'},
		{strings.Repeat(")", 1000), ')'},
		{"文", '文'},
	}
	for _, tt := range tests {
		if got := prevSkippingAnnotation(tt.in); got != tt.want {
			t.Errorf("prevSkippingAnnotation(%.30q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// stripPinyinReference is stripPinyin as first written, rune by rune;
// stripPinyin jumps from parenthesis to parenthesis and must give the
// same result.
func stripPinyinReference(s string) (string, int) {
	if !strings.Contains(s, "(") && !strings.Contains(s, "\uff08") { // ASCII or full-width
		return s, 0
	}
	var b strings.Builder
	n := 0
	afterHan := false // the last rune written is a Han character
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		// one space between a character and its annotation goes with it
		if afterHan && r == ' ' && (strings.HasPrefix(s[i+1:], "(") || strings.HasPrefix(s[i+1:], "\uff08")) {
			if k := annotationLen(s[i+1:]); k > 0 {
				if n == 0 {
					b.Grow(len(s))
					b.WriteString(s[:i])
				}
				n++
				i += 1 + k
				continue
			}
		}
		if afterHan && (r == '(' || r == '\uff08') {
			if k := annotationLen(s[i:]); k > 0 {
				if n == 0 {
					b.Grow(len(s))
					b.WriteString(s[:i])
				}
				n++
				i += k
				continue
			}
		}
		if n > 0 {
			b.WriteString(s[i : i+size])
		}
		afterHan = unicode.Is(unicode.Han, r)
		i += size
	}
	if n == 0 {
		return s, 0
	}
	return b.String(), n
}

func FuzzStripPinyinMatchesReference(f *testing.F) {
	for _, s := range []string{"", "领(lǐng)导", "領（lǐng）導(dǎo)", "字(zì)(zì)", "(lǐng)", "a(lǐng)", "中\xff(lǐng)", "中(x", "中（", "學 (xué)", "學( XUÉ ) (xué)", "學  (xué)", " (xué)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, n := stripPinyin(s)
		want, wn := stripPinyinReference(s)
		if got != want || n != wn {
			t.Fatalf("stripPinyin(%q) = %q, %d; want %q, %d", s, got, n, want, wn)
		}
	})
}

// A copy is taken to annotate without tone marks only when it holds many
// untoned annotations of several syllables.
func TestUntonedInjected(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"a mirror's page", "教(jiao)(jiao)室(shi)正在(zai)裝(zhuang)修(xiu)完(wan)成", true},
		{"simplified, full-width", "课（ke）程（cheng）改（gai）革（ge）在（zai）即", true},
		{"one real gloss", "我們(men)的學校", false},
		{"the same syllable only", "甲(de)乙(de)丙(de)丁(de)戊(de)", false},
		{"acronyms", "人工智能(AI)、國內生產總值(GDP)、學校(IB)課程(AP)、(OK)", false},
		{"toned only", "領(lǐng)導(dǎo)學(xué)校(xiào)開(kāi)", false},
	}
	for _, tt := range tests {
		if got := untonedInjected(tt.in); got != tt.want {
			t.Errorf("%s: untonedInjected(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
	d := Clean("標題在此\n今年共建成公立(li)小(xiao)(xiao)學(xue)(xue)校(xiao)12所(suo)，另外擴(kuo)建8所。", Options{})
	if got := d.Paragraphs[0].Text; got != "今年共建成公立小學校12所，另外擴建8所。" {
		t.Errorf("untoned annotations left: %q", got)
	}
	if d := Clean("標題在此\n我們(men)的學校很好。", Options{}); d.Paragraphs[0].Text != "我們（men）的學校很好。" {
		t.Errorf("a lone untoned gloss was taken out: %q", d.Paragraphs[0].Text)
	}
}

package script

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Converting a sentence of a paragraph again, when the paragraph has been
// converted whole, is most of what publishing spends on conversion. The
// sentence's conversion can be cut out of the paragraph's instead, exactly,
// when both its ends touch a barrier: a character that no key, value or
// Taiwan form of any of the converter's dictionaries, overrides or names
// holds. Every stage is a maximum forward match, so no match runs across a
// barrier; the matches inside the span are then the same whether it is
// converted alone or inside the paragraph, and each barrier is copied once,
// in order, by every stage (no entry writes one), so the k-th barrier of
// the paragraph is the k-th of each conversion and marks where the span's
// ends went.

// barrierCandidates are the characters sentences end and begin with, and
// those figures are written with; those that no entry holds are a
// converter's barriers.
const barrierCandidates = "。！？；，、：!?;,: \n0123456789.%"

type barriers struct {
	once  sync.Once
	ascii [utf8.RuneSelf]bool
	wide  []rune // the barriers beyond ASCII
}

func (c *Converter) barrierSet() *barriers {
	b := &c.barriers
	b.once.Do(func() {
		held := map[rune]bool{}
		for _, t := range []*trie{c.compat, c.t2s, c.s2t, c.tw} {
			for _, e := range t.vals {
				for _, s := range []string{e.key, e.val, e.tw} {
					for _, r := range s {
						if strings.ContainsRune(barrierCandidates, r) {
							held[r] = true
						}
					}
				}
			}
		}
		for _, r := range barrierCandidates {
			switch {
			case held[r]:
			case r < utf8.RuneSelf:
				b.ascii[r] = true
			default:
				b.wide = append(b.wide, r)
			}
		}
	})
	return b
}

// positions returns the byte offsets of the barriers in s.
func (b *barriers) positions(s string) []int {
	out := make([]int, 0, len(s)/16+4) // about one in five characters of a report's text
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if b.ascii[c] {
				out = append(out, i)
			}
		case c == 0xE3 || c == 0xEF: // where the wide candidates are (U+3001, U+3002, U+FF01 …)
			r, _ := utf8.DecodeRuneInString(s[i:])
			for _, w := range b.wide {
				if r == w {
					out = append(out, i)
					break
				}
			}
		}
	}
	return out
}

// An Aligned is a text with its conversions into both scripts, for cutting
// spans' conversions out of them (Slice).
type Aligned struct {
	c                      *Converter
	text, hans, hant       string
	inText, inHans, inHant []int // barrier offsets, found when first needed
	ok                     bool  // the conversions hold the text's barriers
	found                  bool
}

// Align returns text with hans and hant, which must be ToHans(text) and
// ToHant(text) (a Twin of text).
func (c *Converter) Align(text, hans, hant string) *Aligned {
	return &Aligned{c: c, text: text, hans: hans, hant: hant}
}

// Slice returns ToHans(text[from:to]) and ToHant(text[from:to]) without
// converting again. ok is false, and the caller converts the span itself,
// unless each end of the span is an end of the text or touches a barrier.
func (a *Aligned) Slice(from, to int) (hans, hant string, ok bool) {
	if from < 0 || to > len(a.text) || from > to {
		return "", "", false
	}
	if !a.found {
		b := a.c.barrierSet()
		a.inText, a.inHans, a.inHant = b.positions(a.text), b.positions(a.hans), b.positions(a.hant)
		a.ok = len(a.inHans) == len(a.inText) && len(a.inHant) == len(a.inText)
		a.found = true
	}
	if !a.ok {
		return "", "", false
	}
	if from > 0 && a.c.looksBack(a.text[from:]) {
		return "", "", false
	}
	hf, tf, ok1 := a.place(from)
	ht, tt, ok2 := a.place(to)
	if !ok1 || !ok2 || hf > ht || tf > tt {
		return "", "", false
	}
	return a.hans[hf:ht], a.hant[tf:tt], true
}

// place finds where offset at of the text went in each conversion.
func (a *Aligned) place(at int) (inHans, inHant int, ok bool) {
	switch at {
	case 0:
		return 0, 0, true
	case len(a.text):
		return len(a.hans), len(a.hant), true
	}
	// The barrier starting at at, or the one ending there.
	k := sort.SearchInts(a.inText, at)
	if k < len(a.inText) && a.inText[k] == at {
		return a.inHans[k], a.inHant[k], true
	}
	if k > 0 {
		p := a.inText[k-1]
		if _, size := utf8.DecodeRuneInString(a.text[p:]); p+size == at {
			_, sh := utf8.DecodeRuneInString(a.hans[a.inHans[k-1]:])
			_, st := utf8.DecodeRuneInString(a.hant[a.inHant[k-1]:])
			return a.inHans[k-1] + sh, a.inHant[k-1] + st, true
		}
	}
	return 0, 0, false
}

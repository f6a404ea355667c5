package clean

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Most lines are report text that no clutter rule matches, and an
// unanchored regexp has to walk the whole line to say so. clutterFilter
// first rules out, in one pass over the line, the rules that cannot match:
// every match of a rule begins with one of a few one- or two-character
// strings (版权, 版權, 找记 … for copyright-notice and app-promotion; 分享
// at the start of the line for share-prompt's anchored branch), read off
// the rule's pattern, so a line containing none of them is not given to
// that rule's regexp. The filter only ever skips a regexp that would not
// have matched: the rules and their results are the patterns alone.
var clutterFilter = newRuleFilter(clutterRules)

// filterDepth is the length, in runes, of the match prefixes the filter
// looks for.
const filterDepth = 2

// anchorMark starts a prefix that can only be found at the start of the
// line (the pattern's ^ came before it). It is not valid UTF-8, so no
// rune string begins with it.
const anchorMark = "\xff"

// maxPrefixes bounds the prefixes kept for one rule; a rule with more is
// always tried.
const maxPrefixes = 4096

type ruleFilter struct {
	always uint64               // rules the filter cannot rule out
	first  [0x10000 / 64]uint64 // BMP runes some unanchored prefix begins with, as bits
	firstX map[rune]bool        // the same beyond the BMP
	single map[rune]uint64      // one-rune prefixes → rules, anywhere in the line
	pair   map[[2]rune]uint64   // two-rune prefixes → rules, anywhere
	head1  map[rune]uint64      // one-rune prefixes → rules, at the start only
	head2  map[[2]rune]uint64   // two-rune prefixes → rules, at the start only
}

func newRuleFilter(rules []clutterRule) *ruleFilter {
	f := &ruleFilter{firstX: map[rune]bool{}, single: map[rune]uint64{}, pair: map[[2]rune]uint64{},
		head1: map[rune]uint64{}, head2: map[[2]rune]uint64{}}
	for i, r := range rules {
		if i >= 64 {
			break // always tried: see clutterRuleFor
		}
		bit := uint64(1) << i
		set, ok := matchPrefixes(r.re.String())
		if !ok {
			f.always |= bit
			continue
		}
		for p := range set {
			anchored := strings.HasPrefix(p, anchorMark)
			rs := []rune(strings.TrimPrefix(p, anchorMark))
			switch {
			case len(rs) == 0:
				f.always |= bit
			case anchored && len(rs) == 1:
				f.head1[rs[0]] |= bit
			case anchored:
				f.head2[[2]rune{rs[0], rs[1]}] |= bit
			case len(rs) == 1:
				f.setFirst(rs[0])
				f.single[rs[0]] |= bit
			default:
				f.setFirst(rs[0])
				f.pair[[2]rune{rs[0], rs[1]}] |= bit
			}
		}
	}
	return f
}

func (f *ruleFilter) setFirst(r rune) {
	if r >= 0 && r < 0x10000 {
		f.first[r/64] |= 1 << (r % 64)
	} else {
		f.firstX[r] = true
	}
}

func (f *ruleFilter) isFirst(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return f.first[r/64]&(1<<(r%64)) != 0
	}
	return f.firstX[r]
}

// may returns the rules that can match s, as bits by rule index. It says
// nothing of rules from the 65th on.
func (f *ruleFilter) may(s string) uint64 {
	m := f.always
	// Runes are read as regexp reads them: an invalid byte is U+FFFD.
	prev, prevFirst, i := rune(0), false, 0
	for _, r := range s {
		if i == 0 {
			m |= f.head1[r]
		} else if i == 1 {
			m |= f.head2[[2]rune{prev, r}]
		}
		if prevFirst {
			m |= f.pair[[2]rune{prev, r}]
		}
		prevFirst = f.isFirst(r)
		if prevFirst {
			m |= f.single[r]
		}
		prev = r
		i++
	}
	return m
}

// matchPrefixes parses a pattern as regexp does and returns strings of at
// most filterDepth runes such that every match of the pattern, anywhere in
// any text, begins with one of them, or is one of them when it is shorter
// than filterDepth. A string starting with anchorMark stands for a match
// at the start of the text. ok is false when the pattern is beyond this
// analysis or has too many prefixes.
func matchPrefixes(pattern string) (set map[string]bool, ok bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, false
	}
	return prefixes(re.Simplify(), filterDepth)
}

// runeLen is the length of a prefix in runes, not counting anchorMark.
func runeLen(p string) int {
	return utf8.RuneCountInString(strings.TrimPrefix(p, anchorMark))
}

// prefixes returns, for every match m of re, m's first k runes (all of m
// when it is shorter), with anchorMark in front when the match must start
// at the start of the text; see matchPrefixes.
func prefixes(re *syntax.Regexp, k int) (map[string]bool, bool) {
	if k == 0 {
		return map[string]bool{"": true}, true
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return map[string]bool{}, true
	case syntax.OpEmptyMatch, syntax.OpEndText, syntax.OpEndLine, syntax.OpBeginLine,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return map[string]bool{"": true}, true
	case syntax.OpBeginText:
		return map[string]bool{anchorMark: true}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return map[string]bool{string(re.Rune[:min(k, len(re.Rune))]): true}, true
	case syntax.OpCharClass:
		set := map[string]bool{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if int(hi-lo) >= maxPrefixes-len(set) {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				set[string(r)] = true
			}
		}
		return set, true
	case syntax.OpCapture:
		return prefixes(re.Sub[0], k)
	case syntax.OpAlternate:
		set := map[string]bool{}
		for _, sub := range re.Sub {
			s, ok := prefixes(sub, k)
			if !ok {
				return nil, false
			}
			for p := range s {
				set[p] = true
			}
			if len(set) > maxPrefixes {
				return nil, false
			}
		}
		return set, true
	case syntax.OpConcat:
		set := map[string]bool{"": true}
		for _, sub := range re.Sub {
			var ok bool
			if set, ok = extend(set, sub, k); !ok {
				return nil, false
			}
		}
		return set, true
	case syntax.OpQuest:
		set, ok := prefixes(re.Sub[0], k)
		if !ok {
			return nil, false
		}
		set[""] = true
		return set, true
	case syntax.OpStar:
		return repeatPrefixes(re.Sub[0], k)
	case syntax.OpPlus:
		set, ok := prefixes(re.Sub[0], k)
		if !ok {
			return nil, false
		}
		star := &syntax.Regexp{Op: syntax.OpStar, Sub: []*syntax.Regexp{re.Sub[0]}}
		return extend(set, star, k)
	case syntax.OpRepeat:
		// x{n,m} matches are x* matches, and for n ≥ 1 x x* matches.
		star := &syntax.Regexp{Op: syntax.OpStar, Sub: []*syntax.Regexp{re.Sub[0]}}
		if re.Min == 0 {
			return prefixes(star, k)
		}
		plus := &syntax.Regexp{Op: syntax.OpPlus, Sub: []*syntax.Regexp{re.Sub[0]}}
		return prefixes(plus, k)
	}
	return nil, false // any character, and anything else
}

// extend returns the prefixes of matches of a pattern followed by sub,
// given set, those of the pattern.
func extend(set map[string]bool, sub *syntax.Regexp, k int) (map[string]bool, bool) {
	out := map[string]bool{}
	for p := range set {
		n := runeLen(p)
		if n == k {
			out[p] = true
			continue
		}
		s, ok := prefixes(sub, k-n)
		if !ok {
			return nil, false
		}
		for q := range s {
			if strings.HasPrefix(q, anchorMark) {
				if n > 0 {
					continue // ^ after a character: no match goes this way
				}
				out[anchorMark+strings.TrimPrefix(p, anchorMark)+strings.TrimPrefix(q, anchorMark)] = true
				continue
			}
			out[p+q] = true
		}
		if len(out) > maxPrefixes {
			return nil, false
		}
	}
	return out, true
}

// repeatPrefixes returns the prefixes of matches of sub*: sub repeated any
// number of times.
func repeatPrefixes(sub *syntax.Regexp, k int) (map[string]bool, bool) {
	set := map[string]bool{"": true}
	for {
		next, ok := extend(set, sub, k)
		if !ok {
			return nil, false
		}
		grew := false
		for p := range next {
			if !set[p] {
				set[p], grew = true, true
			}
		}
		if len(set) > maxPrefixes {
			return nil, false
		}
		if !grew {
			return set, true
		}
	}
}

package script

import "strings"

// The project's rules by class (names.go, week.go, and.go) decide a
// character that OpenCC converts one way wherever its dictionaries do not
// list the word: a surname (范, 余, 于, 周) in a name, 周 as a week (週),
// 并 as "and" (並) in a phrase that took it for "merge" (併). They see the
// Simplified text around the match, so one rule covers every word of its
// shape; the plain chains of OpenCC (newBase) run without them.

var (
	weekEntry      = entry{key: "周", val: week}
	fourWeeksEntry = entry{key: "四周", val: "四" + week, tw: "四" + week, seg: true}
	andEntry       = entry{key: "并", val: "並"}
)

// reading returns the match (l bytes, entry e; e nil keeps the character
// as written) to use at s[i:], where the s2t dictionaries matched (l, e)
// and the first character is r, n bytes long.
func (c *Converter) reading(s string, i int, r rune, n, l int, e *entry) (int, *entry) {
	if c.surnames != nil && l == n && c.surnames.keeps(s, i, n, 1) {
		return n, nil // a surname in a name: kept as written
	}
	if !c.rules {
		return l, e
	}
	switch {
	case r == '周' && l == n:
		if weekReading(s, i, n) {
			return n, &weekEntry
		}
	case r == '周' && strings.HasPrefix(e.val, week):
		if c.surnames != nil && c.surnames.keeps(s, i, n, 2) {
			return n, nil // 周一鸣校长: a name, not Monday
		}
	case r == '周':
		if afterDigit(s, i) {
			return n, &weekEntry // 3周内: weeks, not 周内
		}
	case r == '四' && e.key == "四周":
		if fourWeeks(s, i) {
			return l, &fourWeeksEntry
		}
	case r == '并' && l > n && strings.HasPrefix(e.val, "併"):
		if andStarts(s, i, n, e.key) {
			return n, &andEntry
		}
	case l == n+len("并") && strings.HasSuffix(e.val, "併") && andEnds(s, i, e.key):
		// X, the end of the word before, then 并 "and" matched on its own
		_, x := c.s2t.longest(s[i:i+n], r, n)
		return n, x
	}
	return l, e
}

// looksBack reports whether the conversion of the start of s depends on
// a barrier before it (a digit before 周: 3周 is 3週), so that a span
// starting there cannot be cut out of its paragraph's conversion (Align).
func (c *Converter) looksBack(s string) bool {
	return c.rules && (strings.HasPrefix(s, "周") || strings.HasPrefix(s, week))
}

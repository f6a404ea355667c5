package script

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// surnameRule keeps a surname that OpenCC's character table would turn into
// a word (范 → 範, 余 → 餘, 于 → 於) where the text around it shows a
// person's name. The overrides' surname entries already give one phrase per
// title (范局长); this rule covers the name the phrases cannot list:
//
//   - surname, a given name of one or two characters, then a title of the
//     surname's entry: 范国强局长, 余建华同志;
//   - a title of the entry or 姓 right before the surname, and a given name
//     after it: 局长范国强, 姓范. Not for 于, which after a title is the
//     preposition far more often (书记于会议上指出, 校长于近日): 于 is kept
//     after a title only with a title after the name too, or after 姓;
//   - surname, a given name of two characters, then a reporting verb
//     (范国强表示, 余建华指出, 周一鸣介绍), as news writes a name without
//     a title; not after a number (3500余人次表示: "more than") and not
//     for 于 (于近日表示).
//
// It applies only where the surname stands alone: a dictionary phrase that
// takes it in (其余, 关于, 示范, 范围, 于是) is matched first and wins.
type surnameRule struct {
	surnames map[rune]bool
	titles   map[rune][]string // per surname, its entry's titles, longest first
}

// notGiven are characters that end a would-be given name: words that sit
// between a preposition and a title (于全市校长, 于各县区长, 余下的老师).
const notGiven = "的是在和与及等对为了将把被从向到全各本每该此其这那市县区省校下"

// reportingVerbs follow a name that news writes without a title.
var reportingVerbs = []string{"表示", "指出", "介绍", "强调", "认为", "要求", "提出", "透露", "坦言", "说"}

// prepositions are surnames that are also a preposition written after a
// title (书记于会上): a title before them does not make a name.
const prepositions = "于"

func newSurnameRule(ovs []Override) *surnameRule {
	r := &surnameRule{surnames: map[rune]bool{}, titles: map[rune][]string{}}
	for _, o := range ovs {
		s, n := utf8.DecodeRuneInString(o.Surname)
		if o.Surname == "" || n != len(o.Surname) {
			continue
		}
		r.surnames[s] = true
		r.titles[s] = append(r.titles[s], o.Before...)
	}
	for s, ts := range r.titles {
		slices.SortFunc(ts, func(a, b string) int { return len(b) - len(a) })
		r.titles[s] = slices.Compact(ts)
	}
	if len(r.surnames) == 0 {
		return nil
	}
	return r
}

// keeps reports whether the surname s[i:i+n] (Simplified text) is a name
// with a given name of at least minGiven characters (1, or 2 where a
// dictionary phrase starts at the surname: 周一鸣校长 is a name, 周五校长会
// is Friday's meeting).
func (r *surnameRule) keeps(s string, i, n, minGiven int) bool {
	sur, _ := utf8.DecodeRuneInString(s[i:])
	if !r.surnames[sur] {
		return false
	}
	before, after := s[:i], s[i+n:]
	given := 0 // bytes of the given name's characters, up to two
	for k := 0; k < 2; k++ {
		c, w := utf8.DecodeRuneInString(after[given:])
		if !unicode.Is(unicode.Han, c) || strings.ContainsRune(notGiven, c) || r.startsTitle(sur, after[given:]) {
			break
		}
		given += w
	}
	if strings.HasSuffix(before, "姓") {
		return true
	}
	if utf8.RuneCountInString(after[:given]) < minGiven {
		return false
	}
	if given > 0 && !strings.ContainsRune(prepositions, sur) && r.endsTitle(sur, before) {
		return true
	}
	if utf8.RuneCountInString(after[:given]) == 2 && !strings.ContainsRune(prepositions, sur) &&
		hasAnyPrefix(after[given:], reportingVerbs) && !endsWithCount(before) {
		return true
	}
	// the title right after one or two given-name characters
	for g := given; g > 0 && utf8.RuneCountInString(after[:g]) >= minGiven; {
		if r.startsTitle(sur, after[g:]) {
			return true
		}
		_, w := utf8.DecodeLastRuneInString(after[:g])
		g -= w
	}
	return false
}

func (r *surnameRule) startsTitle(sur rune, s string) bool {
	for _, t := range r.titles[sur] {
		if strings.HasPrefix(s, t) {
			return true
		}
	}
	return false
}

func (r *surnameRule) endsTitle(sur rune, s string) bool {
	for _, t := range r.titles[sur] {
		if strings.HasSuffix(s, t) {
			return true
		}
	}
	return false
}

// endsWithCount reports whether s ends with a digit or a Chinese numeral,
// after which 余 means "more than" (3500余, 百余).
func endsWithCount(s string) bool {
	prev, _ := utf8.DecodeLastRuneInString(s)
	return prev != utf8.RuneError && (unicode.IsDigit(prev) || strings.ContainsRune(weekCounts+"千万亿", prev))
}

package place

import (
	"strings"
	"unicode/utf8"
)

// The year patterns, read by hand. As regular expressions they open with
// an alternation (start of text, or any non-digit) that the engine cannot
// skip ahead to, so it backtracks at every byte of every paragraph that
// mentions a year — most of them; these scanners jump from one ASCII digit
// run to the next. Each returns what FindAllStringSubmatchIndex returns for
// its pattern, and the tests hold them to the patterns (kept there):
//
//	yearMatches        (?:^|[^0-9])((?:19|20)[0-9]{2})(?:\s*[-—–－~～至到]\s*((?:19|20)[0-9]{2}))?\s*年
//	schoolYearMatches  (?:^|[^0-9])((?:19|20)[0-9]{2})(?:\s*[-—–－~～/至]\s*(?:(?:19|20)?[0-9]{2}))?\s*[学學]年
//	deicticMatches     [全我本]([省市区县州旗])
//	relativeMatches    前年|去年|今年|本年|明年

// yearMatches finds "2020年" and spans "2020—2022年" (the second year as
// group 2).
func yearMatches(text string) [][]int {
	// tail gives the year's start, the second year's bounds (or -1) and
	// the match's end.
	return scanYears(text, func(y int) []int {
		end := y + 4
		if at, ok := yearDash(text, end, "-—–－~～至到"); ok {
			if year4(text, at) {
				if e, ok := yearSuffix(text, at+4, false); ok {
					return []int{y, at, at + 4, e}
				}
			}
		}
		if e, ok := yearSuffix(text, end, false); ok {
			return []int{y, -1, -1, e}
		}
		return nil
	}, func(start int, m []int) []int {
		return []int{start, m[3], m[0], m[0] + 4, m[1], m[2]}
	})
}

// schoolYearMatches finds "2022学年" and "2022—2023学年", "2022-23學年".
func schoolYearMatches(text string) [][]int {
	return scanYears(text, func(y int) []int {
		end := y + 4
		if at, ok := yearDash(text, end, "-—–－~～/至"); ok {
			if year4(text, at) {
				if e, ok := yearSuffix(text, at+4, true); ok {
					return []int{y, e}
				}
			}
			if digits(text, at, 2) {
				if e, ok := yearSuffix(text, at+2, true); ok {
					return []int{y, e}
				}
			}
		}
		if e, ok := yearSuffix(text, end, true); ok {
			return []int{y, e}
		}
		return nil
	}, func(start int, m []int) []int {
		return []int{start, m[1], m[0], m[0] + 4}
	})
}

// scanYears runs the shared opening (?:^|[^0-9])((?:19|20)[0-9]{2}) over
// text, leftmost first and without overlaps: tail says whether a year at y
// completes a match (and how), result lays the match out with its start.
func scanYears(text string, tail func(y int) []int, result func(start int, m []int) []int) [][]int {
	var out [][]int
	pos := 0 // where the next match may start
	for {
		var found []int
		start := -1
		// The start of the text, then each non-digit character, may
		// open a match; the first that completes one wins.
		if pos == 0 && year4(text, 0) {
			if m := tail(0); m != nil {
				found, start = m, 0
			}
		}
		for s := pos; found == nil && s < len(text); {
			c, size := utf8.DecodeRuneInString(text[s:])
			if c < '0' || c > '9' {
				if y := s + size; year4(text, y) {
					if m := tail(y); m != nil {
						found, start = m, s
						break
					}
				}
			}
			s += size
		}
		if found == nil {
			break
		}
		m := result(start, found)
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// year4 reports whether text holds 19xx or 20xx at i.
func year4(text string, i int) bool {
	return i+4 <= len(text) && (text[i] == '1' && text[i+1] == '9' || text[i] == '2' && text[i+1] == '0') && digits(text, i+2, 2)
}

func digits(text string, i, n int) bool {
	if i+n > len(text) {
		return false
	}
	for k := i; k < i+n; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return true
}

// isSpace is \s in Go's regular expressions.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func skipSpaces(text string, i int) int {
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	return i
}

// yearDash reads \s*[dashes]\s* at i and says where what follows starts.
func yearDash(text string, i int, dashes string) (int, bool) {
	i = skipSpaces(text, i)
	if i >= len(text) {
		return 0, false
	}
	c, size := utf8.DecodeRuneInString(text[i:])
	for _, d := range dashes {
		if c == d && c != utf8.RuneError {
			return skipSpaces(text, i+size), true
		}
	}
	return 0, false
}

// yearSuffix reads \s*年, or with school \s*[学學]年, at i and says where
// the match ends.
func yearSuffix(text string, i int, school bool) (int, bool) {
	i = skipSpaces(text, i)
	if school {
		switch {
		case hasAt(text, i, "学"), hasAt(text, i, "學"):
			i += len("学")
		default:
			return 0, false
		}
	}
	if hasAt(text, i, "年") {
		return i + len("年"), true
	}
	return 0, false
}

func hasAt(text string, i int, s string) bool {
	return i <= len(text) && len(text)-i >= len(s) && text[i:i+len(s)] == s
}

// deicticMatches finds 全市, 我县, 本省 …: one of 全我本, then a level
// (group 1).
func deicticMatches(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		c, size := utf8.DecodeRuneInString(text[i:])
		if c == '全' || c == '我' || c == '本' {
			l, lsize := utf8.DecodeRuneInString(text[i+size:])
			switch l {
			case '省', '市', '区', '县', '州', '旗':
				out = append(out, []int{i, i + size + lsize, i + size, i + size + lsize})
				i += size + lsize
				continue
			}
		}
		i += size
	}
	return out
}

// relativeMatches finds 前年, 去年, 今年, 本年 and 明年: every one ends in 年,
// so only the character before each 年 is looked at.
func relativeMatches(text string) [][]int {
	var out [][]int
	for i := 0; ; {
		j := strings.Index(text[i:], "年")
		if j < 0 {
			return out
		}
		j += i
		switch r, size := utf8.DecodeLastRuneInString(text[:j]); r {
		case '前', '去', '今', '本', '明':
			out = append(out, []int{j - size, j + len("年")})
		}
		i = j + len("年")
	}
}

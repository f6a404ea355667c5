package extract

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Chinese numeral digits and multipliers. 〇 and 零 are zero; 两 is two.
var cnDigit = map[rune]int{
	'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

var cnUnit = map[rune]float64{'十': 10, '百': 100, '千': 1000}

// magnitude is the value of a 万/亿 written after a number (2.67万, 22亿).
var magnitude = map[rune]float64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}

var errNotNumber = errors.New("not a number")

// ParseNumber parses one numeral as written in a report: Arabic digits with
// decimals and thousands separators ("2138084", "14.80", "5,599", "1 122"),
// Chinese numerals ("两", "十", "二十三", "一百零八", "三千五百"), and either
// followed by 万/亿 magnitudes ("2.67万", "22亿", "十万", "1.2万亿"). It does
// not accept units or qualifiers: those are the scanner's business.
func ParseNumber(s string) (float64, error) {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) == 0 {
		return 0, errNotNumber
	}
	// 一成二 is 1.2 tenths, as Hong Kong news writes shares (較去年少一成二).
	if n := len(rs); n >= 3 && rs[n-2] == '成' {
		if d, ok := cnDigit[rs[n-1]]; ok && d > 0 {
			v, err := ParseNumber(string(rs[:n-2]))
			if err != nil {
				return 0, err
			}
			return v + float64(d)/10, nil
		}
	}
	// Split off trailing magnitudes.
	mult := 1.0
	for len(rs) > 0 {
		m, ok := magnitude[rs[len(rs)-1]]
		if !ok {
			break
		}
		mult *= m
		rs = rs[:len(rs)-1]
	}
	if len(rs) == 0 {
		return 0, errNotNumber
	}
	var v float64
	var err error
	if isASCIIDigit(rs[0]) {
		v, err = parseArabic(string(rs))
	} else {
		v, err = parseChinese(rs)
	}
	if err != nil {
		return 0, err
	}
	v *= mult
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, errNotNumber
	}
	return v, nil
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// parseArabic accepts digits with one decimal point and thousands
// separators (',' or a space) between groups of exactly three digits.
func parseArabic(s string) (float64, error) {
	var b strings.Builder
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\u00a0' || r == '\u2009' })
	if len(groups) == 0 {
		return 0, errNotNumber
	}
	for i, g := range groups {
		if i > 0 {
			intPart, _, _ := strings.Cut(g, ".")
			if len(intPart) != 3 {
				return 0, errNotNumber
			}
		}
		if i < len(groups)-1 && strings.Contains(g, ".") {
			return 0, errNotNumber
		}
		b.WriteString(g)
	}
	t := b.String()
	for _, r := range t {
		if !isASCIIDigit(r) && r != '.' {
			return 0, errNotNumber
		}
	}
	if strings.Count(t, ".") > 1 || strings.HasSuffix(t, ".") || strings.HasPrefix(t, ".") {
		return 0, errNotNumber
	}
	return strconv.ParseFloat(t, 64)
}

// parseChinese parses a Chinese numeral up to the thousands (magnitudes 万/亿
// are split off by the caller, but also accepted inside: 三万五千).
func parseChinese(rs []rune) (float64, error) {
	if len(rs) == 0 {
		return 0, errNotNumber
	}
	var total, section, digit float64
	haveDigit := false
	for i, r := range rs {
		if d, ok := cnDigit[r]; ok {
			// 十三五 is a name, not a number: two digits need a unit between
			// them, except after 零 (一百零八).
			if haveDigit && !(i > 0 && (rs[i-1] == '零' || rs[i-1] == '〇')) {
				return 0, errNotNumber
			}
			digit = float64(d)
			haveDigit = true
			continue
		}
		if u, ok := cnUnit[r]; ok {
			if !haveDigit {
				if r != '十' || i != 0 && !isMagnitude(rs[i-1]) {
					return 0, errNotNumber
				}
				digit = 1 // 十 at the start means 一十
			}
			section += digit * u
			digit, haveDigit = 0, false
			continue
		}
		if m, ok := magnitude[r]; ok {
			section += digit
			if section == 0 {
				return 0, errNotNumber
			}
			total += section * m
			section, digit, haveDigit = 0, 0, false
			continue
		}
		return 0, errNotNumber
	}
	return total + section + digit, nil
}

func isMagnitude(r rune) bool { _, ok := magnitude[r]; return ok }

// isCNNumeral reports whether r can be part of a Chinese numeral.
func isCNNumeral(r rune) bool {
	return r >= 0 && r < 0x10000 && cnNumeralBits[r>>6]&(1<<(r&63)) != 0
}

// cnNumeralBits is the keys of cnDigit and cnUnit as a bitmap over the
// Basic Multilingual Plane: isCNNumeral is asked of every character.
var cnNumeralBits = func() (bits [0x10000 / 64]uint64) {
	for _, m := range []map[rune]bool{keySet(cnDigit), keySet(cnUnit)} {
		for r := range m {
			bits[r>>6] |= 1 << (r & 63)
		}
	}
	return bits
}()

func keySet[V any](m map[rune]V) map[rune]bool {
	out := make(map[rune]bool, len(m))
	for r := range m {
		out[r] = true
	}
	return out
}

// numeral is one numeral found in the (folded) text: runes [start, end),
// including a trailing magnitude.
type numeral struct {
	start, end int
	value      float64
	chinese    bool
	hasMag     bool
}

// scanNumeral reads the numeral starting at rs[i], if any.
func scanNumeral(rs []rune, i int) (numeral, bool) {
	if i >= len(rs) {
		return numeral{}, false
	}
	j := i
	chinese := false
	if isASCIIDigit(rs[i]) {
		for j < len(rs) && isASCIIDigit(rs[j]) {
			j++
		}
		// Thousands separators only after a first group of 1-3 digits.
		canGroup := j-i <= 3
		for j < len(rs) {
			switch {
			case rs[j] == '.' && j+1 < len(rs) && isASCIIDigit(rs[j+1]):
				k := j + 1
				for k < len(rs) && isASCIIDigit(rs[k]) {
					k++
				}
				j = k
				canGroup = false
				continue
			case canGroup && (rs[j] == ',' || rs[j] == ' ' || rs[j] == '\u00a0' || rs[j] == '\u2009') && groupOf3(rs, j+1):
				j += 4
				continue
			}
			break
		}
	} else if isCNNumeral(rs[i]) {
		chinese = true
		for j < len(rs) && (isCNNumeral(rs[j]) || isMagnitude(rs[j]) && j > i) {
			j++
		}
	} else {
		return numeral{}, false
	}
	hasMag := false
	for j < len(rs) && isMagnitude(rs[j]) {
		j++
		hasMag = true
	}
	// A trailing magnitude inside a Chinese run counts too.
	if chinese && isMagnitude(rs[j-1]) {
		hasMag = true
	}
	v, err := ParseNumber(string(rs[i:j]))
	if err != nil {
		return numeral{}, false
	}
	return numeral{start: i, end: j, value: v, chinese: chinese, hasMag: hasMag}, true
}

// groupOf3 reports whether rs[k:] starts with exactly three digits (a
// thousands group), so that "1 122" and "5,599" are one number but "3, 4"
// and "2020 12" are not.
func groupOf3(rs []rune, k int) bool {
	if k+3 > len(rs) {
		return false
	}
	for n := 0; n < 3; n++ {
		if !isASCIIDigit(rs[k+n]) {
			return false
		}
	}
	return k+3 == len(rs) || !isASCIIDigit(rs[k+3])
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', 6, 64) }

func parseFloat(s string) (float64, error) { return strconv.ParseFloat(s, 64) }

package place

import (
	"regexp"
	"strconv"
	"strings"
)

// YearRef is the year a report or paragraph describes and how it was found.
type YearRef struct {
	Year int `json:"year"`
	// How: "meta" (covers_year in meta.yaml), "title" (2020年各市…),
	// "relative" (去年/今年 against the publication date), "explicit" (a
	// year in the paragraph), "school-year" (2022—2023学年, 115學年度).
	// A paragraph with nothing of its own inherits the report's YearRef.
	How    string `json:"how"`
	Target bool   `json:"target,omitempty"` // a plan (到2025年), not a result
	Text   string `json:"text,omitempty"`   // the words the year was read from
}

var (
	// The year and school-year patterns are read by yearMatches and
	// schoolYearMatches (yearscan.go).
	rocYearRE = regexp.MustCompile(`(?:^|[^0-9])([0-9]{2,3})\s*[学學]年度`)
	// basePrefix: a year after these words is the base of a comparison
	// (比2019年增加, 由2019年的28%提升至, 较去年) or the start of a span
	// (自2018年以来): the paragraph still describes the report's year.
	basePrefix = []string{"比", "较", "與", "与", "由", "从", "從", "自", "同比"}
	// targetPrefix: a year after these words is a plan's deadline.
	targetPrefix = []string{"到", "至", "力争", "力爭", "争取", "爭取", "计划", "計劃", "预计", "預計", "将于", "將於"}
	relYears     = map[string]int{"前年": -2, "去年": -1, "今年": 0, "本年": 0, "明年": 1}
)

// publishedYear reads the year of a publication date (YYYY, YYYY-MM,
// YYYY-MM-DD); 0 when there is none.
func publishedYear(s string) int {
	if len(s) < 4 {
		return 0
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil {
		return 0
	}
	return y
}

// reportYear finds the year a report describes: meta.yaml's covers_year,
// else a year in the title, else the first relative word (去年, 今年) in the
// text against the publication year. Zero when none of these is there.
func reportYear(info ReportInfo, title string, texts []string) YearRef {
	if info.CoversYear > 0 {
		return YearRef{Year: info.CoversYear, How: "meta"}
	}
	if info.Title != "" {
		title = info.Title
	}
	if ms := yearMatches(title); ms != nil {
		m := ms[0]
		y, _ := strconv.Atoi(title[m[2]:m[3]])
		return YearRef{Year: y, How: "title", Text: title[m[2]:m[1]]}
	}
	if pub := publishedYear(info.Published); pub > 0 {
		for _, t := range texts {
			for _, loc := range relativeMatches(t) {
				if hasSuffixAny(t[:loc[0]], basePrefix) {
					continue
				}
				w := t[loc[0]:loc[1]]
				return YearRef{Year: pub + relYears[w], How: "relative", Text: w}
			}
		}
	}
	return YearRef{}
}

// paragraphYear finds the year one paragraph describes. The rules, in order:
//
//  1. Years that are not about the paragraph's facts are skipped: inside
//     《…》 (document titles), 〔…〕 (document numbers) and “…” (names of
//     awards and campaigns), and bases of comparison (比2019年, 由2019年的).
//  2. The first remaining year (2020年, 2020年度) or school year
//     (2022—2023学年 → 2022, the start year, which is the year of the
//     statistical bulletin that reports it; 115學年度 → 2026 in the ROC
//     calendar) that is not a plan wins.
//  3. A year after 到/至/力争/预计… or later than the report's year is a
//     target: it is the paragraph's year only when the paragraph has no
//     other, and then Target is set (到2025年 → 2025, target).
//  4. Else 今年/去年/前年/明年 against the publication year ("relative").
//     上半年/下半年 alone are read as the report's year.
//  5. Else the report's year, with the report's How.
func paragraphYear(text string, report YearRef, pub int) YearRef {
	skip := skipRanges(text)
	type cand struct {
		at  int
		ref YearRef
	}
	var best, target *cand
	consider := func(at int, ref YearRef, isTarget bool) {
		c := &cand{at, ref}
		if isTarget {
			c.ref.Target = true
			if target == nil || at < target.at {
				target = c
			}
			return
		}
		if best == nil || at < best.at {
			best = c
		}
	}
	// Most paragraphs have no 年 after an ASCII digit at all, and are
	// spared the search.
	hasYear := strings.Contains(text, "年") && strings.ContainsAny(text, "0123456789")
	var years, schoolMatches, rocMatches [][]int
	if hasYear {
		years = yearMatches(text)
		schoolMatches = schoolYearMatches(text)
		if strings.Contains(text, "学年度") || strings.Contains(text, "學年度") { // what rocYearRE needs
			rocMatches = rocYearRE.FindAllStringSubmatchIndex(text, -1)
		}
	}
	for _, m := range years {
		start := m[2]
		if inRanges(start, skip) || hasSuffixAny(text[:start], basePrefix) {
			continue
		}
		if end := m[1]; strings.HasPrefix(text[end:], "以来") {
			continue
		}
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		if m[4] >= 0 { // a span 2022-2025年: its end is what it is about
			y, _ = strconv.Atoi(text[m[4]:m[5]])
		}
		isTarget := hasSuffixAny(text[:start], targetPrefix) || report.Year > 0 && y > report.Year
		consider(start, YearRef{Year: y, How: "explicit", Text: text[start:m[1]]}, isTarget)
	}
	for _, m := range schoolMatches {
		if inRanges(m[2], skip) || hasSuffixAny(text[:m[2]], basePrefix) {
			continue
		}
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		consider(m[2], YearRef{Year: y, How: "school-year", Text: text[m[2]:m[1]]}, report.Year > 0 && y > report.Year)
	}
	for _, m := range rocMatches {
		if inRanges(m[2], skip) {
			continue
		}
		roc, _ := strconv.Atoi(text[m[2]:m[3]])
		y := roc + 1911
		consider(m[2], YearRef{Year: y, How: "school-year", Text: text[m[2]:m[1]]}, report.Year > 0 && y > report.Year)
	}
	if best != nil {
		return best.ref
	}
	if target != nil {
		return target.ref
	}
	if pub > 0 && strings.Contains(text, "年") { // every relative word ends in 年
		for _, loc := range relativeMatches(text) {
			if inRanges(loc[0], skip) || hasSuffixAny(text[:loc[0]], basePrefix) {
				continue
			}
			w := text[loc[0]:loc[1]]
			return YearRef{Year: pub + relYears[w], How: "relative", Text: w, Target: relYears[w] > 0}
		}
	}
	return YearRef{Year: report.Year, How: report.How}
}

// hasSuffixAny reports whether s ends with one of list, ignoring spaces.
func hasSuffixAny(s string, list []string) bool {
	s = strings.TrimRight(s, " \t")
	for _, p := range list {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// skipRanges returns the byte ranges of 《…》, 〔…〕, [...] and “…” in s.
func skipRanges(s string) [][2]int {
	var out [][2]int
	for _, q := range [][2]string{{"《", "》"}, {"〔", "〕"}, {"“", "”"}, {"「", "」"}} {
		for i := 0; ; {
			a := strings.Index(s[i:], q[0])
			if a < 0 {
				break
			}
			a += i
			b := strings.Index(s[a:], q[1])
			if b < 0 {
				break
			}
			out = append(out, [2]int{a, a + b})
			i = a + b
		}
	}
	return out
}

func inRanges(at int, rs [][2]int) bool {
	for _, r := range rs {
		if at > r[0] && at < r[1] {
			return true
		}
	}
	return false
}

package intake

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/place"
)

var (
	// titleYearRE: a year in a title, not a target's (到2025年).
	titleYearRE = regexp.MustCompile(`((?:19|20)\d{2})\s*(?:年|学年)`)
	// dutyYearRE: "2021年度履行教育职责", the evaluation year in so many words.
	dutyYearRE = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?[^。，,；]{0,12}(?:履行教育职责|教育职责|督导评价|评价工作|自评|自查)`)
)

// coversYear finds the year the report is about: the title's year (not a
// target's); else the year the body names with the evaluation
// (2021年度履行教育职责); else the year the body's paragraphs report on
// most often, read by the place stage's rules (targets, bases of
// comparison, document titles and numbers left out; 去年 against the
// publication date), ties going to the later year.
func (t *text) coversYear(title, published string) Field[int] {
	for _, m := range titleYearRE.FindAllStringSubmatchIndex(t.fold(title), -1) {
		s := t.fold(title)
		if hasTargetBefore(s[:m[0]]) || feedbackAfter(s[m[1]:]) {
			continue
		}
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		return known(y, "the title's year: "+quote(title))
	}
	for i, u := range t.units {
		if u.removed != "" || i > t.body+5 {
			continue
		}
		if m := dutyYearRE.FindStringSubmatchIndex(u.hans); m != nil && !hasTargetBefore(u.hans[:m[0]]) && !feedbackAfter(u.hans[m[1]:]) {
			y, _ := strconv.Atoi(u.hans[m[2]:m[3]])
			return known(y, at(u)+" names the evaluation year: "+quote(u.plain))
		}
	}
	// The place stage's year rules read Simplified words (较去年, 到2025年):
	// the paragraphs are given to it in Simplified.
	doc := t.in.Doc
	doc.Paragraphs = append([]clean.Paragraph(nil), doc.Paragraphs...)
	for i := range doc.Paragraphs {
		doc.Paragraphs[i].Text = t.fold(doc.Paragraphs[i].Text)
	}
	loc := place.Locate(doc, place.ReportInfo{Published: published, Title: t.fold(title)}, t.in.Gazetteer)
	count := map[int]int{}
	first := map[int]int{}
	pub := 0
	if len(published) >= 4 {
		pub, _ = strconv.Atoi(published[:4])
	}
	for i, p := range loc.Paragraphs {
		y := p.Year
		if y.Target || y.Year == 0 || (y.How != "explicit" && y.How != "school-year" && y.How != "relative") {
			continue
		}
		if pub > 0 && y.Year > pub {
			continue
		}
		if count[y.Year] == 0 {
			first[y.Year] = i
		}
		count[y.Year]++
	}
	if len(count) == 0 {
		if y, u, m, ok := t.anniversaryYear(); ok {
			return known(y, at(u)+" names the year by an anniversary («"+m+"»): "+quote(u.plain))
		}
		// A news page dated to the day whose body tells of current events
		// (昨公布, 日前, 目前) and names no year: the year it was published.
		if len(published) == len("2006-01-02") && pub > 0 {
			if u, w, ok := t.currentEvents(); ok {
				return known(pub, "the publication year ("+published+"): no year is named, and "+at(u)+" tells of current events («"+w+"»): "+quote(u.plain))
			}
		}
		return unknown[int]("no year in the title, and no paragraph says which year it reports on")
	}
	years := make([]int, 0, len(count))
	for y := range count {
		years = append(years, y)
	}
	sort.Slice(years, func(i, j int) bool {
		if count[years[i]] != count[years[j]] {
			return count[years[i]] > count[years[j]]
		}
		return years[i] > years[j]
	})
	y := years[0]
	p := t.in.Doc.Paragraphs[first[y]]
	ev := itoa(count[y]) + " of the paragraphs that name a year report on " + itoa(y) + "; the first, line " + itoa(p.Line) + ": " + quote(p.Text)
	if len(years) > 1 {
		ev += "; next most often " + itoa(years[1]) + " (" + itoa(count[years[1]]) + ")"
	}
	return known(y, ev)
}

func hasTargetBefore(s string) bool {
	r := []rune(s)
	if len(r) > 4 {
		r = r[len(r)-4:]
	}
	tail := string(r)
	for _, w := range []string{"到", "至", "力争", "预计", "计划", "争取", "将于", "~", "-", "—"} {
		if len(tail) >= len(w) && tail[len(tail)-len(w):] == w {
			return true
		}
	}
	return false
}

// feedbackRE: what follows a year that names an earlier evaluation whose
// findings a report answers (2021年省评价反馈问题的整改情况): that year is
// the evaluation's, not the one the report covers.
var feedbackRE = regexp.MustCompile(`^[^，。,；]{0,8}反馈(?:问题|意见)`)

func feedbackAfter(s string) bool { return feedbackRE.MatchString(s) }

// currentRE: the words news uses of what has just happened.
var currentRE = regexp.MustCompile(`昨[日天]?|今[日天]|日前|近日|本周|目前`)

// currentEvents finds the first body line that tells of current events,
// with the word.
func (t *text) currentEvents() (unit, string, bool) {
	for i, u := range t.units {
		if u.removed != "" || i < t.body {
			continue
		}
		if w := currentRE.FindString(u.hans); w != "" {
			return u, w, true
		}
	}
	return unit{}, "", false
}

// anniversaryRE: the year named by an anniversary of a founding, on its
// occasion (在建党95周年之际, 庆祝新中国成立70周年): the founding's year plus
// the count. An anniversary awaited (迎接, 喜迎, 献礼) is a later year and
// is not read.
var anniversaryRE = regexp.MustCompile(`(建党|中国共产党成立|建国|新中国成立|改革开放)\s*(\d{2,3})\s*周年(之际|前夕)?`)

var foundingYear = map[string]int{"建党": 1921, "中国共产党成立": 1921, "建国": 1949, "新中国成立": 1949, "改革开放": 1978}

func (t *text) anniversaryYear() (int, unit, string, bool) {
	for i, u := range t.units {
		if u.removed != "" || i < t.body {
			continue
		}
		for _, m := range anniversaryRE.FindAllStringSubmatchIndex(u.hans, -1) {
			before := u.hans[:m[0]]
			occasion := m[6] >= 0 && u.hans[m[6]:m[7]] == "之际" || strings.HasSuffix(strings.TrimSpace(before), "庆祝")
			if !occasion || anticipationRE.MatchString(lastWords(before)) {
				continue
			}
			n, _ := strconv.Atoi(u.hans[m[4]:m[5]])
			return foundingYear[u.hans[m[2]:m[3]]] + n, u, u.hans[m[0]:m[1]], true
		}
	}
	return 0, unit{}, "", false
}

// anticipationRE: words before an anniversary still to come.
var anticipationRE = regexp.MustCompile(`迎接|喜迎|献礼|迎|即将`)

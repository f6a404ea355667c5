package intake

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	// dateRE finds a date in the forms pages print: 2019-09-05, 2019/9/5,
	// 2019.09.05, 2019年9月5日, 民国108年9月5日 (民國), each optionally
	// followed by a time (10:03, 10:03:52).
	dateRE = regexp.MustCompile(`(?:(民国|中华民国)\s*(\d{2,3})|((?:19|20)\d{2}))\s*(?:([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(\s*\d{1,2}:\d{2}(?::\d{2})?)?`)
	// rocDateRE: a date by the ROC calendar without 民國, as Taiwanese
	// sites print it (115-03-02, 115/3/2, 115年3月2日); read only after a
	// date cue, where the three digits cannot be anything else.
	rocDateRE = regexp.MustCompile(`^\s*(1\d{2}|[89]\d)\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)`)
	// dateCueRE: the words a stamp puts before its date.
	dateCueRE = regexp.MustCompile(`(?:发布时间|发布日期|发表时间|发表日期|更新时间|时间|日期|发布|发表|刊发|上传时间|上传|更新)\s*[:：]?\s*$`)
	// dateCueEndRE: a date cue with its colon, anywhere in a line.
	dateCueEndRE = regexp.MustCompile(`(?:发布时间|发布日期|发表时间|发表日期|更新时间|更新日期|时间|日期)\s*[:：]\s*`)
)

// stampDate is a date found in a stamp, with how sure its shape makes it.
type stampDate struct {
	date string // YYYY-MM-DD
	unit int
	why  string
	text string
}

// published finds the publication date: the page's declared time (a web
// page's article:published_time, a PDF's creation date), else the first
// date printed as a stamp — after a cue (时间：, 发布时间, 日期), with a
// clock time, or alone on a short line — before or near the start of the
// body. A date inside running text (2018年12月24日至29日, 督查组…) is what
// the report tells, not when it was published, and is never taken.
func (t *text) published() Field[string] {
	declared := normDate(t.in.Source.Page.Published)
	// A web page's article:published_time is its publication date; a PDF's
	// or Word file's creation date is only when that file was written
	// (often the day someone printed the page), so it is said, not taken.
	if declared != "" && t.in.Source.Format == "html" {
		return known(declared, "the page's own publication date: "+quote(t.in.Source.Page.Published))
	}
	var found []stampDate
	for i, u := range t.units {
		if i > t.body+3 && i > 25 {
			break
		}
		for _, c := range dateCueEndRE.FindAllStringIndex(u.hans, -1) {
			if m := rocDateRE.FindStringSubmatch(u.hans[c[1]:]); m != nil {
				y, _ := strconv.Atoi(m[1])
				mo, da := m[2], m[3]
				if mo == "" {
					mo, da = m[4], m[5]
				}
				mon, _ := strconv.Atoi(mo)
				day, _ := strconv.Atoi(da)
				if d := calendarDate(y+1911, mon, day); d != "" {
					found = append(found, stampDate{date: d, unit: i, why: "after " + quote(u.hans[c[0]:c[1]]) + ", a year of the ROC calendar", text: u.text})
				}
			}
		}
		for _, m := range dateRE.FindAllStringSubmatchIndex(u.hans, -1) {
			d := dateOf(u.hans, m)
			if d == "" {
				continue
			}
			before := u.hans[:m[0]]
			var why string
			switch {
			case dateCueRE.MatchString(before):
				why = "after " + quote(strings.TrimSpace(lastWords(before)))
			case m[18] >= 0:
				why = "printed with a clock time"
			case !isRunningText(u.hans) && !strings.ContainsAny(u.hans, "。") && len([]rune(u.hans)) <= 40:
				why = "alone on a short line"
			}
			if why != "" {
				found = append(found, stampDate{date: d, unit: i, why: why, text: u.text})
			}
		}
	}
	if len(found) == 0 {
		// An official document is dated under its signature, at the end.
		for i := len(t.units) - 2; i >= 0 && i >= len(t.units)-6; i-- {
			if !t.signature(i) {
				continue
			}
			next := t.units[i+1]
			if m := dateRE.FindStringSubmatchIndex(next.hans); m != nil {
				if d := dateOf(next.hans, m); d != "" {
					return known(d, at(next)+": "+quote(next.text)+", the date under the signature "+quote(t.units[i].text))
				}
			}
		}
		why := "no date printed as a byline or stamp (dates inside the body are what the report tells, not when it was published)"
		if u, md, ok := t.dayWithoutYear(); ok {
			why += "; " + at(u) + " gives a day without its year («" + md + "»): the year is for the editor"
		}
		if declared != "" {
			why += "; the " + t.in.Source.Format + " file was made on " + declared + ", which may be when it was saved, not published"
		}
		return unknown[string](why)
	}
	f := found[0]
	return known(f.date, at(t.units[f.unit])+": "+quote(f.text)+", "+f.why)
}

func lastWords(s string) string {
	r := []rune(s)
	if len(r) > 8 {
		r = r[len(r)-8:]
	}
	return string(r)
}

// dateOf reads the date of a dateRE match, "" when it is no calendar date.
func dateOf(s string, m []int) string {
	group := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return s[m[2*k]:m[2*k+1]]
	}
	var y int
	if roc := group(2); roc != "" {
		n, _ := strconv.Atoi(roc)
		y = n + 1911
	} else {
		y, _ = strconv.Atoi(group(3))
	}
	mo, da := group(5), group(6)
	if mo == "" {
		mo, da = group(7), group(8)
	}
	mon, _ := strconv.Atoi(mo)
	day, _ := strconv.Atoi(da)
	return calendarDate(y, mon, day)
}

// calendarDate is YYYY-MM-DD when the three make a real date no later
// than next year, else "".
func calendarDate(y, m, d int) string {
	if y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// normDate reads a declared date (2019-09-05T10:03:00+08:00, 2019-09-05)
// as YYYY-MM-DD; "" when it is not one.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	if m := dateRE.FindStringSubmatchIndex(s); m != nil && m[0] == 0 {
		return dateOf(s, m)
	}
	return ""
}

// monthDayRE: a day written without its year (9月30日, 6月28日电).
var monthDayRE = regexp.MustCompile(`(?:^|[^0-9年])(\d{1,2}\s*月\s*\d{1,2}\s*日)`)

// dayWithoutYear finds the first day printed without a year in the head
// and the lead of the copy, for the could-not-tell note.
func (t *text) dayWithoutYear() (unit, string, bool) {
	for i, u := range t.units {
		if i > t.body+2 {
			break
		}
		if m := monthDayRE.FindStringSubmatch(u.hans); m != nil {
			return u, m[1], true
		}
	}
	return unit{}, "", false
}

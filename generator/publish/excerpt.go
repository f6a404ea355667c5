package publish

import (
	"slices"
	"unicode"
)

// An excerpt is read as a quote and may be quoted on: cut inside 128557 it
// says 1285…, cut inside a name it names someone else. shorten therefore
// cuts after a clause or sentence end (。！？；，、：), never inside a run
// of digits, Latin letters or the signs written within numbers, nor
// inside a person's name as the script converter finds names (names.go in
// generator/script): the name before a title (范国强局长, 余建华同志), the
// name after one (书记范国强), 姓X.

// clauseSlack is how far past n shorten looks for a clause end when there
// is none in the second half of the first n runes: a little longer beats
// a cut in the middle of a clause. It is small because place-year pages
// hold 28 excerpts within the page budget (at 400 synthetic reports the
// largest part was 25.4 KB of 30 with a slack of 24).
const clauseSlack = 12

// shorten returns s whole if it has at most n+clauseSlack runes; else its
// start up to the last clause end among runes n/2..n, or else the first
// among n..n+clauseSlack, or else (a clause longer than that) up to n runes
// moved back so as not to split a number or a Latin word; "…" marks the cut.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n+clauseSlack {
		return s
	}
	cut := -1
	for i := n - 1; i >= n/2; i-- {
		if isClauseEnd(rs[i]) {
			cut = i + 1
			break
		}
	}
	for i := n; cut < 0 && i < n+clauseSlack; i++ {
		if isClauseEnd(rs[i]) {
			cut = i + 1
		}
	}
	if cut < 0 {
		cut = n
		for cut > 1 && (inWord(rs[cut-1]) && inWord(rs[cut]) || inName(rs, cut)) {
			cut--
		}
		if cut <= 1 { // one unbroken run of n runes: cut it after all, but say so
			cut = n
		}
	}
	if cut >= len(rs) {
		return s
	}
	return string(rs[:cut]) + "…"
}

func isClauseEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '，', '、', '：', '!', '?', ';':
		return true
	}
	return false
}

// inWord: a rune that belongs to a number or a Latin word with its
// neighbours (12.8, 128,557, 93.37%, GB/T).
func inWord(r rune) bool {
	return r < 0x80 && (unicode.IsDigit(r) || unicode.IsLetter(r) || r == '.' || r == ',' || r == '%' || r == '/' || r == '-') ||
		r >= '０' && r <= '９' || r == '．' || r == '％'
}

// nameTitles are the titles a person's name is written against, in both
// scripts: X长 of every office (局长, 校长, 县长 …, 副 inside the name's
// reach), 书记 … 同志.
var nameTitles = func() []string {
	ts := []string{
		"书记", "書記", "主任", "主席", "委员", "委員", "督学", "督學", "教授",
		"老师", "老師", "先生", "女士", "同志", "记者", "記者", "代表",
	}
	for _, office := range []rune("局校县市区省院园所厅处科部镇乡村组社行会队站馆股") {
		ts = append(ts, string(office)+"长")
	}
	for _, office := range []rune("局校縣市區省院園所廳處科部鎮鄉村組社行會隊站館股") {
		ts = append(ts, string(office)+"長")
	}
	return ts
}()

// nameLen is the longest name a title is written against: a surname and a
// given name of two characters.
const nameLen = 3

// inName reports whether cutting rs before rs[cut] could split a person's
// name: between two Han characters, inside a title, inside the nameLen
// Han characters before a title or after one, or right after 姓. Text that
// only looks like a name (全市校长) moves the cut back a few characters,
// which costs nothing.
func inName(rs []rune, cut int) bool {
	if !unicode.Is(unicode.Han, rs[cut-1]) || !unicode.Is(unicode.Han, rs[cut]) {
		return false
	}
	if rs[cut-1] == '姓' {
		return true
	}
	for _, t := range nameTitles {
		title := []rune(t)
		at := func(p int) bool { return p >= 0 && p+len(title) <= len(rs) && slices.Equal(rs[p:p+len(title)], title) }
		// the title starting inside the cut's word or within nameLen after it
		for p := cut - len(title) + 1; p < cut+nameLen && p <= len(rs); p++ {
			if p > cut && !unicode.Is(unicode.Han, rs[p-1]) {
				break
			}
			if p != cut && at(p) {
				return true
			}
		}
		// the title ending within nameLen before the cut
		for e := cut - 1; e >= 0 && e > cut-nameLen && unicode.Is(unicode.Han, rs[e]); e-- {
			if at(e - len(title)) {
				return true
			}
		}
	}
	return false
}

package publish

import "unicode"

// An excerpt is read as a quote and may be quoted on: cut inside 128557 it
// says 1285…, cut inside a name it names someone else. shorten therefore
// cuts after a clause or sentence end (。！？；，、：), never inside a run
// of digits, Latin letters or the signs written within numbers.

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
		for cut > 1 && inWord(rs[cut-1]) && inWord(rs[cut]) {
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

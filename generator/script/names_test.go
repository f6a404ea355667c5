package script

import "testing"

// TestSurnamesInNames: a surname that OpenCC's character table turns into
// a word (范 → 範, 余 → 餘, 于 → 於) or that starts a week phrase (周一 →
// 週一) is kept in a person's name, by the shapes names.go knows, and only
// there; Traditional gives the Simplified back.
func TestSurnamesInNames(t *testing.T) {
	c := testConverter(t)
	for _, tc := range []struct{ class, hans, hant string }{
		{"surname + title", "范局长指出，余主任强调", "范局長指出，余主任強調"},
		{"surname + title", "于书记和周校长调研", "于書記和周校長調研"},
		{"surname + given name + title", "范国强局长介绍", "范國強局長介紹"},
		{"surname + given name + title", "余建华同志，于晓明校长", "余建華同志，于曉明校長"},
		{"surname + given name + title", "周一鸣副校长", "周一鳴副校長"},
		{"title + surname + given name", "市委书记范国强指出", "市委書記范國強指出"},
		{"title + surname + given name", "副局长余建华说", "副局長余建華說"},
		{"title + preposition 于", "书记于会议上指出，校长于近日", "書記於會議上指出，校長於近日"},
		{"姓X", "姓范，姓余，姓于，姓周", "姓范，姓余，姓于，姓周"},
		{"surname + given name + reporting verb", "范国强表示，余建华指出", "范國強表示，余建華指出"},
		{"surname + given name + reporting verb", "周一鸣介绍说", "周一鳴介紹說"},
		{"a count, not a name", "3500余人次表示满意，百余名家长认为", "3500餘人次表示滿意，百餘名家長認為"},
		{"preposition, not a name", "于近日表示", "於近日表示"},
		{"X先生/女士/老师/同志", "范先生、余女士、于老师和周同志", "范先生、余女士、于老師和周同志"},
		// the same characters as words
		{"word", "示范校长，范围内的老师", "示範校長，範圍內的老師"},
		{"word", "其余老师，余下的主任", "其餘老師，餘下的主任"},
		{"word", "关于主任的意见，于全市校长中", "關於主任的意見，於全市校長中"},
		{"word", "周五召开校长会，周末的老师", "週五召開校長會，週末的老師"},
	} {
		convertsBothWays(t, c, tc.class, tc.hans, tc.hant)
	}
}

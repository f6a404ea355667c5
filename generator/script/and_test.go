package script

import "testing"

// TestAndAndMerge: 并 is 並 ("and") where a phrase of STPhrases took it for
// 併 ("merge") from the word after it or before it, and 併 where a merging
// verb goes with it; Traditional gives 并 back.
func TestAndAndMerge(t *testing.T) {
	c := testConverter(t)
	for _, tc := range []struct{ class, hans, hant string }{
		// 并X took the 并 of "and" from the word after it
		{"and before a word", "建立台账，并为学生提供资助", "建立臺賬，並為學生提供資助"},
		{"and before a word", "资源整合并为教师减负", "資源整合並為教師減負"},
		{"and before a word", "通过验收并成为示范校", "通過驗收並成為示範校"},
		{"and before a word", "完成建设，并力争2025年达标", "完成建設，並力爭2025年達標"},
		{"and before a word", "制定方案并发放补助", "制定方案並發放補助"},
		{"and before a word", "参加评选并入选全国典型", "參加評選並入選全國典型"},
		{"and before a word", "规划布局并科学设置", "規劃布局並科學設置"},
		{"and before a word", "开展调研并产生报告", "開展調研並產生報告"},
		{"and before a word", "组织培训并线上线下同步", "組織培訓並線上線下同步"},
		{"and before a word", "筹措资金并购买设备", "籌措資金並購買設備"},
		// X并 took the 并 of "and" from the word before it
		{"and after a word", "报告提交并审议通过", "報告提交並審議通過"},
		{"and after a word", "精简并优化流程", "精簡並優化流程"},
		// 并 after a merging verb, or a merge word: 併
		{"merge", "两所学校合并为一所", "兩所學校合併為一所"},
		{"merge", "撤并农村小规模学校", "撤併農村小規模學校"},
		{"merge", "将村小并入中心校", "將村小併入中心校"},
		{"merge", "兼并重组，一并解决", "兼併重組，一併解決"},
		{"merge", "归并到县级统筹", "歸併到縣級統籌"},
		{"merge", "预防并发症", "預防併發症"},
		{"merge", "暂不并入", "暫不併入"},
		// 并 of "and" that no phrase takes: STCharacters' 並
		{"and", "并且坚持多措并举", "並且堅持多措並舉"},
	} {
		convertsBothWays(t, c, tc.class, tc.hans, tc.hant)
	}
}

// TestAndRuleOnlyInTheProjectsConverter: plain OpenCC gives 併 in these.
func TestAndRuleOnlyInTheProjectsConverter(t *testing.T) {
	ruleIsOurs(t, "并为学生提供", "并成为", "提交并审议")
}

// ruleIsOurs checks that plain OpenCC (s2tw) converts each of texts
// otherwise than the project's converter: the rule tested is ours, not a
// copy of one of OpenCC's phrases.
func ruleIsOurs(t *testing.T, texts ...string) {
	t.Helper()
	c, p := testConverter(t), plainOpenCC(t)
	for _, s := range texts {
		plain, _ := p.OpenCC("s2tw", s)
		if plain == c.ToHant(s) {
			t.Errorf("plain OpenCC already gives %q for %q", plain, s)
		}
	}
}

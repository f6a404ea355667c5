package script

import "testing"

// convertsBothWays checks ToHant(hans) = hant, ToHant(hant) = hant (a
// Traditional report converts to itself) and ToHans(hant) = hans.
func convertsBothWays(t *testing.T, c *Converter, class, hans, hant string) {
	t.Helper()
	if got := c.ToHant(hans); got != hant {
		t.Errorf("%s: ToHant(%q) = %q, want %q", class, hans, got, hant)
	}
	if got := c.ToHant(hant); got != hant {
		t.Errorf("%s: ToHant(%q) = %q, want it unchanged", class, hant, got)
	}
	if got := c.ToHans(hant); got != hans {
		t.Errorf("%s: ToHans(%q) = %q, want %q", class, hant, got, hans)
	}
}

// TestWeekAndCircuit: 周 is 週 where it means a week and 周 where it means
// a circuit, all around, thorough, a surname or a place, by the classes of
// week.go and OpenCC's own phrases; Traditional gives 周 back.
func TestWeekAndCircuit(t *testing.T) {
	c := testConverter(t)
	for _, tc := range []struct{ class, hans, hant string }{
		// OpenCC's own week words
		{"week word", "每周开展一次，本周、上周和下周", "每週開展一次，本週、上週和下週"},
		{"week word", "周一至周五，周六日和周末休息", "週一至週五，週六日和週末休息"},
		{"week word", "建党95周年，年满3周岁", "建黨95週年，年滿3週歲"},
		{"week word", "发布周报，缩短建设周期", "發布週報，縮短建設週期"},
		{"week word", "督查持续约两周，共一周", "督查持續約兩週，共一週"},
		// a count before 周
		{"count", "培训3周，第12周完成", "培訓3週，第12週完成"},
		{"count", "为期十二周的课程", "為期十二週的課程"},
		{"count", "每两周一次，前几十周", "每兩週一次，前幾十週"},
		{"count", "连续４周开展", "連續４週開展"},
		{"count", "3周内完成，每1周至2周", "3週內完成，每1週至2週"},
		{"count", "为期四周，第四周和第十四周", "為期四週，第四週和第十四週"},
		{"count", "连续四周，每四周一次", "連續四週，每四週一次"},
		// a weekly routine after 周
		{"routine", "改会议，实行周调度、月通报", "改會議，實行週調度、月通報"},
		{"routine", "召开周例会，制定周计划", "召開週例會，制定週計劃"},
		{"routine", "落实周总结和周安排", "落實週總結和週安排"},
		{"routine", "实行周督查", "實行週督查"},
		// a named week at the end of its phrase
		{"named week", "开展职业教育活动周等方式", "開展職業教育活動週等方式"},
		{"named week", "举办安全教育周。", "舉辦安全教育週。"},
		{"named week", "科技周期间，读书周启动", "科技週期間，讀書週啟動"},
		{"named week", "全民国家安全教育周", "全民國家安全教育週"},
		{"named week", "开展宣传周活动", "開展宣傳週活動"},
		// circuit, around, thorough: 周
		{"circuit", "教师周转宿舍，资金周转", "教師周轉宿舍，資金周轉"},
		{"circuit", "提高应收帐款周转率", "提高應收帳款周轉率"},
		{"circuit", "校园周边环境和学校四周", "校園周邊環境和學校四周"},
		{"circuit", "周围群众，服务周到", "周圍群眾，服務周到"},
		{"circuit", "计划周密，考虑周全", "計劃周密，考慮周全"},
		{"circuit", "绕场半周", "繞場半周"},
		{"circuit", "环顾四周，学校四周的道路", "環顧四周，學校四周的道路"},
		// names and places: 周
		{"name", "周恩来总理，周济部长", "周恩來總理，周濟部長"},
		{"name", "记者周仕敏报道", "記者周仕敏報道"},
		{"name", "周一鸣校长介绍", "周一鳴校長介紹"},
		{"name", "局长周末生强调", "局長周末生強調"},
		{"name", "姓周，周老师说", "姓周，周老師說"},
		{"name", "教育局周局长", "教育局周局長"},
		{"place", "周口市教育局，周至县", "周口市教育局，周至縣"},
		{"circuit", "周内", "周內"},
		{"dynasty", "西周和东周", "西周和東周"},
		// a week phrase that only looks like a name
		{"not a name", "周五召开校长会", "週五召開校長會"},
		{"not a name", "周末的老师", "週末的老師"},
	} {
		convertsBothWays(t, c, tc.class, tc.hans, tc.hant)
	}
}

// TestWeekRuleOnlyInTheProjectsConverter: plain OpenCC leaves 周 where no
// phrase lists the week (the rule is ours, not a copy of a phrase).
func TestWeekRuleOnlyInTheProjectsConverter(t *testing.T) {
	ruleIsOurs(t, "培训3周", "实行周调度", "开展职业教育活动周")
}

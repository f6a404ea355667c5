package script

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Simplified 周 is two Traditional characters: 週, a week (每週, 週末,
// 週年, 週歲, 週期, 週報), and 周, a circuit, all around, thorough, a
// surname or the dynasty (周轉, 周邊, 周圍, 周到, 周密, 周全, 四周, 周恩來,
// 西周, 周口市). OpenCC's STPhrases holds 460 phrases with 周 of either kind
// (its 週 words: 一週, 兩週, 每週, 本週, 週一…週日, 週末, 週年, 週歲, 週期,
// 週報, 週會, 宣傳週, 黃金週 …) and converts every other 周 by character,
// to 周. weekReading decides the 周 that no phrase took, by the shape of
// the text around it:
//
//   - a count before it: a digit or a Chinese numeral (3周, 第3周, 十二周,
//     几十周 …; STPhrases lists only 一周 … 十周 and a few more), also
//     where a phrase that keeps 周 follows a digit (3周内, 1周至2周: 周内,
//     周至 are words of their own elsewhere); and
//     STPhrases' 四周 (all around) after a numeral or a duration word
//     (十四周, 为期四周, 第四周: fourWeeks);
//   - a routine that is done every week right after it (周调度, 周例会,
//     周计划, 周总结, 周通报 …), as OpenCC's own 周报, 周会, 周考, 周记;
//   - a named week: an event noun right before it and the end of the
//     phrase right after it (活动周, 安全教育周, 科技周。, 读书周期间), as
//     OpenCC's own 宣传周, 时装周, 图书馆周.
//
// Everything else keeps 周, and so does a person's name (surnameRule:
// 周 is a surname entry in overrides.yaml), which also keeps the 周 of a
// week phrase that a two-character given name and a title or a reporting
// verb follow (周一鸣校长, not 週一鳴校長; Converter.reading). Traditional
// → Simplified needs no
// rule: TSCharacters maps both 週 and 周 to 周.
//
// The reverse error, a 週 where Taiwan writes 周, is STPhrases' 周转 →
// 週轉 (and 应收帐款周转率): data/zh/tw-standard.txt gives Taiwan's form
// 周轉 in every phrase that holds it.
const (
	week = "週"

	// weekCounts are the Chinese numerals that count weeks before 周.
	// 半 is not one: 半周 is half a circuit (绕场半周).
	weekCounts = "一二三四五六七八九十百两几数〇零"
)

// weekRoutines are what is done every week, written right after 周.
var weekRoutines = []string{
	"调度", "例会", "计划", "工作", "总结", "小结", "通报", "汇报", "报告", "安排",
	"课时", "教研", "巡查", "检查", "督查", "督导", "考核", "评比", "值班", "任务",
	"目标", "清单", "重点", "课表", "作业", "食谱", "菜谱", "测验", "测试", "练习",
	"讲评", "点评", "例行", "平均",
}

// weekEvents are event nouns that name a week when 周 follows them at the
// end of a phrase (职业教育活动周, 安全教育周, 科技周).
var weekEvents = []string{
	"活动", "教育", "科普", "读书", "阅读", "文化", "艺术", "体育", "科技", "服务",
	"主题", "健康", "安全", "推广", "质量", "体验", "开放", "文明", "环保", "节能",
	"法治", "普法", "心理", "劳动", "志愿", "实践", "展示", "成果", "招聘", "考试",
	"开学", "招生", "军训", "迎新", "美育", "德育", "书香", "诚信", "消防", "禁毒",
	"国防", "创新", "创业", "就业", "技能", "学术", "推普", "爱眼", "爱牙", "宣讲",
}

// weekEventEnds may follow a named week inside the phrase that names it
// (活动周期间, 科技周启动仪式, 宣传周的); any character that is not Han
// (punctuation, a digit, the end of the text) ends the phrase as well.
var weekEventEnds = []string{
	"活动", "期间", "系列", "开幕", "启动", "闭幕", "暨", "中", "上", "里", "内", "的",
	"和", "与", "及", "等", "是", "在", "为",
}

// weekDurations are words after which 四周 counts weeks (为期四周, 第四周),
// not the surroundings (学校四周), which STPhrases' 四周 → 四周 gives.
var weekDurations = []string{"第", "为期", "连续", "持续", "历时", "用时", "每", "隔", "约", "满", "共"}

// fourWeeks reports whether STPhrases' 四周 at s[i:] (the surroundings)
// counts weeks: after a numeral (十四周) or a duration word.
func fourWeeks(s string, i int) bool {
	before := s[:i]
	prev, _ := utf8.DecodeLastRuneInString(before)
	return (prev != utf8.RuneError && strings.ContainsRune(weekCounts, prev)) || hasAnySuffix(before, weekDurations)
}

// afterDigit reports whether s[:i] ends with a digit (3周, ４周).
func afterDigit(s string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	return (prev >= '0' && prev <= '9') || (prev >= '０' && prev <= '９')
}

// weekReading reports whether the 周 at s[i:i+n] (Simplified text, no
// dictionary phrase taking it) is a week, 週.
func weekReading(s string, i, n int) bool {
	before, after := s[:i], s[i+n:]
	prev, _ := utf8.DecodeLastRuneInString(before)
	if afterDigit(s, i) || (prev != utf8.RuneError && strings.ContainsRune(weekCounts, prev)) {
		return true
	}
	if hasAnyPrefix(after, weekRoutines) {
		return true
	}
	if !hasAnySuffix(before, weekEvents) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(after)
	return after == "" || !unicode.Is(unicode.Han, next) || hasAnyPrefix(after, weekEventEnds)
}

func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

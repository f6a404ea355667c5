package clean

import (
	"reflect"
	"strings"
	"testing"
)

// cleaned returns the paragraphs' texts and the rules of the clutter edits.
func cleaned(text string) (title string, paras []string, removed map[string]string) {
	d := Clean(text, Options{})
	for _, p := range d.Paragraphs {
		paras = append(paras, p.Text)
	}
	removed = map[string]string{}
	for _, e := range d.Edits {
		if e.Kind == "clutter" {
			removed[e.Before] = e.Rule
		}
	}
	return d.Title, paras, removed
}

// The shapes the body is found by, each on pages of different kinds. The
// texts are made up in the shapes of real pages (news sites, document
// libraries, journals, mirrors) in both scripts.
func TestBodyByShape(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		title   string
		paras   []string
		removed map[string]string // line (or part) → rule
	}{
		{
			name:  "news page: menu, breadcrumb, stamp, tail",
			in:    lines("首页 新闻 体育 财经 汽车 房产", "当前位置:首页 > 新闻 > 正文", "某县新建学校投入使用", "2021-09-01 10:00:00 来源:某某日报", "全县新建学校3所，新增学位1200个。", "上一篇:另一条新闻的标题", "点击排行", "简体 | 繁體"),
			title: "某县新建学校投入使用",
			paras: []string{"全县新建学校3所，新增学位1200个。"},
			removed: map[string]string{"首页 新闻 体育 财经 汽车 房产": ruleNavigation, "当前位置:首页 > 新闻 > 正文": "breadcrumb",
				"2021-09-01 10:00:00 来源:某某日报": ruleDateStamp, "上一篇:另一条新闻的标题": "prev-next", "点击排行": "related-list", "简体 | 繁體": ruleNavigation},
		},
		{
			name:  "Traditional page: spam links, channel, breadcrumb, ticker-free",
			in:    lines("免費電影|在線觀看|最新網址|精品專區", "台中", "首頁>地方頻道>台中>要聞", "本市幼兒園增加名額", "作者: 王小明    來源: 某某網    日期: 2022-03-01", "今年本市新增幼兒園名額500個，家長可上網登記。", "[責任編輯:李四]", "0100703200100000"),
			title: "本市幼兒園增加名額",
			paras: []string{"今年本市新增幼兒園名額500個，家長可上網登記。"},
			removed: map[string]string{"免費電影|在線觀看|最新網址|精品專區": ruleNavigation, "台中": ruleBeforeHead, "首頁>地方頻道>台中>要聞": ruleNavigation,
				"作者: 王小明    來源: 某某網    日期: 2022-03-01": ruleDateStamp, "[責任編輯:李四]": "editor-credit", "0100703200100000": ruleAfterBody},
		},
		{
			name:    "ticker of other headlines before the headline",
			in:      lines("快訊", "", "股市今日收盤上漲", "", "颱風明晨登陸東部", "", "本市公立幼兒園增5間", "", "某某社/ 高雄5日電", "", "教育局昨日表示，今年增設5間公立幼兒園，共300個名額。"),
			title:   "本市公立幼兒園增5間",
			paras:   []string{"教育局昨日表示，今年增設5間公立幼兒園，共300個名額。"},
			removed: map[string]string{"快訊": ruleBeforeHead, "股市今日收盤上漲": ruleBeforeHead, "颱風明晨登陸東部": ruleBeforeHead},
		},
		{
			name:  "document library: blurbs and repeated titles",
			in:    lines("某某网为您提供各类范文! 述职报告 心得体会 演讲稿 自查报告", "2023年工作总结【精选】", "以下是小编整理的2023年工作总结,欢迎阅读。", "某局2023年工作总结", "现将2023年工作情况汇报如下:", "一、主要工作", "全年完成投资5亿元。"),
			title: "某局2023年工作总结",
			paras: []string{"现将2023年工作情况汇报如下：", "一、主要工作", "全年完成投资5亿元。"},
			removed: map[string]string{"某某网为您提供各类范文! 述职报告 心得体会 演讲稿 自查报告": "document-site-blurb",
				"2023年工作总结【精选】": ruleBeforeHead, "以下是小编整理的2023年工作总结,欢迎阅读。": "document-site-blurb"},
		},
		{
			name:  "journal page: a block of publication details",
			in:    lines("主管单位:某某部", "主办单位:某某协会", "国内刊号:CN 12-3456", "语 言:中文", "某地新学期208所新学校投入使用，新增学位13万个。", "本稿件为原创,如需转载请注明出处。", "某某杂志社编辑部", "2019/09/17"),
			paras: []string{"某地新学期208所新学校投入使用，新增学位13万个。"},
			removed: map[string]string{"主管单位:某某部": rulePublication, "主办单位:某某协会": rulePublication, "国内刊号:CN 12-3456": rulePublication,
				"语 言:中文": rulePublication, "本稿件为原创,如需转载请注明出处。": "reprint-notice", "某某杂志社编辑部": ruleAfterBody, "2019/09/17": "upload-stamp"},
		},
		{
			name:    "a feed of other stories after the body",
			in:      lines("教育局公布名单", "教育局今天公布了参加计划的幼稚园名单，共740所。", "", "-", "另一宗新闻的内容，与本文无关，也很长很长。3小时前", "-", "第三宗新闻的内容，同样与本文无关。"),
			title:   "教育局公布名单",
			paras:   []string{"教育局今天公布了参加计划的幼稚园名单，共740所。"},
			removed: map[string]string{"-": ruleFeed, "另一宗新闻的内容，与本文无关，也很长很长。3小时前": ruleFeed, "第三宗新闻的内容，同样与本文无关。": ruleFeed},
		},
		{
			// cut at the stamp and the share bar (split-inline-head), the
			// head is a page's head: its headline is the title
			name:  "a page copied as one line",
			in:    "首页 要闻 2020-03-02 09:15:00 某校招生结果 分享: 今年报名人数逾3万人，录取率约60%。 学校表示，明年扩招。 立即下载某某APP 体验新功能",
			title: "某校招生结果",
			paras: []string{"今年报名人数逾3万人，录取率约60%。 学校表示，明年扩招。"},
			removed: map[string]string{"首页 要闻": ruleBeforeHead, "2020-03-02 09:15:00": "upload-stamp", "分享:": "share-prompt",
				"立即下载某某APP 体验新功能": ruleLineTail},
		},
		{
			name:    "a page copied as one line, Traditional, share bar 分享到",
			in:      "返回 本地 2018-11-27 06:00 小一派位結果公布 分享到： 今年申請人數逾5萬人，成功率約44%。 教育局表示，明年減班。",
			title:   "小一派位結果公布",
			paras:   []string{"今年申請人數逾5萬人，成功率約44%。 教育局表示，明年減班。"},
			removed: map[string]string{"返回 本地": ruleBeforeHead, "2018-11-27 06:00": "upload-stamp", "分享到：": "share-prompt"},
		},
		{
			name:    "a one-line page whose chrome ends inside a byline's parentheses",
			in:      "某某网站首页新闻频道 正文 某某新闻网讯 (张三 李四)6月28日，我县项目集中开工。县长出席仪式，并讲话。",
			paras:   []string{"6月28日，我县项目集中开工。县长出席仪式，并讲话。"},
			removed: map[string]string{"某某网站首页新闻频道 正文 某某新闻网讯 (张三 李四)": ruleLineHead},
		},
		{
			name:    "a source credit after the last sentence",
			in:      lines("国家督导组对18个县进行了督导检查，征求了公众意见。摘自教育部网站"),
			paras:   []string{"国家督导组对18个县进行了督导检查，征求了公众意见。"},
			removed: map[string]string{"摘自教育部网站": "source-credit-on-the-line"},
		},
		{
			name:    "scissors and an author's name around a library copy",
			in:      lines("文档信息", "免费预览全文", "某区关于教育督导工作的自查报告", "全区现有中小学17所，在校生5406人。", "✂"),
			title:   "某区关于教育督导工作的自查报告",
			paras:   []string{"全区现有中小学17所，在校生5406人。"},
			removed: map[string]string{"文档信息": ruleBeforeHead, "免费预览全文": ruleBeforeHead, "✂": ruleAfterBody},
		},
		{
			name:    "stamp lines with dates in words and several labels",
			in:      lines("某市教育局召开会议", "发布时间：2023年01月05日", "来源：某市教育局  浏览次数：123", "会议部署了今年的重点工作，要求新建学校5所。"),
			title:   "某市教育局召开会议",
			paras:   []string{"会议部署了今年的重点工作，要求新建学校5所。"},
			removed: map[string]string{"发布时间：2023年01月05日": ruleDateStamp, "来源：某市教育局  浏览次数：123": ruleDateStamp},
		},
		{
			name:    "a row of symbols under a press release's headline",
			in:      lines("教育局公布小一學位分配結果", "＊＊＊＊＊＊＊＊＊", "教育局今日公布今年小一入學統籌辦法的結果，共有4萬名兒童獲派學位。"),
			title:   "教育局公布小一學位分配結果",
			paras:   []string{"教育局今日公布今年小一入學統籌辦法的結果，共有4萬名兒童獲派學位。"},
			removed: map[string]string{"＊＊＊＊＊＊＊＊＊": ruleBeforeBody},
		},
		{
			name:    "a list of other stories with their dates, inside the page",
			in:      lines("某县召开教育工作会议", "会议部署了今年的重点工作，要求新建学校5所。", "某地召开教育工作会议 2023-01-05", "某校开展读书活动 [01-04]", "會議強調，要辦好人民滿意的教育。"),
			title:   "某县召开教育工作会议",
			paras:   []string{"会议部署了今年的重点工作，要求新建学校5所。", "會議強調，要辦好人民滿意的教育。"},
			removed: map[string]string{"某地召开教育工作会议 2023-01-05": ruleDatedHeadlines, "某校开展读书活动 [01-04]": ruleDatedHeadlines},
		},
		// What the shapes must leave alone.
		{
			name:    "an issuer's name before the title and in the signature stays",
			in:      lines("2023-01-12 09:03:52", "某某县人民政府", "关于2020年度教育工作的自查报告", "", "现将有关情况报告如下：", "全县共有学校30所。", "某某县教育局", "2023-01-05", "相关文章"),
			title:   "某某县人民政府",
			paras:   []string{"关于2020年度教育工作的自查报告", "现将有关情况报告如下：", "全县共有学校30所。", "某某县教育局"},
			removed: map[string]string{"2023-01-12 09:03:52": "upload-stamp", "2023-01-05": "upload-stamp", "相关文章": "related-list"},
		},
		{
			name:  "a heading between the title and the first item stays",
			in:    lines("某县2022年工作总结", "上半年工作回顾", "1.新建学校3所。"),
			title: "某县2022年工作总结",
			paras: []string{"上半年工作回顾", "1.新建学校3所。"},
		},
		{
			name:  "unpunctuated items at the end of a report without page chrome stay",
			in:    lines("某县工作总结", "全年新建学校3所。", "四、下一步工作", "加强党的建设", "提升教育质量"),
			title: "某县工作总结",
			paras: []string{"全年新建学校3所。", "四、下一步工作", "加强党的建设", "提升教育质量"},
		},
		{
			name:    "a signature stays when page chrome follows it",
			in:      lines("全县教育经费支出9亿元，增长5%。", "某县教育局", "2023年3月8日", "简体 | 繁體"),
			paras:   []string{"全县教育经费支出9亿元，增长5%。", "某县教育局", "2023年3月8日"},
			removed: map[string]string{"简体 | 繁體": ruleNavigation},
		},
		{
			name:    "a copy cut off in the middle of its last sentence keeps the fragment",
			in:      lines("时间:2022-08-09", "办好教育，是我们共同的责任。", "“均衡”是个相对的概念，可从三个方面理解：一是"),
			paras:   []string{"办好教育，是我们共同的责任。", "“均衡”是个相对的概念，可从三个方面理解：一是"},
			removed: map[string]string{"时间:2022-08-09": ruleDateStamp},
		},
		{
			name:  "names set apart by spaces inside the body stay",
			in:    lines("某校表彰大会召开", "会议表彰了优秀教师。", "获奖教师 张三 李四 王五 赵六 钱七", "", "会议号召全体教师向他们学习。"),
			title: "某校表彰大会召开",
			paras: []string{"会议表彰了优秀教师。", "获奖教师 张三 李四 王五 赵六 钱七", "会议号召全体教师向他们学习。"},
		},
		{
			name:  "a Latin sentence is not a one-line page",
			in:    lines("教育局公布學位數字", "Education Bureau announced today 教育局今日宣布，新增學位2000個。 more details later"),
			title: "教育局公布學位數字",
			paras: []string{"Education Bureau announced today 教育局今日宣布，新增學位2000個。 more details later"},
		},
		{
			name:  "figures after labels in a table are not dated headlines",
			in:    lines("某县教育统计", "全县学校生师比如下。", "小学生师比 1.15", "初中生师比 1.12", "高中班额 1-2"),
			title: "某县教育统计",
			paras: []string{"全县学校生师比如下。", "小学生师比 1.15", "初中生师比 1.12", "高中班额 1-2"},
		},
		{
			name:  "a sentence holding a span of years is not a stamp",
			in:    lines("某区规划", "2022-2025年,全区将规划实施17个普惠性幼儿园建设项目"),
			title: "某区规划",
			paras: []string{"2022-2025年，全区将规划实施17个普惠性幼儿园建设项目"},
		},
	}
	for _, tt := range tests {
		title, paras, removed := cleaned(tt.in)
		if tt.removed == nil {
			tt.removed = map[string]string{}
		}
		if title != tt.title || !reflect.DeepEqual(paras, tt.paras) || !reflect.DeepEqual(removed, tt.removed) {
			t.Errorf("%s:\n title %q, want %q\n paragraphs %q\n want       %q\n removed %q\n want    %q", tt.name, title, tt.title, paras, tt.paras, removed, tt.removed)
		}
	}
}

// Page chrome never becomes a heading, so never a section of the body.
func TestClutterHeadingsAreNoSections(t *testing.T) {
	for _, in := range []string{
		lines("网站首页 | 学院概况 | 新闻中心 | 通知公告", "宣传部", "当前位置: 网站首页>>详情", "某省教育事业发展统计公报", "全省共有学校12000所。", "一、学前教育", "全省共有幼儿园5000所。"),
		lines("網站首頁", "省份: 江苏浙江安徽福建", "某某新聞網 > 地方新聞 > 教育", "某地持續增加學前教育資源", "今年新增學位800個。"),
	} {
		d := Clean(in, Options{})
		for _, p := range d.Paragraphs {
			if p.Heading && strings.ContainsAny(p.Text, "|>") || strings.Contains(p.Section, "首页") || strings.Contains(p.Section, "首頁") {
				t.Errorf("page chrome became part of the outline: %+v", p)
			}
		}
		if len(d.Paragraphs) == 0 || d.Paragraphs[0].Heading {
			t.Errorf("the body does not start with its first sentence: %+v", d.Paragraphs)
		}
	}
}

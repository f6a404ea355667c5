package extract

import (
	"testing"
)

// Labels of whole sentences, by the shape of the words around a figure;
// each shape is written synthetically in both scripts and in more than one
// kind of sentence. want lists the labels of the figures, in order.
func TestLabelShapes(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct {
		shape, text string
		want        []string
	}{
		{"到 after the noun opens a predicate", "组织21个党支部到联建社区开展主题活动。", []string{"党支部"}},
		{"到 after the noun, Traditional", "組織21個黨支部到聯建社區開展主題活動。", []string{"黨支部"}},
		{"到 after the noun, teachers", "选派35名骨干教师到农村学校支教。", []string{"骨干教师"}},
		{"都 after the noun opens a predicate", "与21个地市都签订了推进教育发展任务书。", []string{"地市"}},
		{"都 after the noun, Traditional", "與21個地市都簽訂了推進教育發展任務書。", []string{"地市"}},
		{"首都 is a word", "共有12所首都高校参加。", []string{"首都高校"}},
		{"相对 is a word", "有5个城市学位相对紧张。", []string{"城市学位相对紧张"}},
		{"存在 keeps its 在", "督查发现6个省份存在7个方面的问题。", []string{"省份", "方面"}},
		{"由现在 is trimmed whole", "政府开支由现在每年约40亿元增加至67亿元。", []string{"政府开支", "政府开支"}},
		{"由现在, Traditional", "政府開支由現在每年約40億元增加至67億元。", []string{"政府開支", "政府開支"}},
		{"after the verb, a year between", "教育投入由现在的30亿元提高到2025年的45亿元。", []string{"教育投入", "教育投入"}},
		{"a part named after the figure", "申请人数5.1万人，其中逾2.2万获派位。", []string{"申请人数", "获派位"}},
		{"a part named after the figure, Traditional", "報名人數3000人，其中約1200人獲錄取。", []string{"報名人數", "獲錄取"}},
		{"a part of a short whole repeats it", "教职工500人，其中专任教师420人。", []string{"教职工", "教职工(专任教师)"}},
		{"a part of a long whole has its own name", "共随机抽查学校和教学点192所，其中小学63所，初中47所。", []string{"抽查学校和教学点", "小学", "初中"}},
		{"words after a figure cut at a quotation, not inside a word", "全县95%学校以“集中配送”的模式完成了全部教材发放工作。", []string{"学校"}},
		{"cut at a quotation, Traditional", "全縣95%學校以「集中配送」的模式完成了全部教材發放工作。", []string{"學校"}},
		{"cut at a bracket", "新建8个项目按（省级示范学校建设）标准开展施工建设工作。", []string{"新建项目"}},
		{"no break: no label rather than half a word", "与21个地市签订推进基础教育高质量发展三年行动计划任务书。", []string{""}},
		{"a distributive list repeated for another level", "小学生均经费和公用经费分别增长5%和6%，初中分别增长7%和8%。",
			[]string{"小学生均经费", "公用经费", "初中生均经费", "初中公用经费"}},
		{"repeated for another level, Traditional", "高職院校生均經費和公用經費分別增長5%和6%，中職學校分別增長7%和8%。",
			[]string{"高職院校生均經費", "公用經費", "中職學校生均經費", "中職學校公用經費"}},
		{"units that are the thing counted", "全县下辖3乡2镇。", []string{"下辖乡", "下辖镇"}},
		{"units that are the thing counted, Traditional", "全縣下轄4鄉3鎮。", []string{"下轄鄉", "下轄鎮"}},
		{"a noun unit right after another figure", "新增幼儿园2所120名额。", []string{"新增幼儿园", "名额"}},
		{"a noun unit right after another figure, Traditional", "增設幼兒園2所120名額。", []string{"增設幼兒園", "名額"}},
		{"a part of what was found repeats the noun found", "发现问题120个，其中已整改100个。", []string{"发现问题", "问题(整改)"}},
		{"a part of what was found, Traditional", "發現隱患80個，其中已整改60個。", []string{"發現隱患", "隱患(整改)"}},
		{"compared with, after a list", "公立幼儿园为1000元，对照私幼1万多元。", []string{"公立幼儿园", "私幼"}},
		{"compared with, after a list, Traditional", "公立幼兒園為1000元，對照私幼1萬多元。", []string{"公立幼兒園", "私幼"}},
		{"a verb of share before the number", "教育医疗类占12.57%。", []string{"教育医疗类"}},
		{"a verb of share, Traditional", "教育醫療類約佔12.57%。", []string{"教育醫療類"}},
		{"an adverb before the number", "今年新建的学校就343所。", []string{"新建的学校"}},
		{"a year after 其中", "新建学校1770所，其中今年新建的学校就达343所。", []string{"新建学校", "新建的学校"}},
		{"a bound and a raise around the measure", "提高私幼就学补助为每学年最高5.2万元。", []string{"私幼就学补助"}},
		{"a raise, Traditional", "調高私幼就學補助至每學期最高3萬元。", []string{"私幼就學補助"}},
		{"in total", "全区共排查幼儿园120处。", []string{"排查幼儿园"}},
		{"in total, Traditional", "全區共招聘教師300人。", []string{"招聘教師"}},
		{"共 opening a word stays", "共享实训基地建设达12个。", []string{"共享实训基地建设"}},
		{"there are", "全省有普惠性幼儿园4747所。", []string{"普惠性幼儿园"}},
		{"有 opening a word stays", "有关部门联合检查15次。", []string{"有关部门联合检查"}},
		{"有些 is a word", "有些学校超过40所。", []string{"有些学校"}},
		{"this year", "本年度新建公办普高学位5550个。", []string{"新建公办普高学位"}},
		{"a share, Traditional lead", "參與幼稚園約佔合資格幼稚園96%。", []string{"參與幼稚園約佔合資格幼稚園"}},
		{"put into use after the noun", "208所新建学校投入使用。", []string{"新建学校"}},
		{"put into use, Traditional", "40所義務教育學校投入使用。", []string{"義務教育學校"}},
		{"people served before the verb", "为孩子们新增学位13.06万个。", []string{"新增学位"}},
		{"people served, Traditional", "為家長們提供諮詢服務1200次。", []string{"提供諮詢服務"}},
		{"most after the noun opens a predicate", "南宁市新学校达40所，为14个市最多。", []string{"南宁市新学校", "市"}},
		{"together with", "会同公安、检察等11部门下发文件。", []string{"公安、检察等部门"}},
		{"together with, Traditional", "會同公安、民政等5部門聯合出台通知。", []string{"公安、民政等部門"}},
	} {
		obs := r.Extract(Input{SourceID: "s", ParagraphID: "p1", Text: c.text, Year: 2020})
		var got []string
		for _, o := range obs {
			got = append(got, o.Label)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %q: labels %q, want %q", c.shape, c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %q: labels %q, want %q", c.shape, c.text, got, c.want)
				break
			}
		}
	}
}

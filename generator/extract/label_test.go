package extract

import (
	"strings"
	"testing"
)

// tidyLabel cuts a finished label to the noun phrase counted, alike in
// both scripts; each row is a shape of text, written synthetically.
func TestTidyLabel(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct{ shape, in, want string }{
		{"bracket left open", "实施了“双千计划”（投入", "投入"},
		{"bracket left open, Traditional", "實施了“雙千計劃”（投入", "投入"},
		{"closer without opener", "学校）", "学校"},
		{"empty brackets", "较去年少()", "较去年少"},
		{"a gloss with a clause of its own", "准公幼（接受政府补助的私幼）", "准公幼"},
		{"a gloss, Traditional", "特教班（附設在普通學校的班級）", "特教班"},
		{"a note naming a part is kept", "在园（班）幼儿", "在园（班）幼儿"},
		{"a note holding a list is kept", "县（市、区）", "县（市、区）"},
		{"manner adverb", "严厉查处", "查处"},
		{"manner adverb, Traditional", "嚴厲查處", "查處"},
		{"manner adverb before a verb phrase", "随机抽查学校", "抽查学校"},
		{"a noun after a manner adverb stays whole", "积极分子", "积极分子"},
		{"stage of the work", "整改过程中", "整改"},
		{"stage of the work, Traditional", "審批過程中", "審批"},
		{"two phrases with one head", "小学学龄儿童净入学率和初中阶段净入学率", "小学学龄儿童和初中阶段净入学率"},
		{"two phrases with one head, Traditional", "公辦園專任教師與民辦園專任教師", "公辦與民辦園專任教師"},
		{"one head, each item keeps two characters", "高职院校学生和中职院校学生", "高职和中职院校学生"},
		{"items with different heads stay", "小学适龄儿童入学率和在校生巩固率", "小学适龄儿童入学率和在校生巩固率"},
		{"three items stay", "教师、校长和职工", "教师、校长和职工"},
		{"an office acting", "市委编办核增编制", "核增编制"},
		{"an office acting, Traditional", "區教育局招聘教師", "招聘教師"},
		{"an office inside a gloss is not the subject", "准公幼（接受政府补助的私幼）", "准公幼"},
		{"an office alone stays", "市政府", "市政府"},
		{"a department is not the ministry", "区教育部门负责人", "区教育部门负责人"},
		{"a means clause", "吸收社会资金建设公租房", "建设公租房"},
		{"a means clause, Traditional", "利用閒置資源改建幼兒園", "改建幼兒園"},
		{"among the schools", "民办学校中举办者投入", "举办者投入"},
		{"among the bodies, Traditional", "培訓機構中持證教師", "持證教師"},
		{"中 of a level is not among", "高中毕业生", "高中毕业生"},
		{"a subject, a clause about it, its measure", "高等教育进入大众化阶段、毛入学率", "高等教育毛入学率"},
		{"a subject, a clause, its measure, Traditional", "學前教育邁入普及階段、毛入園率", "學前教育毛入園率"},
		{"a demonstrative after 的", "新投入使用的这批中小学总投入", "新投入使用的中小学总投入"},
		{"a demonstrative after 的, Traditional", "新啟用的這些學校總投資", "新啟用的學校總投資"},
		{"a list of verb phrases stays", "建立作业公示制度、提供课后服务", "建立作业公示制度、提供课后服务"},
		{"aspect 了 inside", "县进行了实地督导检查", "县进行实地督导检查"},
		{"aspect 了 inside, Traditional", "縣進行了實地督導檢查", "縣進行實地督導檢查"},
		{"aspect 已 inside", "项目已完工", "项目完工"},
		{"为了 is a word", "为了保障学位", "为了保障学位"},
		{"了解 is a word", "了解情况的家长", "了解情况的家长"},
		{"subject holding", "示范区共有各类幼儿园", "各类幼儿园"},
		{"subject holding, Traditional", "示範區共有各類幼兒園", "各類幼兒園"},
		{"subject finding", "督查发现省份", "省份"},
		{"subject deciding", "局党委共确定突破项目", "突破项目"},
		{"holding verb with too little after", "发现隐患", "发现隐患"},
		{"aspect adverbs", "正在抓紧推进前期手续办理", "推进前期手续办理"},
		{"period of time", "近3年撤并改造农村中小学", "撤并改造农村中小学"},
		{"period of time in numerals", "三年来新建幼儿园", "新建幼儿园"},
		{"grade is not a period", "3年级学生", "3年级学生"},
		{"subject providing", "建成后可提供学位", "学位"},
		{"subject providing, Traditional", "建成後可提供學位", "學位"},
		{"a verb inside a list stays", "建立作业公示制度、提供课后服务的学校比例", "建立作业公示制度、提供课后服务的学校比例"},
		{"compared with", "对照私幼", "私幼"},
		{"compared with, Traditional", "對照私幼", "私幼"},
		{"a plain noun phrase", "普惠性幼儿园覆盖率", "普惠性幼儿园覆盖率"},
		{"a short label is not cut to nothing", "投入了", "投入了"},
	} {
		if got := r.tidyLabel(c.in); got != c.want {
			t.Errorf("%s: tidyLabel(%q) = %q, want %q", c.shape, c.in, got, c.want)
		}
	}
}

// A label is corrected by the figure's neighbours: a place alone after a
// figure is a per-place breakdown of the figure before; a figure that is
// the object of a preposition is labelled by the verb after it; members
// after a part of the institutions are that part's.
func TestLabelInContext(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct {
		text   string
		places []string
		want   []string // labels, in order
	}{
		{"新增3间非营利幼儿园，2间在文山区、1间在南港区。", []string{"文山区", "南港区"},
			[]string{"非营利幼儿园", "非营利幼儿园", "非营利幼儿园"}},
		{"新增5所公办幼儿园，3所位于文山区，2所位于南港区。", []string{"文山区", "南港区"},
			[]string{"公办幼儿园", "公办幼儿园", "公办幼儿园"}},
		{"通过专用网络平台对8090人进行了问卷调查。", nil, []string{"问卷调查"}},
		{"工作组對1200人進行了走訪。", nil, []string{"走訪"}},
		{"对18个县（市、区）义务教育发展情况进行督导，6个县（市、区）所属公办中职学校。", nil,
			[]string{"县（市、区）", "县（市、区）"}},
		{"申报的18个义务教育发展基本均衡县。", nil, []string{"义务教育发展基本均衡县"}},
		{"预计约七成的半日制学位将会免费，三成的學位已經收費。", nil, []string{"半日制学位", "學位"}},
		{"民办园51所，在园幼儿9621人，其中普惠性民办园34所，在园幼儿6791人。", nil,
			[]string{"民办园", "民办园在园幼儿", "普惠性民办园", "普惠性民办园在园幼儿"}},
	} {
		in := Input{SourceID: "s", ParagraphID: "p1", Text: c.text, Year: 2020}
		for _, m := range c.places {
			i := strings.Index(c.text, m)
			in.Mentions = append(in.Mentions, Mention{Start: i, End: i + len(m), Place: PlaceRef{"710104", m}})
		}
		obs := r.Extract(in)
		if len(obs) != len(c.want) {
			t.Fatalf("%q: %d figures, want %d", c.text, len(obs), len(c.want))
		}
		for i, o := range obs {
			if o.Label != c.want[i] {
				t.Errorf("%q: figure %s label %q, want %q", c.text, o.Value, o.Label, c.want[i])
			}
		}
	}
}

// A one-character noun before a predicate adverb is whole, and a place
// before it is not what is counted; a noun with what it became keeps the
// noun (镇都建成了中心幼儿园 counts towns, not kindergartens).
func TestOneCharacterHead(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct{ text, place, want string }{
		{"对湖南省18个县均达到标准的情况进行了检查。", "湖南省", "县"},
		{"对湖南省18個縣均達到標準的情況進行了檢查。", "湖南省", "縣"},
		{"全区5个镇都建成了中心幼儿园。", "", "镇都建成中心幼儿园"},
	} {
		in := Input{SourceID: "s", ParagraphID: "p1", Text: c.text, Year: 2020}
		if i := strings.Index(c.text, c.place); c.place != "" && i >= 0 {
			in.Mentions = append(in.Mentions, Mention{Start: i, End: i + len(c.place), Place: PlaceRef{"430000", c.place}})
		}
		obs := r.Extract(in)
		if len(obs) != 1 || obs[0].Label != c.want {
			for _, o := range obs {
				t.Logf("got %s label %q", o.Value, o.Label)
			}
			t.Errorf("%q: want one figure labelled %q", c.text, c.want)
		}
	}
}

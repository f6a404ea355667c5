package extract

import (
	"strings"
	"testing"
)

// figureWant is what a test expects of one observation; empty fields are
// not checked.
type figureWant struct {
	value, unit, indicator, kind, cue, qualifier, shape, place, label string
	year, baseYear                                                    int
}

func TestExtractShapes(t *testing.T) {
	r := loadTestRegistry(t)
	city := PlaceRef{"370500", "东营市"}
	tests := []struct {
		name     string
		text     string
		mentions []string // place names of the test table to mark in text
		want     []figureWant
	}{
		{"level X达V", "全市课后服务覆盖率已达97.24%。", nil,
			[]figureWant{{value: "97.24", unit: "%", indicator: "after_school_service_coverage", kind: KindActual, year: 2020}}},
		{"V个X", "全市共组建83个教育集团,均衡配置优质资源。", nil,
			[]figureWant{{value: "83", unit: "个", indicator: "education_groups", kind: KindActual}}},
		{"distributive", "全市学前教育公办率、普惠性幼儿园覆盖率分别达77.54%、93.37%,有关经验做法在全省推广。", nil,
			[]figureWant{
				{value: "77.54", indicator: "public_kindergarten_share", shape: "distributive"},
				{value: "93.37", indicator: "inclusive_kindergarten_coverage", shape: "distributive"}}},
		{"before/after", "职普比由2019年的28%提升至33.33%。", nil,
			[]figureWant{
				{value: "28", indicator: "vocational_general_ratio", year: 2019, kind: KindActual, shape: "before"},
				{value: "33.33", indicator: "vocational_general_ratio", year: 2020, kind: KindActual, shape: "after"}}},
		{"change with base year", "全市2020年度一般公共预算教育支出2138084万元,比2019年增加275709万元,增长14.80%。", nil,
			[]figureWant{
				{value: "2138084万", unit: "元", indicator: "edu_expenditure_general_budget", kind: KindActual, year: 2020},
				{value: "275709万", kind: KindChange, cue: "增加", baseYear: 2019, indicator: "edu_expenditure_general_budget"},
				// a growth rate in % is not filed under an amount in 元 (tie.go)
				{value: "14.80", unit: "%", kind: KindChange, cue: "增长", baseYear: 2019, indicator: ""}}},
		{"comparison with a norm", "普惠性幼儿园覆盖率提高至90%,超国家、省规定目标10个百分点。", nil,
			[]figureWant{
				{value: "90", unit: "%", indicator: "inclusive_kindergarten_coverage"},
				{value: "10", unit: "个百分点", shape: "comparison", indicator: ""}}},
		{"breakdown", "全年补充教师2100余人,其中研究生以上学历教师700余人。", nil,
			[]figureWant{
				{value: "2100", indicator: "teachers_recruited", qualifier: "more than"},
				{value: "700", shape: "breakdown", qualifier: "more than"}}},
		{"target 将", "待新建公办园全部投入使用后,公办园比例将达到57%以上。", nil,
			[]figureWant{{value: "57", kind: KindTarget, cue: "将", qualifier: "at least", indicator: "public_kindergarten_share"}}},
		{"target 到2025年 after the figure", "全市启动建设公办幼儿园360所,到2025年实现全覆盖。", nil,
			[]figureWant{{value: "360", kind: KindTarget, cue: "到2025年", year: 2025}}},
		{"target then 目前已", "未来三年计划新建改扩建392所教育设施,其中2018年建设119所,目前已开工38所。", nil,
			[]figureWant{
				{value: "392", kind: KindTarget, cue: "计划"},
				{value: "119", kind: KindTarget, year: 2018},
				{value: "38", kind: KindActual}}},
		{"future year is a target", "2023年新建第十六完全学校幼儿部,新增540个学位。", nil,
			[]figureWant{{value: "540", kind: KindTarget, year: 2023, indicator: "new_school_places"}}},
		{"county in the sentence wins", "2020年,市本级拨付经费355万元,广饶县拨付3700万元。", []string{"广饶县"},
			[]figureWant{{value: "355万", place: "东营市"}, {value: "3700万", place: "广饶县"}}},
		{"place after the figure", "今年新增3间幼儿园,2间在文山区、1间位于南港区。", []string{"文山区", "南港区"},
			[]figureWant{{value: "3", place: "东营市"}, {value: "2", place: "文山区"}, {value: "1", place: "南港区"}}},
		{"a list of places before a count", "将为乌鲁木齐市、库尔勒市、伊宁市等3个城市增加学位供给。", []string{"乌鲁木齐市", "库尔勒市", "伊宁市"},
			[]figureWant{{value: "3", place: "东营市"}}},
		{"a wider place outside the figure's clause", // 据山东省通报 is the source, not the subject
			"据山东省通报,全省共有幼儿园58所,全市新建幼儿园5所。", []string{"山东省"},
			[]figureWant{{value: "58", place: "东营市"}, {value: "5", place: "东营市"}}},
		{"a wider place in the figure's clause", "新学期开学,山东省又有58所新建学校投入使用。", []string{"山东省"},
			[]figureWant{{value: "58", place: "山东省"}}},
		{"base of a comparison", "全县地方教育经费总收入21.27亿元,比上年18.39亿元增加2.88亿元,增长15.66%。", nil,
			[]figureWant{
				{value: "21.27亿", year: 2020, label: "地方教育经费总收入"},
				{value: "18.39亿", shape: "base", year: 2019, kind: KindActual, label: "地方教育经费总收入"},
				{value: "2.88亿", kind: KindChange, year: 2020, label: "地方教育经费总收入"},
				{value: "15.66", kind: KindChange, label: "地方教育经费总收入"}}},
		{"base of a comparison, Traditional", "幼兒園生均支出17443.63元,比上年17302.62元,增長0.81%。", nil,
			[]figureWant{
				{value: "17443.63", label: "幼兒園生均支出"},
				{value: "17302.62", shape: "base", year: 2019, label: "幼兒園生均支出"},
				{value: "0.81", kind: KindChange, label: "幼兒園生均支出"}}},
		{"labels without place, plan and verb", "全省共有教职工(含其他机构)584087人;全市学前教育毛入园率保持在98%;计划投入资金600万元。", nil,
			[]figureWant{
				{value: "584087", label: "教职工"},
				{value: "98", label: "学前教育毛入园率", indicator: "preschool_gross_enrolment_rate"},
				{value: "600万", label: "投入资金"}}},
		{"a plan over several clauses", "今年将用好中央资金,投入1.82亿元,新建11个公办幼儿园。", nil,
			[]figureWant{{value: "1.82亿", kind: KindTarget}, {value: "11", kind: KindTarget}}},
		{"将 as the object marker is no plan", "利用平台将学校、校车进行管理,全市532辆校车,服务学校202所。", nil,
			[]figureWant{{value: "532", kind: KindActual}, {value: "202", kind: KindActual}}},
		{"Hong Kong estimates and next year", "明年全港共有24261個小一學額;推算連同統一派位,小一學額約有48500多個。", nil,
			[]figureWant{{value: "24261", kind: KindTarget}, {value: "48500", kind: KindTarget}}},
		{"a span's start is not the figure's year", "2014年以来累计新建学校1770所。", nil,
			[]figureWant{{value: "1770", year: 2020, kind: KindActual}}},
		{"numbers as Hong Kong and Taiwan news write them", "成功率逾四成,較去年少一成二;約七至八成的學位將會免費;增3間280名額。", nil,
			[]figureWant{{value: "四", unit: "成", qualifier: "more than"}, {value: "一成二", unit: "成"},
				{value: "七", unit: "成"}, {value: "八", unit: "成", shape: "range"}, {value: "3", unit: "間"}, {value: "280", unit: "名額"}}},
		{"a magnitude without a unit", "总人口5.78万,涉及2000多万师生,逾2.2万获派位。", nil,
			[]figureWant{{value: "5.78万", unit: ""}, {value: "2000", unit: "万", qualifier: "more than"}, {value: "2.2万", unit: ""}}},
		{"a programme's name is no count", "十件民生实事之一,十项措施落实。", nil, nil},
		{"the subject in the clause before", "学前三年毛入园率从2010年以来,提高了39.6个百分点。", nil,
			[]figureWant{{value: "39.6", kind: KindChange, label: "学前三年毛入园率", indicator: "preschool_gross_enrolment_rate"}}},
		{"label shapes: a list in brackets, the previous noun, a verb alone", "深入73个县（市、区）;设有2岁专班2班32个名额、3至5岁班4班96个名额;预计约七至八成的半日制学位将会免费;新启用的学校为孩子们新增了1.3万个学位。", nil,
			[]figureWant{{value: "73", label: "县（市、区）"}, {value: "2", unit: "班", label: "2岁专班"}, {value: "32", label: "名额"},
				{value: "4", unit: "班", label: "3至5岁班"}, {value: "96", label: "名额"},
				{value: "七", label: "半日制学位"}, {value: "八"}, {value: "1.3万", label: "新增学位"}}},
		{"a year written in Chinese, a school year", "政府的幼稚园教育开支将增加至二○一七/一八学年的67亿元。", nil,
			[]figureWant{{value: "67亿", year: 2017, kind: KindTarget}}},
		{"a norm required, a plan in brackets, the present in Hong Kong usage", "要求进一步提高普及水平,公办园在园幼儿占比达到50%以上;实施“双千计划”（投入1000亿元）;每班人数可由现时25人减至23人。", nil,
			[]figureWant{{value: "50", kind: KindTarget}, {value: "1000亿", kind: KindTarget}, {value: "25", kind: KindActual}, {value: "23"}}},
		{"a national figure", "全国共有幼儿园28.2万所,获评全国文明校园的学校4所。", nil,
			[]figureWant{{value: "28.2万", place: "全国"}, {value: "4", place: "东营市"}}},
		{"places and scores counted", "现辖1乡1镇,自评总分102分,分别为5分钟、3分为优。", nil,
			[]figureWant{{value: "1", unit: "乡"}, {value: "1", unit: "镇"}, {value: "102", unit: "分"}}},
		{"range", "班主任津贴提高到每月600元至1000元。", nil,
			[]figureWant{{value: "600", unit: "元", indicator: "class_teacher_allowance"},
				{value: "1000", unit: "元", indicator: "class_teacher_allowance", shape: "range"}}},
		{"range with one unit", "每区减少的学额介乎13至38个不等。", nil,
			[]figureWant{{value: "13", unit: "个", label: "每区减少的学额"}, {value: "38", unit: "个", shape: "range", label: "每区减少的学额"}}},
		{"not figures", "按照《2022年评价方案》(X〔2022〕X号),坚持“三个一”理念,“1+1+6”机制,1.加强领导;8月20日召开,连续5年位居前列,两类学校,第一个“1”,“十四五”期间,普通中小学56人及以上大班额清零。", nil,
			nil},
		{"small Chinese numerals", "提高两个百分点,数十个学校,三项清单,十三五期间,二十三个项目", nil,
			[]figureWant{{value: "两", unit: "个百分点"}, {value: "二十三", unit: "个"}}},
		{"traditional", "全市學前三年毛入園率、普惠性幼兒園覆蓋率分別達96.72%、85.83%,新增學位2.67萬個。", nil,
			[]figureWant{
				{value: "96.72", indicator: "preschool_gross_enrolment_rate"},
				{value: "85.83", indicator: "inclusive_kindergarten_coverage"},
				{value: "2.67萬", unit: "個", indicator: "new_school_places"}}},
	}
	gazetteer := map[string]PlaceRef{"广饶县": {"370523", "广饶县"}, "文山区": {"710104", "文山区"}, "南港区": {"710112", "南港区"},
		"乌鲁木齐市": {"650100", "乌鲁木齐市"}, "库尔勒市": {"652801", "库尔勒市"}, "伊宁市": {"654002", "伊宁市"}, "山东省": {"370000", "山东省"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{SourceID: "s", ParagraphID: "p1", Text: tt.text, Place: city, Year: 2020}
			if tt.name == "target then 目前已" {
				in.Year = 2018
			}
			for _, m := range tt.mentions {
				i := strings.Index(tt.text, m)
				in.Mentions = append(in.Mentions, Mention{Start: i, End: i + len(m), Place: gazetteer[m]})
			}
			got := r.Extract(in)
			if len(got) != len(tt.want) {
				for _, o := range got {
					t.Logf("got %s%s %s %s", o.Value, o.Unit, o.Kind, o.Label)
				}
				t.Fatalf("%d figures, want %d", len(got), len(tt.want))
			}
			for i, w := range tt.want {
				o := got[i]
				check := func(field, got, want string) {
					if want != "" && got != want {
						t.Errorf("figure %d (%s): %s = %q, want %q", i+1, o.Value, field, got, want)
					}
				}
				check("value", o.Value, w.value)
				check("unit", o.Unit, w.unit)
				check("kind", o.Kind, w.kind)
				check("cue", o.Cue, w.cue)
				check("qualifier", o.Qualifier, w.qualifier)
				check("shape", o.Shape, w.shape)
				check("place", o.Place.Name, w.place)
				check("label", o.Label, w.label)
				if w.indicator != "" || w.shape == "comparison" {
					if o.Indicator != w.indicator {
						t.Errorf("figure %d (%s): indicator = %q, want %q", i+1, o.Value, o.Indicator, w.indicator)
					}
				}
				if w.year != 0 && o.Year != w.year {
					t.Errorf("figure %d (%s): year = %d, want %d", i+1, o.Value, o.Year, w.year)
				}
				if w.baseYear != 0 && o.BaseYear != w.baseYear {
					t.Errorf("figure %d (%s): base year = %d, want %d", i+1, o.Value, o.BaseYear, w.baseYear)
				}
			}
		})
	}
}

// TestInvariants checks on the whole corpus that quotes and figures are
// exact substrings of the paragraph at their offsets, ids are unique, and
// every figure has a label.
func TestInvariants(t *testing.T) {
	r := loadTestRegistry(t)
	seen := map[string]bool{}
	for _, cs := range corpus {
		for _, in := range corpusInputs(t, cs) {
			for _, o := range r.Extract(in) {
				checkObservation(t, in, o)
				if seen[o.ID] {
					t.Errorf("duplicate id %s", o.ID)
				}
				seen[o.ID] = true
			}
		}
	}
}

func checkObservation(t *testing.T, in Input, o Observation) {
	t.Helper()
	if o.Start < 0 || o.End > len(in.Text) || o.Start > o.End || in.Text[o.Start:o.End] != o.Quote {
		t.Fatalf("%s: quote %q is not Text[%d:%d]", o.ID, o.Quote, o.Start, o.End)
	}
	if o.FigureStart < o.Start || o.FigureEnd > o.End || o.FigureStart >= o.FigureEnd {
		t.Fatalf("%s: figure [%d,%d) outside quote [%d,%d)", o.ID, o.FigureStart, o.FigureEnd, o.Start, o.End)
	}
	fig := in.Text[o.FigureStart:o.FigureEnd]
	if !strings.Contains(fig, o.Value) || !strings.Contains(fig, o.Unit) {
		t.Fatalf("%s: value %q unit %q not in figure %q", o.ID, o.Value, o.Unit, fig)
	}
	if o.Label == "" || o.Kind == "" || o.CanonicalUnit == "" {
		t.Errorf("%s: empty label, kind or canonical unit: %+v", o.ID, o)
	}
}

// TestScriptIndependence extracts the Traditional reports and their
// Simplified fold and requires the same ids, numbers, kinds, years and
// indicators: the figure anchors are the same in both scripts.
func TestScriptIndependence(t *testing.T) {
	r := loadTestRegistry(t)
	for _, cs := range corpus {
		for _, in := range corpusInputs(t, cs) {
			hans := in
			hans.Text = testFold(in.Text)
			a, b := r.Extract(in), r.Extract(hans)
			if len(a) != len(b) {
				t.Errorf("%s: %d figures in the original, %d in Simplified", in.ParagraphID, len(a), len(b))
				continue
			}
			for i := range a {
				x, y := a[i], b[i]
				if x.ID != y.ID || x.Number != y.Number || x.Kind != y.Kind || x.Year != y.Year ||
					x.Indicator != y.Indicator || x.CanonicalUnit != y.CanonicalUnit || x.Place != y.Place {
					t.Errorf("%s: %+v\n differs from %+v", x.ID, x, y)
				}
			}
		}
	}
}

// FuzzExtract feeds arbitrary paragraphs to Extract: it must not panic and
// every observation must point into the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"职普比由2019年的28%提升至33.33%。", "分别达77.54%、93.37%", "3.2022-2025年,全区将规划实施17个项目:",
		"“1+1+6”", "《十条规定》10个方面", "600元至1000元", "其中,2018年新建96處"} {
		f.Add(s)
	}
	r, err := LoadRegistry("../../data/indicators.yaml")
	if err != nil {
		f.Fatal(err)
	}
	r.SetFold(testFold)
	f.Fuzz(func(t *testing.T, s string) {
		in := Input{SourceID: "s", ParagraphID: "p", Text: s, Year: 2020,
			Mentions: []Mention{{Start: 0, End: len(s) / 2, Place: PlaceRef{"370100", "济南市"}}}}
		for _, o := range r.Extract(in) {
			if o.Start < 0 || o.End > len(s) || o.Start > o.End || s[o.Start:o.End] != o.Quote {
				t.Fatalf("quote %q not at [%d,%d) of %q", o.Quote, o.Start, o.End, s)
			}
		}
	})
}

func TestFindConflicts(t *testing.T) {
	mk := func(id, src string, n float64) Observation {
		return Observation{ID: id, Source: src, Indicator: "teacher_housing_units", Place: PlaceRef{"371500", "聊城市"},
			Year: 2020, Kind: KindActual, Number: n, CanonicalUnit: "套"}
	}
	obs := []Observation{mk("a-1", "a", 1066), mk("b-1", "b", 2766), mk("b-2", "b", 1185), mk("c-1", "c", 1066)}
	got := FindConflicts(obs)
	if len(got) != 1 || len(got[0].Observations) != 4 {
		t.Fatalf("got %+v", got)
	}
	// the same value from two reports, or two values in one report: no conflict
	if got := FindConflicts([]Observation{mk("a-1", "a", 1), mk("c-1", "c", 1)}); got != nil {
		t.Errorf("same value: got %+v", got)
	}
	if got := FindConflicts([]Observation{mk("a-1", "a", 1), mk("a-2", "a", 2)}); got != nil {
		t.Errorf("one report: got %+v", got)
	}
	// an approximate value (约1000套) or a range's end does not contradict an exact one
	approx, high := mk("c-1", "c", 1000), mk("d-2", "d", 1200)
	approx.Qualifier, high.Shape = "about", "range"
	if got := FindConflicts([]Observation{mk("a-1", "a", 1066), approx, high}); got != nil {
		t.Errorf("qualified and range: got %+v", got)
	}
	// another kind or another year is another thing
	target := mk("e-1", "e", 3000)
	target.Kind = KindTarget
	if got := FindConflicts([]Observation{mk("a-1", "a", 1066), target}); got != nil {
		t.Errorf("target against actual: got %+v", got)
	}
}

func TestExtractAllPassage(t *testing.T) {
	r := loadTestRegistry(t)
	ins := []Input{
		{SourceID: "s", ParagraphID: "p1", Text: "上半年回顾", Year: 2018},
		{SourceID: "s", ParagraphID: "p2", Text: "新建幼儿园12所。", Year: 2018},
		{SourceID: "s", ParagraphID: "p3", Text: "在谈及下一步工作目标和举措时,他表示将坚持党建引领。", Year: 2018},
		{SourceID: "s", ParagraphID: "p4", Text: "改扩建幼儿园12所,目前已开工3所。", Year: 2018},
		{SourceID: "s", ParagraphID: "p5", Text: "上半年回顾:新增学位300个。", Year: 2018},
	}
	var kinds []string
	for _, o := range r.ExtractAll(ins) {
		kinds = append(kinds, o.Paragraph+":"+o.Kind)
	}
	want := "p2:actual p4:target p4:actual p5:actual"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("kinds = %s, want %s", got, want)
	}
}

// A figure whose label names nothing countable is flagged, in both scripts;
// a figure with a noun phrase is not.
func TestLabelFlag(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"在领导层面,成立了1个由局长任组长的领导小组。", []string{"no-measure"}},
		{"在領導層面,成立了1個由局長任組長的領導小組。", []string{"no-measure"}},
		{"共13班280个名额。", []string{"no-measure", ""}},
		{"全市共有幼儿园58所。", []string{""}},
	} {
		obs := r.Extract(Input{SourceID: "s", ParagraphID: "p1", Text: c.text, Year: 2020})
		if len(obs) != len(c.want) {
			t.Fatalf("%q: %d figures, want %d", c.text, len(obs), len(c.want))
		}
		for i, o := range obs {
			if o.LabelFlag != c.want[i] {
				t.Errorf("%q: figure %s label %q flag %q, want %q", c.text, o.Value, o.Label, o.LabelFlag, c.want[i])
			}
		}
	}
}

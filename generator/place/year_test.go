package place

import "testing"

func TestReportYear(t *testing.T) {
	for _, tc := range []struct {
		name  string
		info  ReportInfo
		title string
		texts []string
		want  YearRef
	}{
		{"meta", ReportInfo{CoversYear: 2020, Title: "2019年…"}, "", nil, YearRef{Year: 2020, How: "meta"}},
		{"title", ReportInfo{Title: "2020年各市履行教育职责典型工作案例"}, "", nil, YearRef{Year: 2020, How: "title", Text: "2020年"}},
		{"document title when meta has none", ReportInfo{}, "区管委会2021年省评价反馈问题", nil, YearRef{Year: 2021, How: "title", Text: "2021年"}},
		{"relative 去年", ReportInfo{Published: "2021-03-24"}, "聊城市被评为良好等级", []string{"介绍,去年,在市委、市政府的坚强领导下"}, YearRef{Year: 2020, How: "relative", Text: "去年"}},
		{"relative 今年", ReportInfo{Published: "2018"}, "", []string{"今年上半年"}, YearRef{Year: 2018, How: "relative", Text: "今年"}},
		{"base 比去年 skipped", ReportInfo{Published: "2018"}, "", []string{"比去年增长", "今年"}, YearRef{Year: 2018, How: "relative", Text: "今年"}},
		{"nothing", ReportInfo{}, "", []string{"上半年"}, YearRef{}},
	} {
		if got := reportYear(tc.info, tc.title, tc.texts); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestParagraphYear(t *testing.T) {
	meta2020 := YearRef{Year: 2020, How: "meta"}
	meta2022 := YearRef{Year: 2022, How: "meta"}
	for _, tc := range []struct {
		text   string
		report YearRef
		pub    int
		want   YearRef
	}{
		{"2020年,各学段生均公用经费均高于省定标准,全市2020年度一般公共预算教育支出2138084万元,比2019年增加275709万元", meta2020, 2021, YearRef{2020, "explicit", false, "2020年"}},
		{"教育支出68.1亿元,比2019年增长10.4%", meta2020, 2021, meta2020},                                   // base only: the report's year
		{"职普比由2019年的28%提升至33.33%", meta2020, 2021, meta2020},                                     // base
		{"在校生规模到2025年达到", meta2022, 2022, YearRef{2025, "explicit", true, "2025年"}},              // a plan
		{"到2024年秋季学期开学前,全市公办幼儿园实现全覆盖", meta2020, 2021, YearRef{2024, "explicit", true, "2024年"}}, // 潍坊 in 001
		{"2022-2025年,全区将规划实施17个项目,2022年已有4所开工建设", meta2022, 2023, YearRef{2022, "explicit", false, "2022年"}},
		{"《关于印发2022年对市级人民政府履行教育职责评价方案的通知》(X〔2019〕X号)", meta2022, 2023, meta2022}, // titles and numbers
		{"被评为“2021年全市优秀改革实践案例”", meta2020, 2021, meta2020},                       // a quoted name
		{"2022—2023学年全县在校生", YearRef{}, 0, YearRef{2022, "school-year", false, "2022—2023学年"}},
		{"115學年度起實施", YearRef{}, 0, YearRef{2026, "school-year", false, "115學年度"}},
		{"去年,在市委、市政府的坚强领导下", meta2020, 2021, YearRef{2020, "relative", false, "去年"}},
		{"较上年提升3个位次", meta2020, 2021, meta2020},
		{"上半年多次召开会议", meta2022, 2023, meta2022},   // 上半年 alone: the report's year
		{"2018年以来累计投入", meta2020, 2021, meta2020}, // a span's start
	} {
		if got := paragraphYear(tc.text, tc.report, tc.pub); got != tc.want {
			t.Errorf("%q: %+v, want %+v", tc.text, got, tc.want)
		}
	}
}

package publish

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/script"
	"github.com/eduportal/portal/generator/source"
)

// The slots filled as the citation partial fills them on a build at
// commit c3ba5f7e11f4 of 2026-11-21, read on 2026-12-01.
func fill(s segments, page string) string {
	var b strings.Builder
	for _, seg := range s {
		switch seg.V {
		case "":
			b.WriteString(seg.T)
		case "updated":
			b.WriteString("(2026-11-21)")
		case "updated_apa":
			b.WriteString("2026年11月21日")
		case "year":
			b.WriteString("2026")
		case "date":
			b.WriteString("2026-11-21")
		case "accessed":
			b.WriteString("2026-12-01")
		case "url":
			b.WriteString("https://eduportal.netlify.app" + page + seg.A)
		case "abs":
			b.WriteString("https://eduportal.netlify.app/" + seg.A)
		case "commit":
			b.WriteString("c3ba5f7e11f4")
		case "version":
			b.WriteString("VERSION")
		default:
			b.WriteString("<unknown slot " + seg.V + ">")
		}
	}
	return b.String()
}

func testLangs(t *testing.T) (Lang, Lang, map[string]string) {
	t.Helper()
	conv, err := script.Load(filepath.Join("..", "..", "data", "zh"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("..", "..", "data", "ui.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ui := map[string]string{}
	if err := yaml.Unmarshal(raw, &ui); err != nil {
		t.Fatal(err)
	}
	langs := Langs(conv)
	return langs[0], langs[1], ui
}

// elements cuts a citation at its element separators (". ", "//", ", ",
// "[", "]", "(", ")") so that a mismatch names the element that differs.
func elements(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		for _, sep := range []string{". ", "//", ", ", "[", "]", "(", ")"} {
			if strings.HasPrefix(s[i:], sep) {
				out = append(out, s[start:i], sep)
				start = i + len(sep)
				i += len(sep) - 1
				break
			}
		}
	}
	return append(out, s[start:])
}

func compareElements(t *testing.T, name, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := elements(got), elements(want)
	for i := 0; i < max(len(g), len(w)); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			t.Errorf("%s: element %d is %q, want %q\n got: %s\nwant: %s", name, i, a, b, got, want)
			return
		}
	}
}

// The reports the patterns are tried on: a news article whose title the
// editor wrote, an interview by two reporters with its publisher and
// publisher's place, a self-evaluation issued by a body and found on a
// document-sharing site, a compilation with no author or publisher, and a
// report with four authors, a URL and a retrieval date.
func citedReports(hant Lang) map[string]pipeline.Report {
	rep := func(id, title string, m source.Meta) pipeline.Report {
		m.ID = id
		return pipeline.Report{Source: source.Report{ID: id, Meta: m}, Title: pipeline.Twin{Hans: title, Hant: hant.Convert(title)}}
	}
	return map[string]pipeline.Report{
		"news": rep("news-a", "某市在全省评价中被评为良好等级", source.Meta{Kind: "news", TitleSupplied: true,
			Authors: []string{"张超"}, Publisher: "齐鲁晚报", Published: "2021"}),
		"interview": rep("interview-b", "访某县教育局局长", source.Meta{Kind: "interview",
			Authors: []string{"张龙", "张宁"}, Publisher: "驻马店网", PublisherPlace: "驻马店", Published: "2022-03"}),
		"self": rep("self-c", "区管委会自查自评报告", source.Meta{Kind: "self-evaluation",
			Authors: []string{"XX市某区管委会"}, Host: "某文库", Published: "2023-01-12"}),
		"compilation": rep("cases-d", "2020年各市典型工作案例", source.Meta{Kind: "compilation", Published: "2021"}),
		"many": rep("report-e", "教育发展报告", source.Meta{Kind: "report",
			Authors: []string{"甲", "乙", "丙", "丁"}, Publisher: "某市教育局", Published: "2024-06-30",
			URL: "https://example.gov.cn/r.html", Retrieved: "2025-02-01"}),
	}
}

// TestCitationPatterns checks every kind of citation the site gives, in
// both scripts, against citations written by hand from GB/T 7714—2025 and
// APA 7, element by element.
func TestCitationPatterns(t *testing.T) {
	hans, hant, ui := testLangs(t)
	reports := citedReports(hant)
	type tc struct {
		name     string
		lang     Lang
		w        func(cw citeWords) work
		page     string
		gbt, apa string
	}
	report := func(l Lang, k string) work { return l.reportWork(reports[k]) }
	cases := []tc{
		// The original reports, as their meta.yaml describes them.
		{"original news, supplied title", hans, func(citeWords) work { return report(hans, "news") }, "",
			"张超. [某市在全省评价中被评为良好等级][N/OL]. 齐鲁晚报, 2021.",
			"张超. (2021). [某市在全省评价中被评为良好等级]. 齐鲁晚报."},
		{"original interview, two authors and a place", hans, func(citeWords) work { return report(hans, "interview") }, "",
			"张龙, 张宁. 访某县教育局局长[EB/OL]. 驻马店: 驻马店网, 2022-03.",
			"张龙, & 张宁. (2022年3月). 访某县教育局局长. 驻马店网."},
		{"original self-evaluation by a body, host not cited", hans, func(citeWords) work { return report(hans, "self") }, "",
			"XX市某区管委会. 区管委会自查自评报告[R/OL]. 2023-01-12.",
			"XX市某区管委会. (2023年1月12日). 区管委会自查自评报告."},
		{"original compilation, no author or publisher", hans, func(citeWords) work { return report(hans, "compilation") }, "",
			"佚名. 2020年各市典型工作案例[G/OL]. 2021.",
			"2020年各市典型工作案例. (2021)."},
		{"original with four authors, URL and retrieval date", hans, func(citeWords) work { return report(hans, "many") }, "",
			"甲, 乙, 丙, 等. 教育发展报告[R/OL]. 某市教育局, 2024-06-30[2025-02-01]. https://example.gov.cn/r.html.",
			"甲, 乙, 丙, & 丁. (2024年6月30日). 教育发展报告. 某市教育局. https://example.gov.cn/r.html"},
		{"original in Traditional", hant, func(citeWords) work { return report(hant, "news") }, "",
			"張超. [某市在全省評價中被評為良好等級][N/OL]. 齊魯晚報, 2021.",
			"張超. (2021). [某市在全省評價中被評為良好等級]. 齊魯晚報."},
		// The portal's copy of a report: a contribution hosted by the portal.
		{"copy of a news report", hans, func(citeWords) work { return copyWork(report(hans, "news")) }, "/zh-hans/sources/news-a/",
			"张超. [某市在全省评价中被评为良好等级][N/OL]//教育履职公开. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hans/sources/news-a/. VERSION.",
			"张超. (2026年11月21日). [某市在全省评价中被评为良好等级] (VERSION). 教育履职公开. 检索于 2026-12-01, 取自 https://eduportal.netlify.app/zh-hans/sources/news-a/ (原作发表于 2021)"},
		{"copy of an anonymous compilation", hans, func(citeWords) work { return copyWork(report(hans, "compilation")) }, "/zh-hans/sources/cases-d/",
			"佚名. 2020年各市典型工作案例[G/OL]//教育履职公开. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hans/sources/cases-d/. VERSION.",
			"2020年各市典型工作案例 (VERSION). (2026年11月21日). 教育履职公开. 检索于 2026-12-01, 取自 https://eduportal.netlify.app/zh-hans/sources/cases-d/ (原作发表于 2021)"},
		{"copy in Traditional", hant, func(citeWords) work { return copyWork(report(hant, "interview")) }, "/zh-hant/sources/interview-b/",
			"張龍, 張寧. 訪某縣教育局局長[EB/OL]//教育履職公開. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hant/sources/interview-b/. VERSION.",
			"張龍, & 張寧. (2026年11月21日). 訪某縣教育局局長 (VERSION). 教育履職公開. 檢索於 2026-12-01, 取自 https://eduportal.netlify.app/zh-hant/sources/interview-b/ (原作發表於 2022)"},
		// A single figure in the copy.
		{"figure", hans, func(citeWords) work {
			return figureWork(copyWork(report(hans, "news")), "聊城市 2020 普惠性幼儿园覆盖率 93.37%", "f-p2-1")
		}, "/zh-hans/sources/news-a/",
			"张超. [某市在全省评价中被评为良好等级]: 聊城市 2020 普惠性幼儿园覆盖率 93.37%[N/OL]//教育履职公开. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hans/sources/news-a/#f-p2-1. VERSION.",
			"张超. (2026年11月21日). [某市在全省评价中被评为良好等级] [聊城市 2020 普惠性幼儿园覆盖率 93.37%] (VERSION). 教育履职公开. 检索于 2026-12-01, 取自 https://eduportal.netlify.app/zh-hans/sources/news-a/#f-p2-1 (原作发表于 2021)"},
		// Pages the portal compiled: the portal is the author, never 原载.
		{"place page", hans, func(cw citeWords) work { return cw.pageWork("聊城市", "eduportal-371500", false) }, "/zh-hans/places/shandong/liaocheng/",
			"教育履职公开. 聊城市[EB/OL]. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hans/places/shandong/liaocheng/. VERSION.",
			"教育履职公开. (2026年11月21日). 聊城市 (VERSION). 检索于 2026-12-01, 取自 https://eduportal.netlify.app/zh-hans/places/shandong/liaocheng/"},
		{"place-year page", hans, func(cw citeWords) work { return cw.pageWork("聊城市 2020年", "eduportal-371500-2020", false) }, "/zh-hans/places/shandong/liaocheng/2020/",
			"教育履职公开. 聊城市 2020年[EB/OL]. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hans/places/shandong/liaocheng/2020/. VERSION.",
			"教育履职公开. (2026年11月21日). 聊城市 2020年 (VERSION). 检索于 2026-12-01, 取自 https://eduportal.netlify.app/zh-hans/places/shandong/liaocheng/2020/"},
		{"place-year page in Traditional", hant, func(cw citeWords) work { return cw.pageWork("聊城市 2020年", "eduportal-371500-2020", false) }, "/zh-hant/places/shandong/liaocheng/2020/",
			"教育履職公開. 聊城市 2020年[EB/OL]. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hant/places/shandong/liaocheng/2020/. VERSION.",
			"教育履職公開. (2026年11月21日). 聊城市 2020年 (VERSION). 檢索於 2026-12-01, 取自 https://eduportal.netlify.app/zh-hant/places/shandong/liaocheng/2020/"},
		{"indicator page", hans, func(cw citeWords) work { return cw.pageWork("普惠性幼儿园覆盖率", "eduportal-x", true) }, "/zh-hans/indicators/preschool-inclusive-coverage/",
			"教育履职公开. 普惠性幼儿园覆盖率[DS/OL]. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hans/indicators/preschool-inclusive-coverage/. VERSION.",
			"教育履职公开. (2026年11月21日). 普惠性幼儿园覆盖率 (VERSION) [数据集]. 检索于 2026-12-01, 取自 https://eduportal.netlify.app/zh-hans/indicators/preschool-inclusive-coverage/"},
		{"data page", hant, func(cw citeWords) work { return cw.pageWork("資料下載", "eduportal-data", true) }, "/zh-hant/data/",
			"教育履職公開. 資料下載[DS/OL]. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hant/data/. VERSION.",
			"教育履職公開. (2026年11月21日). 資料下載 (VERSION) [資料集]. 檢索於 2026-12-01, 取自 https://eduportal.netlify.app/zh-hant/data/"},
		{"figure in Traditional", hant, func(citeWords) work {
			return figureWork(copyWork(report(hant, "news")), "聊城市 2020 普惠性幼兒園覆蓋率 93.37%", "f-p2-1")
		}, "/zh-hant/sources/news-a/",
			"張超. [某市在全省評價中被評為良好等級]: 聊城市 2020 普惠性幼兒園覆蓋率 93.37%[N/OL]//教育履職公開. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hant/sources/news-a/#f-p2-1. VERSION.",
			"張超. (2026年11月21日). [某市在全省評價中被評為良好等級] [聊城市 2020 普惠性幼兒園覆蓋率 93.37%] (VERSION). 教育履職公開. 檢索於 2026-12-01, 取自 https://eduportal.netlify.app/zh-hant/sources/news-a/#f-p2-1 (原作發表於 2021)"},
		{"place page in Traditional", hant, func(cw citeWords) work { return cw.pageWork("聊城市", "eduportal-371500", false) }, "/zh-hant/places/shandong/liaocheng/",
			"教育履職公開. 聊城市[EB/OL]. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hant/places/shandong/liaocheng/. VERSION.",
			"教育履職公開. (2026年11月21日). 聊城市 (VERSION). 檢索於 2026-12-01, 取自 https://eduportal.netlify.app/zh-hant/places/shandong/liaocheng/"},
		{"indicator page in Traditional", hant, func(cw citeWords) work { return cw.pageWork("普惠性幼兒園覆蓋率", "eduportal-x", true) }, "/zh-hant/indicators/preschool-inclusive-coverage/",
			"教育履職公開. 普惠性幼兒園覆蓋率[DS/OL]. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hant/indicators/preschool-inclusive-coverage/. VERSION.",
			"教育履職公開. (2026年11月21日). 普惠性幼兒園覆蓋率 (VERSION) [資料集]. 檢索於 2026-12-01, 取自 https://eduportal.netlify.app/zh-hant/indicators/preschool-inclusive-coverage/"},
		{"data page in Simplified", hans, func(cw citeWords) work { return cw.pageWork("数据下载", "eduportal-data", true) }, "/zh-hans/data/",
			"教育履职公开. 数据下载[DS/OL]. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/zh-hans/data/. VERSION.",
			"教育履职公开. (2026年11月21日). 数据下载 (VERSION) [数据集]. 检索于 2026-12-01, 取自 https://eduportal.netlify.app/zh-hans/data/"},
		{"download in Traditional", hant, func(cw citeWords) work { return cw.downloadWork("全部數字", "data/observations.csv") }, "/zh-hant/data/",
			"教育履職公開. 全部數字[DS/OL]. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/data/observations.csv. VERSION.",
			"教育履職公開. (2026年11月21日). 全部數字 (VERSION) [資料集]. 檢索於 2026-12-01, 取自 https://eduportal.netlify.app/data/observations.csv"},
		// A download, at its own address.
		{"download", hans, func(cw citeWords) work { return cw.downloadWork("全部数字", "data/observations.csv") }, "/zh-hans/data/",
			"教育履职公开. 全部数字[DS/OL]. (2026-11-21)[2026-12-01]. https://eduportal.netlify.app/data/observations.csv. VERSION.",
			"教育履职公开. (2026年11月21日). 全部数字 (VERSION) [数据集]. 检索于 2026-12-01, 取自 https://eduportal.netlify.app/data/observations.csv"},
	}
	for _, c := range cases {
		cw := c.lang.citeWords(ui)
		got := cw.cite(c.w(cw), true)
		compareElements(t, c.name+" (GB/T)", fill(got.GBT, c.page), c.gbt)
		compareElements(t, c.name+" (APA)", fill(got.APA, c.page), c.apa)
	}
}

// TestCitationVersionSlots: every portal citation names the site version
// in both styles, and the version of a figure or a download points at
// that figure or file, not at the page.
func TestCitationVersionSlots(t *testing.T) {
	hans, hant, ui := testLangs(t)
	cw := hans.citeWords(ui)
	reports := citedReports(hant)
	copied := copyWork(hans.reportWork(reports["news"]))
	for _, c := range []struct {
		name string
		w    work
		arg  string
	}{
		{"copy", copied, ""},
		{"figure", figureWork(copied, "x", "f-p2-1"), "#f-p2-1"},
		{"download", cw.downloadWork("全部数字", "data/observations.csv"), "/data/observations.csv"},
	} {
		got := cw.cite(c.w, false)
		for style, segs := range map[string]segments{"GB/T": got.GBT, "APA": got.APA} {
			var args []string
			for _, s := range segs {
				if s.V == "version" {
					args = append(args, s.A)
				}
			}
			if len(args) != 1 || args[0] != c.arg {
				t.Errorf("%s %s: version slots %q, want one with %q", c.name, style, args, c.arg)
			}
		}
	}
	// An original report is not the portal's: no slot at all.
	for _, s := range cw.cite(hans.reportWork(reports["many"]), false).GBT {
		if s.V != "" {
			t.Errorf("the original's citation has a slot %q", s.V)
		}
	}
}

// TestMachineCitations: the CSL-JSON is JSON with the work's elements, and
// BibTeX and RIS carry each element on its own field, with BibTeX's
// special characters escaped.
func TestMachineCitations(t *testing.T) {
	hans, hant, ui := testLangs(t)
	cw := hans.citeWords(ui)
	r := citedReports(hant)["many"]
	r.Title.Hans = `教育 {发展} 100% & "报告"`
	w := copyWork(hans.reportWork(r))
	c := cw.cite(w, true)

	var items []map[string]any
	if err := json.Unmarshal([]byte(fill(c.CSL, "/zh-hans/sources/report-e/")), &items); err != nil {
		t.Fatalf("CSL-JSON does not parse: %v\n%s", err, fill(c.CSL, "/p/"))
	}
	if len(items) != 1 {
		t.Fatalf("CSL-JSON holds %d items, want 1", len(items))
	}
	it := items[0]
	for k, want := range map[string]any{
		"id": "report-e", "type": "webpage", "title": r.Title.Hans, "container-title": "教育履职公开",
		"publisher": "教育履职公开", "URL": "https://eduportal.netlify.app/zh-hans/sources/report-e/",
		"version": "c3ba5f7e11f4", "language": "zh-Hans",
	} {
		if it[k] != want {
			t.Errorf("CSL %s = %v, want %v", k, it[k], want)
		}
	}
	if a, _ := it["author"].([]any); len(a) != 4 {
		t.Errorf("CSL authors %v, want 4", it["author"])
	}
	if d, _ := it["original-date"].(map[string]any); d["raw"] != "2024-06-30" {
		t.Errorf("CSL original-date %v", it["original-date"])
	}

	bib := fill(c.BibTeX, "/zh-hans/sources/report-e/")
	for _, want := range []string{
		"@misc{report-e,\n", "  author = {{甲} and {乙} and {丙} and {丁}},\n",
		`  title = {教育 \{发展\} 100\% \& "报告"},` + "\n", "  year = {2026},\n",
		"  url = {https://eduportal.netlify.app/zh-hans/sources/report-e/},\n", "  urldate = {2026-12-01},\n",
		"  version = {c3ba5f7e11f4},\n", "  language = {zh-Hans}\n}",
	} {
		if !strings.Contains(bib, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, bib)
		}
	}
	ris := fill(c.RIS, "/zh-hans/sources/report-e/")
	lines := strings.Split(ris, "\n")
	if lines[0] != "TY  - ELEC" || lines[len(lines)-1] != "ER  - " {
		t.Errorf("RIS does not open with TY and close with ER:\n%s", ris)
	}
	for _, want := range []string{"AU  - 甲", "AU  - 丁", "TI  - " + r.Title.Hans, "T2  - 教育履职公开", "PY  - 2026",
		"Y2  - 2026-12-01", "UR  - https://eduportal.netlify.app/zh-hans/sources/report-e/", "ET  - c3ba5f7e11f4", "LA  - zh-Hans"} {
		if !strings.Contains(ris, "\n"+want+"\n") {
			t.Errorf("RIS lacks the line %q:\n%s", want, ris)
		}
	}
	// A data set is a data set in every machine format.
	d := cw.cite(cw.pageWork("普惠性幼儿园覆盖率", "eduportal-x", true), true)
	if !strings.HasPrefix(fill(d.BibTeX, "/"), "@dataset{") || !strings.HasPrefix(fill(d.RIS, "/"), "TY  - DATA\n") ||
		!strings.Contains(fill(d.CSL, "/"), `"type": "dataset"`) {
		t.Errorf("an indicator is not a data set in BibTeX, RIS or CSL:\n%s\n%s\n%s", fill(d.BibTeX, "/"), fill(d.RIS, "/"), fill(d.CSL, "/"))
	}
}

package place

import (
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/clean"
)

// doc builds a clean.Document from "section|text" lines; a line starting
// with "#" ("##") is a level-1 (level-2) heading and its own section.
func doc(lines ...string) clean.Document {
	var d clean.Document
	for i, l := range lines {
		p := clean.Paragraph{ID: "p" + string(rune('1'+i)), Line: i + 1}
		if h, ok := strings.CutPrefix(l, "##"); ok {
			p.Heading, p.Level, p.Text, p.Section = true, 2, h, h
		} else if h, ok := strings.CutPrefix(l, "#"); ok {
			p.Heading, p.Level, p.Text, p.Section = true, 1, h, h
		} else if sec, text, ok := strings.Cut(l, "|"); ok {
			p.Section, p.Text = sec, text
		} else {
			p.Text = l
		}
		d.Paragraphs = append(d.Paragraphs, p)
	}
	if len(d.Paragraphs) > 0 {
		d.Title = d.Paragraphs[0].Text
	}
	return d
}

func mentionOf(t *testing.T, l Located, pid, name string) Mention {
	t.Helper()
	for _, p := range l.Paragraphs {
		if p.ID != pid {
			continue
		}
		for _, m := range p.Mentions {
			if m.Name == name {
				return m
			}
		}
	}
	t.Fatalf("%s: no mention %s in %+v", pid, name, l.Paragraphs)
	return Mention{}
}

var shandong2020 = ReportInfo{Places: []string{"山东省"}, CoversYear: 2020, Published: "2021", Title: "2020年各市履行教育职责典型工作案例"}

func TestLocateContext(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct {
		name      string
		doc       clean.Document
		info      ReportInfo
		pid       string
		mention   string
		code      string
		settled   string
		place     string // paragraph place
		warnMatch string // a warning containing this, "" for no warning
	}{
		{"市中区 in 枣庄's section", doc("2020年各市履行教育职责典型工作案例", "四、枣庄市|市中区拨付3700万元"), shandong2020, "p2", "市中区", "370402", "section", "370400", ""},
		{"市中区 in 济南's section", doc("标题", "一、济南市|市中区拨付"), shandong2020, "p2", "市中区", "370103", "section", "370100", ""},
		{"section from heading paragraphs", doc("标题", "#四、枣庄市", "1.通过政府购买服务|市中区特殊教育学校"), shandong2020, "p3", "市中区", "370402", "section", "370400", ""},
		{"a sub-heading resolved in its section", doc("标题", "#四、枣庄市", "##2.市中区特殊教育学校全面开展", "各项体育活动"), shandong2020, "p3", "市中区", "370402", "section", "370402", ""},
		{"a sibling section resets the place", doc("标题", "#一、济南市", "##3.商河县全力做好", "#四、枣庄市", "##2.市中区特殊教育学校"), shandong2020, "p5", "市中区", "370402", "section", "370402", ""},
		{"市中区 from the report's place", doc("标题", "市中区拨付"), ReportInfo{Places: []string{"山东省", "枣庄市"}, CoversYear: 2020}, "p2", "市中区", "370402", "report", "370400", ""},
		{"市中区 with only 山东省: ambiguous", doc("标题", "市中区拨付"), shandong2020, "p2", "市中区", "", "", "370000", "市中区 is ambiguous within 山东省"},
		{"市中区 with no context: ambiguous", doc("标题", "市中区拨付"), ReportInfo{CoversYear: 2020}, "p2", "市中区", "", "", "", "nothing in context settles it"},
		{"商河县 under 济南市", doc("标题", "一、济南市|商河县全力做好"), shandong2020, "p2", "商河县", "370126", "", "370100", ""},
		{"高唐县 under 聊城市", doc("标题", "高唐縣被評為省級遊戲實驗區"), ReportInfo{Places: []string{"山东省", "聊城市"}, CoversYear: 2020}, "p2", "高唐縣", "371526", "", "371500", ""},
		{"全市 is the section's city", doc("标题", "五、东营市|全市学前教育公办率"), shandong2020, "p2", "全市", "370500", "", "370500", ""},
		{"全市 of a county report is its city", doc("标题", "进入全市教育第一方阵"), ReportInfo{Places: []string{"河南省", "驻马店市", "平舆县"}, CoversYear: 2022}, "p2", "全市", "411700", "", "411723", ""},
		{"全县 of a county report", doc("标题", "为全县高质量发展"), ReportInfo{Places: []string{"河南省", "驻马店市", "平舆县"}, CoversYear: 2022}, "p2", "全县", "411723", "", "411723", ""},
		{"全市 with no city: warning", doc("标题", "全市共组建83个教育集团"), shandong2020, "p2", "全市", "", "", "370000", "全市: no place ending in 市"},
		{"former name before the change", doc("标题", "茌平县新建学校"), ReportInfo{Places: []string{"山东省", "聊城市"}, CoversYear: 2018}, "p2", "茌平县", "371503", "", "371500", ""},
		{"former name after the change", doc("标题", "茌平县新建学校"), ReportInfo{Places: []string{"山东省", "聊城市"}, CoversYear: 2020}, "p2", "茌平县", "371503", "", "371500", "茌平县 is a former name (replaced in 2019)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := Locate(tc.doc, tc.info, g)
			m := mentionOf(t, l, tc.pid, tc.mention)
			if m.Code != tc.code || m.Settled != tc.settled {
				t.Errorf("mention %+v: want code %q settled %q", m, tc.code, tc.settled)
			}
			if tc.code == "" && len(m.Ambiguous) == 0 && m.How != "deictic" {
				t.Errorf("unsettled mention without candidates: %+v", m)
			}
			var p Paragraph
			for _, q := range l.Paragraphs {
				if q.ID == tc.pid {
					p = q
				}
			}
			if p.Place.Code != tc.place {
				t.Errorf("paragraph place %+v, want %s", p.Place, tc.place)
			}
			found := false
			for _, w := range l.Warnings {
				found = found || tc.warnMatch != "" && strings.Contains(w, tc.warnMatch)
			}
			if tc.warnMatch != "" && !found || tc.warnMatch == "" && len(l.Warnings) > 0 {
				t.Errorf("warnings %q, want one with %q", l.Warnings, tc.warnMatch)
			}
		})
	}
}

func TestLocateAnonymised(t *testing.T) {
	g := loadTest(t)
	d := doc("区管委会2021年省评价反馈问题的整改情况", "按照《XX省人民政府教育督导委员会办公室关于印发2022年对市级人民政府履行教育职责评价方案的通知》", "我区制定学前教育改革发展实施办法", "全区将规划实施17个普惠性幼儿园建设项目")
	l := Locate(d, ReportInfo{Places: []string{"XX省", "XX市", "城乡一体化示范区"}, CoversYear: 2022, Published: "2023-01-12"}, g)
	want := []Ref{
		{Code: "x-xx-sheng", Name: "XX省", Level: LevelProvince, Path: "anonymised/xx-sheng", Anonymised: true},
		{Code: "x-xx-shi", Name: "XX市", Level: LevelPrefecture, Path: "anonymised/xx-shi", Anonymised: true},
		{Code: "x-xx-shi-chengxiangyitihuashifanqu", Name: "XX市城乡一体化示范区", Level: LevelZone, Path: "anonymised/xx-shi-chengxiangyitihuashifanqu", Anonymised: true},
	}
	if len(l.Places) != len(want) {
		t.Fatalf("places %+v", l.Places)
	}
	for i, w := range want {
		got := l.Places[i]
		got.NameHant = ""
		if got != w {
			t.Errorf("place %d = %+v, want %+v", i, got, w)
		}
	}
	if m := mentionOf(t, l, "p3", "我区"); m.Code != want[2].Code {
		t.Errorf("我区 = %+v", m)
	}
	if m := mentionOf(t, l, "p4", "全区"); m.Code != want[2].Code {
		t.Errorf("全区 = %+v", m)
	}
	for _, p := range l.Paragraphs {
		if p.Place.Code != want[2].Code {
			t.Errorf("%s place %s", p.ID, p.Place.Code)
		}
		for _, m := range p.Mentions {
			if m.Code != "" && !strings.HasPrefix(m.Code, "x-") {
				t.Errorf("%s: %s merged with a real place %s", p.ID, m.Name, m.Code)
			}
		}
	}
	// An unlisted place is kept, marked, and warned about.
	l = Locate(doc("t"), ReportInfo{Places: []string{"山东省", "泉城市"}, CoversYear: 2020}, g)
	if len(l.Places) != 2 || !l.Places[1].Unlisted || l.Places[1].Path != "unlisted/quanchengshi" || len(l.Warnings) != 1 {
		t.Errorf("unlisted: %+v %q", l.Places, l.Warnings)
	}
}

func TestDeicticWords(t *testing.T) {
	g := loadTest(t)
	info := ReportInfo{Places: []string{"山东省", "济南市"}, CoversYear: 2020}
	for _, tc := range []struct {
		text string
		want int // deictic mentions found
	}{
		{"全市共组建83个教育集团", 1},
		{"我市、本市和全省", 3},
		{"健全县域内义务教育教师轮岗交流机制", 0},
		{"安全区建设", 0},
		{"全市场化运作", 0},
	} {
		l := Locate(doc("t", tc.text), info, g)
		n := 0
		for _, m := range l.Paragraphs[1].Mentions {
			if m.How == "deictic" {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%q: %d deictic mentions %+v, want %d", tc.text, n, l.Paragraphs[1].Mentions, tc.want)
		}
	}
}

// Places written side by side in meta.yaml are each resolved under the place
// that holds them, and the report is about that place, not the last one
// written (lists from news of Hong Kong, Taiwan, Hebei and a national
// inspection).
func TestReportPlaceOfLists(t *testing.T) {
	g := loadTest(t)
	for _, c := range []struct {
		names  []string
		codes  []string // "" for a place kept as unlisted
		report string
	}{
		{[]string{"香港", "南區", "九龍城", "大埔"}, []string{"810000", "810004", "810007", "810015"}, "810000"},
		{[]string{"台北市", "文山區", "南港區"}, []string{"710100", "710104", "710112"}, "710100"},
		{[]string{"河北省", "保定市", "徐水区", "满城区"}, []string{"130000", "130600", "130609", "130607"}, "130600"},
		{[]string{"全国", "天津", "吉林"}, []string{NationalCode, "120000", "220000"}, NationalCode},
		{[]string{"全國"}, []string{NationalCode}, NationalCode},
		{[]string{"山东省", "济南市"}, []string{"370000", "370100"}, "370100"},
		{[]string{"绍兴市", "柯桥区"}, []string{"330600", "330603"}, "330603"},
		// a region the gazetteer lacks, beside its province: the province's report
		{[]string{"江苏省", "苏南地区"}, []string{"320000", ""}, "320000"},
		{[]string{"广东省", "珠三角地区"}, []string{"440000", ""}, "440000"},
		{[]string{"广东省", "粤东片区"}, []string{"440000", ""}, "440000"},
	} {
		var warn []string
		refs := g.reportPlaces(c.names, &warn)
		for i, r := range refs {
			if want := c.codes[i]; want != "" && r.Code != want {
				t.Errorf("%v: %s resolved to %s, want %s", c.names, c.names[i], r.Code, want)
			}
		}
		if got := g.reportPlace(refs).Code; got != c.report {
			t.Errorf("%v: report place %s, want %s", c.names, got, c.report)
		}
	}
}

// A report that speaks of itself as 全区/我区, the wider place of its list,
// and never as its narrowest, is about the wider place; one self-reference
// to the narrowest keeps it.
func TestLocateSelfReference(t *testing.T) {
	g := loadTest(t)
	info := ReportInfo{Places: []string{"广西", "南宁市"}, CoversYear: 2019}
	for _, c := range []struct {
		paras []string
		want  string
	}{
		{[]string{"全区今年新建学校208所", "我区先后实施双千计划", "南宁市今年投入使用的学校达40所"}, "450000"},
		{[]string{"全区今年新建学校208所", "我区先后实施双千计划", "全市今年投入使用的学校达40所"}, "450100"},
		{[]string{"全区今年新建学校208所", "南宁市今年投入使用的学校达40所"}, "450100"}, // one is not enough
	} {
		l := Locate(doc(append([]string{"标题"}, c.paras...)...), info, g)
		if got := l.Paragraphs[1].Place.Code; got != c.want {
			t.Errorf("%v: paragraph place %s, want %s", c.paras, got, c.want)
		}
	}
}

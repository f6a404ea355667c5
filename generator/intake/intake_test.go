package intake

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/place"
	"github.com/eduportal/portal/generator/script"
	"github.com/eduportal/portal/generator/source"
)

var (
	loadOnce sync.Once
	conv     *script.Converter
	gaz      *place.Gazetteer
	loadErr  error
)

// draftOf infers the draft of a synthetic report text.
func draftOf(t *testing.T, text string, page source.PageInfo) Draft {
	t.Helper()
	return draftOfFormat(t, "text", text, page)
}

func draftOfFormat(t *testing.T, format, text string, page source.PageInfo) Draft {
	t.Helper()
	loadOnce.Do(func() {
		conv, loadErr = script.Load("../../data/zh")
		if loadErr == nil {
			gaz, loadErr = place.Load("../../data/places", conv.ToHant)
		}
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	src := source.Report{Text: text, Encoding: "utf-8", Format: format, Page: page}
	doc := clean.Clean(text, clean.Options{})
	return Infer(Input{ID: "t", Source: src, Doc: doc, Script: "hans", ToHans: conv.ToHans, Gazetteer: gaz})
}

const body = "记者从县教育局获悉，今年全县新建幼儿园5所，新增学位1200个，普惠性幼儿园覆盖率达到90%。\n"

func TestPublished(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"stamp with a clock time", "某县新建幼儿园5所\n青岛新闻网 2019-09-05 10:03\n" + body, "2019-09-05"},
		{"after 时间：", "某县新建幼儿园5所\n时间：2019-02-21 16:39\n" + body, "2019-02-21"},
		{"发布时间 in words", "某县新建幼儿园5所\n发布时间：2019年9月5日\n" + body, "2019-09-05"},
		{"Traditional 來源 … 日期", "某縣新建幼兒園5所\n作者: 張三    來源: 新華網    日期: 2023-02-16\n" + body, "2023-02-16"},
		{"民國 year", "某縣新建幼兒園5所\n發布日期：民國108年9月5日\n" + body, "2019-09-05"},
		{"an ROC date after its cue", "北市新增非營利幼兒園3間\n發布日期：115-03-02\n" + body, "2026-03-02"},
		{"an ROC date in words", "北市新增非營利幼兒園3間\n更新日期：114年11月17日\n" + body, "2025-11-17"},
		{"alone on a short line", "某县新建幼儿园5所\n2021.12.08\n" + body, "2021-12-08"},
		{"a date inside the body is not the publication", "某县新建幼儿园5所\n" + "2018年12月24日至29日，督查组对全县18所学校进行了实地督查，共发现问题12个，已全部整改到位。\n", ""},
		{"the date under an official document's signature", "关于2021年教育经费执行情况的公告\n" + body + body + "某县教育局\n2022年3月1日\n", "2022-03-01"},
		{"the date under a signature, in Chinese numerals", "关于2021年教育经费执行情况的公告\n" + body + body + "某县教育局\n二〇二二年三月十一日\n", "2022-03-11"},
		{"a stamp's date in Chinese numerals", "某县新建幼儿园5所\n发布时间：二〇一九年十二月二十一日\n" + body, "2019-12-21"},
		{"a month without a year is no date", "某县新建幼儿园5所\n6月28日电\n" + body, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := draftOf(t, c.text, source.PageInfo{})
			if d.Published.Value != c.want || (c.want == "") != (d.Published.Unknown != "") {
				t.Errorf("published %q (evidence %q, unknown %q), want %q", d.Published.Value, d.Published.Evidence, d.Published.Unknown, c.want)
			}
		})
	}
	// A day printed without its year is pointed out, not completed.
	for _, text := range []string{"某县新建幼儿园5所\n6月28日电\n" + body, "教育局于9月30日公布申请参加计划的幼稚园名单，约740所幼稚园申请参加计划，约占合资格幼稚园的96%。\n"} {
		d := draftOf(t, text, source.PageInfo{})
		if d.Published.Unknown == "" || !strings.Contains(d.Published.Unknown, "day without its year") {
			t.Errorf("a day without its year is not pointed out: %+v", d.Published)
		}
	}
	// A web page's declared date comes first; a PDF's creation date is
	// when the file was made, and is only mentioned.
	d := draftOfFormat(t, "html", "某县新建幼儿园5所\n"+body, source.PageInfo{Published: "2020-01-02T08:00:00+08:00"})
	if d.Published.Value != "2020-01-02" {
		t.Errorf("declared date: %q", d.Published.Value)
	}
	d = draftOfFormat(t, "pdf", "某县新建幼儿园5所\n"+body, source.PageInfo{Published: "2026-12-01"})
	if d.Published.Unknown == "" || !strings.Contains(d.Published.Unknown, "2026-12-01") {
		t.Errorf("a PDF's creation date taken as its publication: %+v", d.Published)
	}
}

func TestTitle(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"headline after chrome, before its stamp", "首页 资讯 社会 经济 快讯 文化\n当前位置：首页 > 新闻 > 正文\n平舆县新建幼儿园5所\n时间：2022-03-05\n" + body, "平舆县新建幼儿园5所"},
		{"headline printed twice, once in each script", "山东省教育局长座谈会召开\n山東省教育局長座談會召開\n" + body, "山东省教育局长座谈会召开"},
		{"a masthead is no headline", "主管单位:农业农村部\n主办单位:中国乡镇企业协会\n期刊级别:国家级\n语 言:中文\n" + body, ""},
		{"a copy that opens with its body", body + body, ""},
		{"a page's head copied on one line with its body", "返回 本地 2019-05-06 08:00:00 小一学额公布 申请人数逾五万 分享: 全港官立小学的自行分配学位结果昨日公布，申请人数逾5万人，较去年少一成，全港约有2万人获派位。\n", "小一学额公布 申请人数逾五万"},
		{"the same in another site's words and script", "首頁 新聞 2020年3月4日 10:20 全市新建幼兒園12所 分享到： 記者從市教育局獲悉，全市今年新建幼兒園12所，新增學位3600個，普惠率達到90%。\n", "全市新建幼兒園12所"},
		{"a sentence between a stamp and the share bar is no headline", "2020-03-04 10:20 记者获悉，全市新建幼儿园12所 分享： 全市今年新建幼儿园12所，新增学位3600个，普惠率达到90%，家长可就近入园。\n", ""},
		{"a site's tag after the headline", "2022年县教育局工作总结【精选推荐】\n" + body, "2022年县教育局工作总结"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := draftOf(t, c.text, source.PageInfo{})
			if d.Title.Value != c.want || (c.want == "") != (d.Title.Unknown != "") {
				t.Errorf("title %q (evidence %q, unknown %q), want %q", d.Title.Value, d.Title.Evidence, d.Title.Unknown, c.want)
			}
		})
	}
}

func TestCoversYear(t *testing.T) {
	cases := []struct {
		name, text string
		want       int
	}{
		{"the title's year", "2021年某县教育工作总结\n" + body, 2021},
		{"the evaluation year in the body", "某县教育工作报告\n根据要求，我县对2021年度履行教育职责情况进行了自查，现报告如下。全县共有学校58所，教师3200名。\n", 2021},
		{"the year the body reports on, not the target", "某县教育工作报告\n2022年，全县新建幼儿园5所，新增学位1200个，覆盖率达到90%。\n到2025年，全县将新建幼儿园20所，新增学位6000个，覆盖率达到95%以上。\n2022年全县招聘教师120名，培训教师3000人次，教师队伍不断壮大。\n", 2022},
		{"a year in Chinese numerals", "某县教育工作报告\n二〇二一年，全县新建幼儿园5所，新增学位1200个，普惠性幼儿园覆盖率达到90%。\n", 2021},
		{"a school year in Chinese numerals", "幼稚园计划申请名单\n约740所幼稚园申请在二○一七/一八学年参加计划，并已提交相关文件，约占合资格幼稚园的96%。\n", 2017},
		{"a school year by two digits", "小一学额与今年相若\n新一份名册显示，21/22学年全港将有24000多个小一自行分配学额，与今年相若。\n", 2021},
		{"two digits that are no school year", "某县教育工作报告\n全县21/25所学校已完成改造，完成率达到84%，其余学校正在施工之中。\n", 0},
		{"no year at all", "某县教育工作报告\n全县新建幼儿园5所，新增学位1200个，普惠性幼儿园覆盖率达到90%。\n", 0},
		{"news dated to the day, telling of yesterday: its year", "小一学额公布\n时间：2019-05-06 08:00\n教育局昨日公布，全港小学学额约有48500个，申请人数逾5万人。\n", 2019},
		{"news dated to the day, telling of 日前: its year", "某县新建幼儿园5所\n发布日期：2021年3月2日\n日前，记者从县教育局获悉，全县新建幼儿园5所，新增学位1200个。\n", 2021},
		{"a dated page that tells of no current events", "某县教育概况\n发布日期：2021年3月2日\n全县共有幼儿园5所，学位1200个，普惠性幼儿园覆盖率达到90%。\n", 0},
		{"current events without a date", "某县新建幼儿园5所\n日前，记者从县教育局获悉，全县新建幼儿园5所，新增学位1200个。\n", 0},
		{"a year named by an anniversary, on its occasion", "某县学校项目集中开工\n6月28日，我县学校建设项目集中开工，这是我县在建党95周年之际向全县群众献上的一份民生大礼。\n", 2016},
		{"another founding's anniversary", "某县学生文艺汇演举行\n全县师生举行文艺汇演，庆祝新中国成立70周年，共有节目30个，演员1200人。\n", 2019},
		{"an anniversary still to come is not the year", "某县学生文艺汇演举行\n全县师生精心排练节目，喜迎建党100周年之际的演出，共有节目30个，演员1200人。\n", 0},
		{"a title's year of an earlier evaluation's feedback", "2021年省评价反馈问题的整改情况及自查自评报告\n按照《关于印发2022年对县级人民政府履行教育职责评价方案的通知》要求，我县对照评价内容进行了全面自查，现报告如下。\n", 2022},
		{"a body's year of an earlier evaluation's feedback", "某县整改情况报告\n按照2021年度履行教育职责评价反馈意见，我县逐项整改，现将整改情况报告如下。\n2022年，全县新建幼儿园5所，新增学位1200个，覆盖率达到90%。\n2022年，全县招聘教师120名，培训教师3000人次。\n", 2022},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := draftOf(t, c.text, source.PageInfo{})
			if d.CoversYear.Value != c.want || (c.want == 0) != (d.CoversYear.Unknown != "") {
				t.Errorf("covers_year %d (evidence %q, unknown %q), want %d", d.CoversYear.Value, d.CoversYear.Evidence, d.CoversYear.Unknown, c.want)
			}
		})
	}
}

func TestPlaces(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"the title's narrowest place, with its parents", "平舆县教育局长谈学前教育\n" + body, []string{"河南省", "驻马店市", "平舆县"}},
		{"the body's subject, not the breadcrumb", "首页 > 北京 > 新闻\n新建幼儿园5所\n聊城市今年新建幼儿园5所，新增学位1200个。聊城市教育局表示，覆盖率达到90%。\n", []string{"山东省", "聊城市"}},
		{"related headlines naming other places are not the subject", "新建幼儿园5所\n聊城市今年新建幼儿园5所，新增学位1200个，覆盖率达到90%。\n相关新闻\n济南市新建学校10所\n济南市教育局召开会议\n青岛市教育工作会议召开\n", []string{"山东省", "聊城市"}},
		{"a masked place and its masked parents", "关于教育工作的自评报告\n根据《XX省教育厅关于开展评价工作的通知》和《XX市教育局通知》要求，我区对履行教育职责情况进行了自查。我区共有学校58所。\n", []string{"XX省", "XX市"}},
		{"a Hong Kong report speaks of 全港", "小一学额与今年相若\n教育局公布，全港将有24000多个小一自行分配学额，全港小学学额约有48500个。\n", []string{"香港特别行政区"}},
		{"a page copied as one line: the cleaner cuts its head, the body's words still count", "返回 本地 2019-05-06 08:00:00 小一学额公布 分享: 全港官立小学的自行分配学位结果昨日公布，申请人数逾5万人，较去年少一成，全港约有2万人获派位。 立即下载手机APP 体验升级功能\n", []string{"香港特别行政区"}},
		{"a page copied as one line, in a city: its head cut, its body names the city", "返回 本地 2020-09-01 09:30:00 新学期新学校 分享: 聊城市今年秋季新建学校12所，新增学位1.5万个，聊城市教育局表示将继续推进。 下载APP 阅读更多\n", []string{"山东省", "聊城市"}},
		{"no place", "新建幼儿园5所\n" + body, nil},
		// A county written by its short name before a place mark.
		{"a title's unnamed county and its short name before 籍", "县教育局2022年工作总结\n2022年，全年公开招聘教师50名，接收平舆籍在外工作教师回乡任教12人，全年培训教师3000人次。\n", []string{"河南省", "驻马店市", "平舆县"}},
		{"我县, and a local outlet named after the county inside the city named", "网站首页 新闻 庆云新闻网 正文 德州新闻网讯 6月28日，我县新建学校3所，总投资1.2亿元。我县今年新增学位2000个，全县大班额全部消除。\n", []string{"山东省", "德州市", "庆云县"}},
		{"a marked county outside the places named is not taken", "新建学校3所\n聊城市今年新建学校3所，我县接收平舆籍教师12人，聊城市教育局表示，我县学位充足。\n", []string{"山东省", "聊城市"}},
		// A national report over several provinces.
		{"a national inspection of several provinces", "根据《国务院办公厅关于印发评价办法的通知》，2020年，国务院教育督导委员会办公室抽取天津、浙江、江西、云南4个省份开展实地督查，共深入34个市、73个县。\n", []string{"全国", "天津市", "浙江省", "江西省", "云南省"}},
		{"several provinces without a national body: for the editor", "天津、浙江、江西、云南四地教育协作会议召开，四地共签订协议12项，交流教师300名。\n", nil},
		// A special region known by its usage.
		{"Hong Kong by its usage: a .gov.hk address and the 2017/18 school year", "免费幼稚园计划申请名单\n教育局公布，约740所幼稚园申请在二○一七/一八学年参加计划，名单已上载教育局网页(www.edb.gov.hk/kg)。\n", []string{"香港特别行政区"}},
		{"Macao by its usage: 本澳 and 教青局", "学额公布\n教青局表示，本澳今年共有学额8000个，较去年增加200个，教青局将继续跟进。\n", []string{"澳门特别行政区"}},
		{"two words others use too are not enough", "小一入学安排\n今年小一新生约3000人，幼稚园毕业生将按就近原则入学，学位充足。\n", nil},
		{"a national body over several provinces, one of them a name a city shares", "教育部公布，2021年对天津、吉林、浙江、江西4个省份开展督导检查，共深入学校120所。\n", []string{"全国", "天津市", "吉林省", "浙江省", "江西省"}},
		{"全国 inside a clause is no national report", "天津、浙江、江西、云南四地教育协作会议召开，四地学校均获评全国文明校园，共签订协议12项。\n", nil},
		{"one word of a region's usage is not enough", "幼稚园计划申请名单\n约740所幼稚园申请参加计划，并已提交基本的相关文件，约占合资格幼稚园的96%。\n", nil},
		// A title about each city of a province.
		{"a title about each city is about the province that holds them", "2020年各市教育工作典型案例\n一、济南市\n1.全市新建学校10所，济南市新增学位1万个，全市覆盖率达到90%。\n二、青岛市\n1.全市新建学校12所，青岛市新增学位1.2万个，全市覆盖率达到92%。\n三、淄博市\n1.全市新建学校8所，淄博市新增学位8000个，全市覆盖率达到88%。\n四、枣庄市\n1.全市新建学校6所，枣庄市新增学位6000个，全市覆盖率达到85%。\n五、烟台市\n1.全市新建学校9所，烟台市新增学位9000个，全市覆盖率达到91%。\n", []string{"山东省"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := draftOf(t, c.text, source.PageInfo{})
			if strings.Join(d.Places.Value, ",") != strings.Join(c.want, ",") || (c.want == nil) != (d.Places.Unknown != "") {
				t.Errorf("places %v (evidence %q, unknown %q), want %v", d.Places.Value, d.Places.Evidence, d.Places.Unknown, c.want)
			}
		})
	}
}

func TestKind(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"an interview by its title", "坚持高标准深化改革 ——访平舆县教育局局长\n" + body, "interview"},
		{"访谈 in the body is a verb, not the kind", "某省教育督查情况\n督查组共深入学校373所，访谈家长、学生、干部及群众889人，发现问题12个，已全部整改到位。\n", "other"},
		{"a speech", "在全省教育工作会议上的讲话\n" + body, "speech"},
		{"a spokesman in the body is no speech", "幼稚园计划申请名单\n教育局发言人说，约740所幼稚园申请参加计划，约占合资格幼稚园的96%。\n", "other"},
		{"a notice cited in the body is no notice", "某县教育督查情况\n根据《关于开展督查工作的通知》，全县共抽查学校58所，发现问题12个，已全部整改到位。\n", "other"},
		{"a notice by its title", "关于2022年秋季招生工作的通知\n" + body, "notice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if d := draftOf(t, c.text, source.PageInfo{}); d.Kind.Value != c.want {
				t.Errorf("kind %q (%s), want %q", d.Kind.Value, d.Kind.Evidence, c.want)
			}
		})
	}
}

func TestAuthors(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"the next field's label ends the names", "新疆新增学位5000个\n作者: 張曉龍    來源: 新華網    日期: 2023-02-16\n" + body, []string{"張曉龍"}},
		{"two authors", "新疆新增学位5000个\n作者：张三 李四\n" + body, []string{"张三", "李四"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := draftOf(t, c.text, source.PageInfo{})
			if strings.Join(d.Authors.Value, ",") != strings.Join(c.want, ",") {
				t.Errorf("authors %v (%s%s), want %v", d.Authors.Value, d.Authors.Evidence, d.Authors.Unknown, c.want)
			}
		})
	}
}

// The draft is YAML whose every field carries its evidence or a could-not-
// tell mark, and report text in a comment cannot end the comment.
func TestYAMLMarksEveryField(t *testing.T) {
	d := draftOf(t, "平舆县新建幼儿园5所\n时间：2022-03-05\n"+body, source.PageInfo{})
	y := string(d.YAML())
	for _, key := range []string{"title", "kind", "publisher", "authors", "url", "published", "covers_year", "places", "script", "encoding"} {
		i := strings.Index(y, "\n"+key+":")
		if i < 0 {
			i = strings.Index(y, "\n# "+key+":")
		}
		if i < 0 {
			t.Errorf("no %s in the draft:\n%s", key, y)
			continue
		}
		prev := y[strings.LastIndex(y[:i], "\n")+1 : i]
		if !strings.HasPrefix(prev, "# ") {
			t.Errorf("%s has no comment before it:\n%s", key, y)
		}
	}
	if !strings.Contains(y, "# could not tell: ") {
		t.Errorf("nothing marked as not told:\n%s", y)
	}
	var b bytes.Buffer
	comment(&b, "line 3: «标题\ntitle: 恶意»")
	if strings.Count(b.String(), "\n") != 1 {
		t.Errorf("a line break in report text ended the comment: %q", b.String())
	}
}

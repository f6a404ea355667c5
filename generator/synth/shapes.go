package synth

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eduportal/portal/generator/source"
)

// places lists the report's places, widest first, as meta.yaml gives them.
func (g *gen) places() []string {
	if g.anon {
		return []string{"XX省", "XX市", g.anonName}
	}
	out := []string{g.prov.Name}
	if g.city.Code != g.prov.Code && g.kind != "compilation" {
		out = append(out, g.city.Name)
	}
	if g.county.Code != "" && g.subj.Code == g.county.Code {
		out = append(out, g.county.Name)
	}
	return out
}

func (g *gen) date(year int) string {
	return fmt.Sprintf("%d-%02d-%02d", year, 1+g.r.IntN(12), 1+g.r.IntN(28))
}

// fill writes body paragraphs from para until the original would reach
// target bytes with tail after it.
func (g *gen) fill(target int, tail string, para func()) {
	for n := 0; n < 3 || g.buf.Len()+len(tail) < target; n++ {
		para()
		if g.buf.Len()+len(tail) > target+2000 {
			break
		}
	}
	g.buf.WriteString(tail)
}

// news: like 000 — a site slogan, a byline, a press conference on the
// evaluation, paragraphs without blank lines, the app's promotion.
func (g *gen) news(m *source.Meta, target int) {
	pub := g.year + 1
	grade := g.pick("优秀", "良好", "良好", "合格")
	paper := papers[g.r.IntN(len(papers))]
	ps := short(g.prov)
	paperName := fmt.Sprintf(paper[0], ps)
	app := fmt.Sprintf(paper[1], ps)
	reporter := g.name()
	official := g.name()
	bureau := g.subj.Name + g.pick("教育和体育局", "教育局", "教育体育局")
	m.Title = fmt.Sprintf("%s在全省履行教育职责%s评价中被评为%s等级", g.subj.Name, g.pick("督查", "督导"), grade)
	m.Publisher = paperName + "·" + app
	m.Authors = []string{g.conv(reporter)}
	m.Published = fmt.Sprint(pub)
	m.Places = g.places()

	if g.r.IntN(4) > 0 {
		g.line(g.pickList(slogans))
	}
	if g.r.IntN(2) == 0 {
		g.line(paperName + "·" + app + "记者" + reporter)
	} else {
		g.line(paperName + "记者 " + reporter)
	}
	gov := strings.TrimPrefix(scopeOf(g.subj), "全")
	level := "在全省履行教育职责督查评价中"
	if g.subj.Code == g.prov.Code { // a municipality is evaluated by the State
		level = "在国家对省级人民政府履行教育职责评价中"
		m.Title = fmt.Sprintf("%s在国家履行教育职责评价中被评为%s等级", g.subj.Name, grade)
	}
	g.line(fmt.Sprintf("履行教育职责督查评价是对各级人民政府贯彻执行党的教育方针、落实教育法律法规政策、促进各级各类教育发展等情况进行的全面综合检验。"+
		"在%d日召开的%s政府新闻发布会上，%s党组成员、副局长%s介绍，去年，在%s委、%s政府的坚强领导下，%s强弱项、补短板、办实事，%s被评为%s等级，较上年提升%d个位次。",
		1+g.r.IntN(28), gov, bureau, official, gov, gov, bureau, level, grade, 1+g.r.IntN(5)))
	tail := g.capture(func() {
		g.line(fmt.Sprintf("近期，%s印发了《%d年对县级人民政府履行教育职责评价报告》，全面总结去年各县级政府履行教育职责总体情况，倒逼县级政府加强履职尽责，确保教育水平不断提升。", bureau, g.year))
		g.line(fmt.Sprintf("找记者、求报道、求帮助，各大应用市场下载“%s”APP或搜索微信小程序“%s情报站”，全省%d多位主流媒体记者在线等你来报料！", app, ps, 100*(2+g.r.IntN(8))))
	})
	first := true
	g.fill(target, tail, func() {
		t := g.topic()
		s := g.pickList(headings[t]) + "。" + g.prose(t, 2+g.r.IntN(4), false)
		if first {
			s = official + "介绍，" + s
			first = false
		}
		g.line(s)
	})
}

// compilation: like 001 — typical cases of every city of a province, 一、XX市
// with numbered items, county names inside, lines broken mid-sentence.
func (g *gen) compilation(m *source.Meta, target int) {
	ix := g.gn.ix
	sections := ix.cities(g.prov)
	unit := "市"
	if ix.municipality(g.prov) {
		sections = ix.counties(g.prov)
		unit = "区"
	}
	m.Title = fmt.Sprintf("%d年%s各%s履行教育职责典型工作案例", g.year, g.pick("", g.prov.Name), unit)
	m.Published = fmt.Sprint(g.year + 1)
	m.Places = g.places()
	if g.r.IntN(2) == 0 {
		m.Publisher = g.prov.Name + "人民政府教育督导委员会办公室"
	}
	breakRate := 0.15 + g.r.Float64()*0.3
	g.line(m.Title)
	startLen, items := g.buf.Len(), 0
	for k, sec := range sections {
		if k >= 3 && g.buf.Len() >= target {
			break
		}
		g.line(cnNum(k+1) + "、" + sec.Name)
		counties := ix.counties(sec)
		saved := g.subj
		g.subj = sec
		// as many items as fill the target over the sections left
		per := 2 + g.r.IntN(3)
		if items > 0 {
			avg := (g.buf.Len() - startLen) / items
			left := len(sections) - k
			per = min(8, max(2, (target-g.buf.Len())/max(1, left*avg)+g.r.IntN(2)))
		}
		for item := 1; item <= per; item++ {
			items++
			t := g.topic()
			var s string
			switch {
			case len(counties) > 0 && g.r.IntN(3) == 0:
				c := counties[g.r.IntN(len(counties))]
				g.subj = c
				s = c.Name + strings.TrimSuffix(g.filler(t), "。") + "，" + g.figure(t, false) + "。"
				g.subj = sec
			case g.r.IntN(4) == 0:
				s = g.prose(t, 1, false) + g.by() + g.figure(t, true) + "。"
			default:
				s = g.prose(t, 1+g.r.IntN(3), false)
			}
			g.brokenLine(fmt.Sprintf("%d.%s", item, s), breakRate)
		}
		g.subj = saved
	}
}

// brokenLine writes s, broken once mid-sentence (as a copy from a PDF is)
// with probability rate.
func (g *gen) brokenLine(s string, rate float64) {
	t := g.render(s)
	rs := []rune(t)
	if len(rs) < 40 || g.r.Float64() >= rate {
		g.raw(t)
		return
	}
	for try := 0; try < 8; try++ {
		k := 14 + g.r.IntN(len(rs)-24)
		// break between two Han characters, outside an annotation
		if unicode.Is(unicode.Han, rs[k-1]) && unicode.Is(unicode.Han, rs[k]) {
			g.raw(string(rs[:k]))
			g.raw(string(rs[k:]))
			return
		}
	}
	g.raw(t)
}

// selfEvaluation: like 002 — a document-site copy: upload stamp, 联系客服,
// an outline 一、(一) 1., plans to 2025, and the site's tip and login clutter.
func (g *gen) selfEvaluation(m *source.Meta, target int) {
	pub := g.year + g.r.IntN(2)
	up := g.date(pub)
	site := g.pickList(docSites)
	pl := g.placeName()
	title := fmt.Sprintf("%s%d年省评价反馈问题的整改情况及履行教育职责情况自查自评报告", pl, g.year-1)
	if g.r.IntN(2) == 0 {
		title = fmt.Sprintf("%s关于%d年度履行教育职责情况的自查自评报告", pl, g.year)
	}
	url := fmt.Sprintf("http://www.wenku%d.example/index/article/detail/detail_id/%d.html", g.r.IntN(90)+10, 100000+g.r.IntN(900000))
	m.Title = title
	m.Publisher = site + " (document-sharing site)"
	m.Published = up
	m.URL = url
	m.Places = g.places()
	provName, cityName := g.prov.Name, g.city.Name
	docNo := fmt.Sprintf("%s教督办〔%d〕%d号", short(g.prov), g.year, 1+g.r.IntN(40))
	if g.anon {
		provName, cityName, docNo = "XX省", "XX市", fmt.Sprintf("X〔%d〕X号", g.year)
	}

	g.line(title)
	g.blank()
	g.raw(fmt.Sprintf("%s %02d:%02d:%02d %d", up, g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), g.r.IntN(3000)))
	g.line("联系客服提示-" + site)
	g.blank()
	g.line(title)
	g.blank()
	g.line(fmt.Sprintf("按照《%s人民政府教育督导委员会办公室关于印发%d年对市级人民政府履行教育职责评价方案的通知》(%s)和《%s人民政府办公室关于印发县(区)人民政府履行教育职责评价实施方案的通知》文件精神，%s对照评价重点内容，对履行教育职责情况进行全面自查。现将有关情况报告如下：",
		provName, g.year, docNo, cityName, pl))
	g.blank()
	g.line(fmt.Sprintf("一、对%d年省评价反馈问题的整改情况", g.year-1))
	g.blank()
	for k := 0; k < 1+g.r.IntN(2); k++ {
		t := g.topic()
		g.line(fmt.Sprintf("%s问题，%s已采取以下措施：1.%s2.%s3.%s", g.figure(t, false), g.pick("示范区", "我区", "我县", "我市"),
			g.filler(t), g.filler(t), g.by()+g.figure(t, true)+"。"))
		g.blank()
	}
	g.line("二、重点工作推进情况")
	g.blank()
	tail := g.capture(func() {
		g.line("三、下一步工作打算")
		g.blank()
		g.line(g.buildPlan())
		g.blank()
		for k := 0; k < 1+g.r.IntN(2); k++ {
			t := g.topic()
			g.line(g.pickList(headings[t]) + "。" + g.prose(t, 2, true))
			g.blank()
		}
		g.siteClutter(title, url)
	})
	sec, item := 0, 0
	g.fill(target, tail, func() {
		t := g.topic()
		if item == 0 || item >= 2+g.r.IntN(4) {
			sec++
			item = 0
			g.line("(" + cnNum(sec) + ")" + g.pickList(headings[t]))
			g.blank()
		}
		item++
		g.line(fmt.Sprintf("%d.%s%s。%s", item, g.pickList(verbs), g.pickList(objects[t]), g.prose(t, 2+g.r.IntN(4), false)))
		g.blank()
	})
}

// buildPlan is the year-by-year kindergarten plan of a self-evaluation.
func (g *gen) buildPlan() string {
	end := g.planEnd()
	start := g.year
	if start >= end {
		start = end - 3
	}
	var b strings.Builder
	total, n := 0, 0
	items := []string{}
	for y := start; y <= end; y++ {
		k := 1 + g.r.IntN(8)
		places := (90 + g.r.IntN(150)) * k
		cost := places * (3 + g.r.IntN(2))
		n += k
		total += places
		items = append(items, fmt.Sprintf("%d年新建、改扩建幼儿园%d所，新增%d个学位，总投资约%d万元", y, k, places, cost))
	}
	fmt.Fprintf(&b, "%d-%d年，%s将规划实施%d个普惠性幼儿园建设项目：%s，以上共新增学位%d个；", start, end, g.scope(), n, strings.Join(items, "；"), total)
	fmt.Fprintf(&b, "到%d年，学前三年毛入园率达%s%%，其中普惠性幼儿园覆盖率达到%s%%以上，公办园比例达到%s%%以上。", end, g.pct(92, 99), g.count0(80, 92), g.count0(50, 60))
	return b.String()
}

// siteClutter is the tail of a document-site page.
func (g *gen) siteClutter(title, url string) {
	g.line("阅读全文")
	g.line("(想阅读完全部图文内容,您需要先登陆!)")
	g.line("如果喜欢本篇内容,请赞赏鼓励哦!")
	g.line("尚未有人赏赞,赶紧来一个吧")
	g.line("查看更多>>")
	g.line("请选择打赏类型")
	for _, p := range tipPrices {
		if g.r.IntN(3) > 0 {
			g.raw(p)
		}
	}
	g.line("赏赞")
	g.blank()
	g.line("分享:")
	g.blank()
	g.line("微信扫一扫在手机阅读、分享本文")
	g.blank()
	g.line("关于本文")
	g.blank()
	g.line("本文标题:" + title)
	g.blank()
	g.raw("链接地址:" + url)
	g.blank()
	g.line("相关内容")
	g.line("    热门推荐")
	g.line("    • 本周热门")
	g.line("    • 本月热门")
	g.line("        二维码")
	g.blank()
	g.line("        微信订阅号")
	g.blank()
	g.line("        联系客服")
	g.blank()
	g.line("        联系我们")
}

// speech: like 003 — the title in both scripts and repeated, a meeting
// report, a chief's speech under short headings, share/related clutter.
func (g *gen) speech(m *source.Meta, target int) {
	unit := "市"
	if g.gn.ix.municipality(g.prov) {
		unit = "区"
	}
	chief := g.name()
	leader := g.name()
	title := fmt.Sprintf("%s各%s教育局长座谈会上，%s局长这样说！", g.prov.Name, unit, chief)
	m.Title = title
	m.Published = fmt.Sprint(g.year)
	m.Places = g.places()
	if g.r.IntN(2) == 0 {
		m.Publisher = short(g.city) + "教育发布"
	}
	hans, hant := title, g.gn.hant(title)
	own, other := hans, hant
	if g.hant {
		own, other = hant, hans
	}
	month, day := 3+g.r.IntN(9), 1+g.r.IntN(26)
	g.raw(own)
	g.blank()
	g.raw(other)
	g.blank()
	g.line(fmt.Sprintf("%d月%d日至%d日，各%s教育局长座谈会在%s召开。省委教育工委常务副书记，省教育厅厅长、党组书记%s出席会议并讲话。", month, day, day+1, unit, g.city.Name, leader))
	g.blank()
	g.raw(other)
	g.raw(other + other)
	g.blank()
	g.line(leader + "指出，")
	g.blank()
	g.line(g.prose(g.topic(), 2, false))
	g.blank()
	g.line(leader + "强调，")
	g.blank()
	for k := 0; k < 3+g.r.IntN(5); k++ {
		t := g.topic()
		g.line(fmt.Sprintf("要坚持%s，%s%s，%s；", g.pickList(headings[t]), g.pickList(verbs), g.pickList(objects[t]), g.pickList(tails)))
		g.blank()
	}
	g.raw(other)
	g.blank()
	g.line(fmt.Sprintf("座谈会上，各%s教育局围绕中小学校党建、解决大班额、课后服务、学前教育改革发展、教师队伍建设、职业教育发展等工作汇报了上半年开展情况和下半年打算。", unit))
	g.blank()
	g.line(fmt.Sprintf("%s教育局党委书记、局长%s做了题为“%s”的发言。", g.city.Name, chief, fmt.Sprintf(g.pickList(speechTitles), short(g.city))))
	g.blank()
	g.line("上半年回顾")
	g.blank()
	g.line("紧盯目标，久久为功，")
	g.blank()
	g.line(short(g.city) + "教育迈向优质均衡新格局")
	g.blank()
	tail := g.capture(func() {
		g.line("下半年续航")
		g.blank()
		g.line("深化改革，聚焦内涵，")
		g.blank()
		g.line("写好" + short(g.city) + "教育“奋进之笔”")
		g.blank()
		for k := 0; k < 2+g.r.IntN(2); k++ {
			t := g.topic()
			g.line(g.pickList(headings[t]) + "。" + g.prose(t, 2, true))
			g.blank()
		}
		g.blank()
		g.line("分享到:")
		g.blank()
		g.blank()
		g.line("相关文章:")
	})
	g.fill(target, tail, func() {
		t := g.topic()
		g.line(g.pickList(headings[t]) + "。" + g.prose(t, 3+g.r.IntN(4), false))
		g.blank()
	})
}

// interview: like 004 — a bureau chief on the five-year plan, a summary and
// a byline, paragraphs without blank lines, an editor credit, a copyright
// notice with its clauses, and a run of unrelated headlines between "-".
func (g *gen) interview(m *source.Meta, target int) {
	chief := g.name()
	a, b, c := g.name(), g.name(), g.name()
	sl := interviewSlogans[g.r.IntN(len(interviewSlogans))]
	pl := g.subj.Name
	title := fmt.Sprintf("%s %s ——访%s教育局党组书记、局长%s", sl[0], sl[1], pl, chief)
	site := short(g.city) + "网"
	m.Title = title
	m.Publisher = site
	m.Authors = []string{g.conv(a), g.conv(b)}
	m.Published = fmt.Sprint(g.year)
	m.Places = g.places()

	g.line(title)
	g.line("摘要:" + g.filler("teachers") + g.filler("governance"))
	g.line(fmt.Sprintf("记者 %s %s 通讯员 %s", a, b, c))
	g.line(fmt.Sprintf("“‘%s’期间，%s教育工作将围绕‘建设高质量教育体系’这一主线，全面贯彻党的教育方针，深化教育领域综合改革，破除‘城镇挤’‘乡村弱’‘入园贵’等教育改革发展难题，努力办好人民满意的教育。”日前，%s教育局党组书记、局长%s接受笔者采访时说。",
		g.planName(), pl, pl, chief))
	g.line(fmt.Sprintf("在谈及下一步工作目标和举措时，%s表示，%s教育局将坚持党建引领，办好人民满意的教育。%s", chief, pl, g.prose("party", 2, false)))
	tail := g.capture(func() {
		g.line(fmt.Sprintf("“好风凭借力，扬帆正当时。%s教育系统已经走上了再突破再加劲再发力的征程。”谈起未来，%s信心满满。", pl, chief))
		g.line("责任编辑:" + g.name())
		g.line("查看心情排行你看到此篇文章的感受是:")
		g.line("版权声明:")
		g.line(fmt.Sprintf("1.凡本网注明“来源:%s”的所有作品，均为本网合法拥有版权或有权使用的作品，未经本网书面授权不得转载、摘编或利用其他方式使用上述作品。任何组织、平台和个人，不得侵犯本网应有权益，否则，一经发现，本网将授权常年法律顾问予以追究侵权者的法律责任。", site))
		g.line(fmt.Sprintf("%s日报报业集团法律顾问单位:%s律师事务所", short(g.city), g.pickList([]string{"汇业", "金杜", "德恒", "大成", "中伦"})))
		g.line("首席法律顾问:" + g.name() + "律师")
		g.line(fmt.Sprintf("2.凡本网注明“来源:XXX(非%s)”的作品，均转载自其他媒体，转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。", site))
		g.line("3.如果您发现本网站上有侵犯您的知识产权的作品，请与我们取得联系，我们会及时修改或删除。")
		cities := g.gn.ix.cities(g.prov)
		for k := 0; k < 5+g.r.IntN(6); k++ {
			g.raw("-")
			where := short(cities[g.r.IntN(len(cities))])
			h := fmt.Sprintf(g.pickList(headlinePatterns), where)
			if utf8.RuneCountInString(h) > 38 {
				h = string([]rune(h)[:38])
			}
			g.line(h)
		}
		g.raw("-")
		g.line("网友评论")
	})
	g.fill(target, tail, func() {
		t := g.topic()
		g.line(g.pickList(headings[t]) + "。" + g.prose(t, 2+g.r.IntN(4), g.r.IntN(2) == 0))
	})
}

package clean

import (
	"reflect"
	"strings"
	"testing"
)

func TestStripPinyin(t *testing.T) {
	tests := []struct {
		in, want string
		n        int
	}{
		{"領(lǐng)導(dǎo)", "領導", 2},
		{"綠(lǜ)化", "綠化", 1},
		{"女(nǚ)兒", "女兒", 1},
		{"略(lüè)微", "略微", 1},
		{"兒(ér)童", "兒童", 1},
		{"全角(jiǎo)括號", "全角括號", 1},
		{"(X〔2022〕X号)", "(X〔2022〕X号)", 0},
		{"县(市、区)", "县(市、区)", 0},
		{"办法(试行)", "办法(试行)", 0},
		{"(一)全面加强", "(一)全面加强", 0},
		{"比(2019)年", "比(2019)年", 0},
		{"我們(men)", "我們(men)", 0},         // no tone mark: not what mirrors add
		{"A(chǔ)", "A(chǔ)", 0},           // not after a Han character
		{"見(jiàn shì)", "見(jiàn shì)", 0}, // two syllables: a real gloss
		{"學 (xué)校", "學校", 1},             // a space before the parenthesis
		{"學( xué )校", "學校", 1},            // spaces inside it
		{"學(XUÉ)校(Xiào)", "學校", 2},        // upper case
		{"學 (xué) (xué)校", "學校", 2},
		{"學  (xué)", "學  (xué)", 0}, // two spaces: not the annotation's
		{"教(jiao)室", "教(jiao)室", 0}, // untoned: only in a copy that shows it (untonedInjected)
	}
	for _, tt := range tests {
		got, n := stripPinyin(tt.in)
		if got != tt.want || n != tt.n {
			t.Errorf("stripPinyin(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}

func TestMarkDamage(t *testing.T) {
	tests := []struct {
		in   string
		want []string // damaged spans
	}{
		{"當(dāng)?shù)毓珓?wù)員", []string{"?shù)毓珓?wù)"}},
		{"游戲?qū)嶒?yàn)區(qū)", []string{"?qū)嶒?yàn)"}},
		{"學(xué)?;A(chǔ)能力", []string{"?;A(chǔ)"}},
		{"們?nèi)〉寐?lián)系", []string{"?nèi)〉寐?lián)"}},
		{"日?qǐng)?bào)報(bào)業", []string{"?qǐng)?bào)"}},
		{"中?文", []string{"?"}},
		{"學\uFFFD校", []string{"\uFFFD"}},
		{"總平均\uFFFD", []string{"\uFFFD"}},
		{"為什麼?", nil},                   // question mark at the end
		{"好嗎?我們走", nil},                 // after a question particle
		{"what?ok", nil},                // not in Han text
		{"怎麼辦? 先做", nil},                // followed by a space
		{"?開頭", nil},                    // nothing before
		{"甲?乙。丙?丁", []string{"?", "?"}}, // sentence punctuation separates spans
	}
	for _, tt := range tests {
		var got []string
		for _, s := range markDamage(tt.in) {
			if s.kind == "damaged" {
				got = append(got, s.text)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("markDamage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClutterRules(t *testing.T) {
	tests := []struct{ line, rule string }{
		{"找記者、求報道、求幫助,各大應用市場下載“齊魯壹點”APP", "app-promotion"},
		{"接入“爱山东日照通”APP,群众入学报名实现“全网办、零证明、零跑腿”", ""},
		{"分享到:", "share-prompt"},
		{"微信扫一扫在手机阅读、分享本文", "share-prompt"},
		{"赏赞", "tip-widget"},
		{"请选择打赏类型", "tip-widget"},
		{"¥6.66", "tip-widget"},
		{"阅读全文", "login-wall"},
		{"(想阅读完全部图文内容,您需要先登陆!)", "login-wall"},
		{"联系客服提示-笔笔文库", "site-chrome"},
		{"    • 二维码", "site-chrome"},
		{"更多优质教育资源惠及群众", ""},
		{"版權聲明:", "copyright-notice"},
		{"首席法律顧問:馮程斌律師", "copyright-notice"},
		{"責任編輯:付琳", "editor-credit"},
		{"查看心情排行你看到此篇文章的感受是:", "mood-poll"},
		{"網友評論", "comment-header"},
		{"相關文章:", "related-list"},
		{"    热门推荐", "related-list"},
		{"2023-01-12 09:03:52 600", "upload-stamp"},
		{"阅读 1234", "view-counter"},
		{"链接地址:http://example.com/a.html", "page-metadata"},
		{"-", "separator"},
		{"科技改變生活 · 科技引領未來", "site-slogan"},
		{"2022-2025年,全区将规划实施17个普惠性幼儿园建设项目", ""},
		{"評論員文章指出,教育是國之大計。", ""},
		{"当前位置:首页 > 通知 > 详情", "breadcrumb"},
		{"您現在的位置:首頁 >> 教育動態", "breadcrumb"},
		{"聲明:本站轉載文章僅供學習,如有侵權請來信處理。", "disclaimer"},
		{"免责声明:本站内容仅供参考", "disclaimer"},
		{"本稿件为原创,如需转载请注明出处。", "reprint-notice"},
		{"未經書面授權,禁止轉載", "reprint-notice"},
		{"以下是小编精心收集的述职报告", "document-site-blurb"},
		{"某某网为您提供各类范文下载", "document-site-blurb"},
		{"京ICP备12345678号-1", "icp-license"},
		{"浙公網安備33010002000001號", "icp-license"},
		{"为获得最佳效果,建议将显示器分辨率设为1280*720", "browser-advice"},
		{"建議使用Chrome瀏覽器瀏覽本站", "browser-advice"},
		{"了解詳情", "more-link"},
		{"<< 閱讀更多", "more-link"},
		{"更多精彩内容请关注本站", "more-link"},
		{"上一篇:某地召开教育工作会议", "prev-next"},
		{"下一條：某校舉辦活動", "prev-next"},
		{"附件:2022年统计表.zip", "attachment-link"},
		{"附件1：名單.pdf", "attachment-link"},
		{"附件:统计表", ""}, // an attachment named in the text, not a link to a file
		{"点击排行", "related-list"},
		{"学生转载率", ""},
		{"文明上網,理性發言", "comment-prompt"},
		{"已有35人参与", "comment-prompt"},
		{"【打印】【关闭】", "page-toolbar"},
		{"字號：大 中 小", "page-toolbar"},
		{"關鍵詞:學前教育 普惠", "seo-tags"},
		{"标签：教育", "seo-tags"},
		{"打開某某新聞App閱讀全文", "app-promotion"},
		{"群众可下载“爱山东”APP办理入学。", ""},
		{"扫一扫在手机打开当前页", "share-prompt"},
		{"精品久久,国产精品视频,中文字幕在线观看,免费观看", "mirror-spam"},
		{"成人免費網址|亞洲無碼|熟女影院", "mirror-spam"},
		{"发展成人教育和社区教育,选用国产教材", ""},
	}
	for _, tt := range tests {
		if got := clutterRuleFor(tt.line); got != tt.rule {
			t.Errorf("clutterRuleFor(%q) = %q, want %q", tt.line, got, tt.rule)
		}
	}
}

func lines(ss ...string) string { return strings.Join(ss, "\n") }

func TestClutterRuns(t *testing.T) {
	text := lines("標題在這裡", "正文第一段。", "版權聲明:", "1.凡本網注明的作品,未經授權不得轉載。", "2.本網將追究法律責任。",
		"-", "甲地舉辦活動", "-", "乙地開展調研", "-", "丙地召開會議", "網友評論")
	d := Clean(text, Options{})
	if len(d.Paragraphs) != 1 || d.Paragraphs[0].Text != "正文第一段。" {
		t.Fatalf("paragraphs: %+v", d.Paragraphs)
	}
	rules := map[string]int{}
	for _, e := range d.Edits {
		rules[e.Rule]++
	}
	want := map[string]int{"title": 1, "copyright-notice": 3, "related-headlines": 6, "comment-header": 1}
	if !reflect.DeepEqual(rules, want) {
		t.Errorf("rules %v, want %v", rules, want)
	}
	// a dash list in the middle of a report, followed by report text, stays
	d = Clean(lines("標題在這裡", "-", "甲", "-", "乙", "-", "丙", "正文繼續說明情況,並且很長很長。"), Options{})
	if len(d.Paragraphs) < 4 {
		t.Errorf("a list inside the text was removed: %+v", d.Paragraphs)
	}
}

func TestBylines(t *testing.T) {
	tests := []struct {
		line, pub string
		authors   []string
		contrib   []string
		ok        bool
	}{
		{"齊魯晚報·齊魯壹點記者張超", "齊魯晚報·齊魯壹點", []string{"張超"}, nil, true},
		{"記者 張龍 張寧 通訊員 張偉", "", []string{"張龍", "張寧"}, []string{"張偉"}, true},
		{"本报讯(记者 王五)", "", []string{"王五"}, nil, true},
		{"新华社北京8月20日电", "新华社", nil, nil, true},
		{"記者從市教育局獲悉,今年全市新建學校20所。", "", nil, nil, false},
	}
	for _, tt := range tests {
		pub, au, co, ok := byline(tt.line)
		if ok != tt.ok || pub != tt.pub || !reflect.DeepEqual(au, tt.authors) || !reflect.DeepEqual(co, tt.contrib) {
			t.Errorf("byline(%q) = %q %q %q %v", tt.line, pub, au, co, ok)
		}
	}
}

func TestTitleRepeats(t *testing.T) {
	text := lines("山東省各市教育局長座談會上,王品木局長這樣說!", "", "山东省各市教育局长座谈会上,王品木局长这样说!",
		"正文。", "山东省各市教育局长座谈会上,王品木局长这样说!山东省各市教育局长座谈会上,王品木局长这样说!", "山东省各市教育局长座谈会上")
	d := Clean(text, Options{})
	if d.Title != "山東省各市教育局長座談會上,王品木局長這樣說!" {
		t.Errorf("title %q", d.Title)
	}
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, p.Text)
	}
	if !reflect.DeepEqual(got, []string{"正文。", "山东省各市教育局长座谈会上"}) {
		t.Errorf("paragraphs %q", got)
	}
	if d := Clean("履行教育職責督查評價是全面綜合檢驗。\n第二段。", Options{}); d.Title != "" {
		t.Errorf("a body paragraph became the title: %q", d.Title)
	}
}

func TestJoin(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"mid-word", "1.认真落实教育投入保障政策,教\n育经费持续增长。", []string{"1.认真落实教育投入保障政策，教育经费持续增长。"}},
		{"before a number", "2.普惠性幼儿园覆盖率提高至\n90%,超国家目标。", []string{"2.普惠性幼儿园覆盖率提高至90%，超国家目标。"}},
		{"after a comma", "3.连续3年在省评价指标发布后,\n市政府抢先抓早。", []string{"3.连续3年在省评价指标发布后，市政府抢先抓早。"}},
		{"comma across a blank line", "鄧雲鋒指出,\n\n今年以來成效顯著。", []string{"鄧雲鋒指出，今年以來成效顯著。"}},
		{"sentence end", "第一句话说完了。\n第二句话。", []string{"第一句话说完了。", "第二句话。"}},
		{"next is an item", "这一行没有标点但是足够长的一行\n2.下一项。", []string{"这一行没有标点但是足够长的一行", "2.下一项。"}},
		{"heading", "一、济南市\n1.认真落实。", []string{"一、济南市", "1.认真落实。"}},
		{"short line is a heading", "上半年回顧\n創新黨建,驅動學校整體工作提升。", []string{"上半年回顧", "創新黨建，驅動學校整體工作提升。"}},
		{"blank line is a paragraph break", "这一行没有标点但是足够长的一行\n\n新段落。", []string{"这一行没有标点但是足够长的一行", "新段落。"}},
		{"latin words get a space", "Line broken in the middle of the\nsentence here.", []string{"Line broken in the middle of the sentence here."}},
	}
	for _, tt := range tests {
		d := Clean("标题行在此\n\n"+tt.in, Options{})
		var got []string
		for _, p := range d.Paragraphs {
			got = append(got, p.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"政策,教育", "政策，教育"},
		{"覆盖率分别达77.54%、93.37%,有关", "覆盖率分别达77.54%、93.37%，有关"},
		{"支出2,138,084万元", "支出2,138,084万元"},
		{"县(市、区)党委", "县（市、区）党委"},
		{"(1)小项", "（1）小项"},
		{"see (a) and (b)", "see (a) and (b)"},
		{"措施:1.政府;2.学校", "措施：1.政府；2.学校"},
		{"这样说!", "这样说！"},
		{"时间09:03:52", "时间09:03:52"},
		{"全市１００％学校", "全市100％学校"},
		{"ＡＰＰ下载", "APP下载"},
		{`坚持"三个一"理念`, "坚持“三个一”理念"},
		{"http://a.b/c", "http://a.b/c"},
	}
	for _, tt := range tests {
		c := &cleaner{}
		p := &para{segs: []seg{{text: tt.in}}}
		c.normalise(p)
		if got := segsText(p.segs); got != tt.want {
			t.Errorf("normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// damaged spans are never normalised
	c := &cleaner{}
	p := &para{segs: []seg{{text: "學"}, {text: "?;A(chǔ)", kind: "damaged"}, {text: "能力"}}}
	c.normalise(p)
	if p.segs[1].text != "?;A(chǔ)" {
		t.Errorf("damaged span changed: %q", p.segs[1].text)
	}
}

func TestOutline(t *testing.T) {
	text := lines("总标题在这里", "一、济南市", "1.认真落实教育投入保障政策,教育经费持续增长。", "二、青岛市", "(一)全面加强党的领导",
		"1.建立机制", "①第一点内容很长很长,有标点。", "(1)小项", "小项正文。", "上半年回顧", "緊盯目標,久久為功", "正文。")
	d := Clean(text, Options{})
	type row struct {
		text    string
		heading bool
		level   int
		section string
	}
	want := []row{
		{"一、济南市", true, 1, "一、济南市"},
		{"1.认真落实教育投入保障政策，教育经费持续增长。", false, 3, "一、济南市"},
		{"二、青岛市", true, 1, "二、青岛市"},
		{"（一）全面加强党的领导", true, 2, "二、青岛市"},
		{"1.建立机制", true, 3, "二、青岛市"},
		{"①第一点内容很长很长，有标点。", false, 5, "二、青岛市"},
		{"（1）小项", true, 4, "二、青岛市"},
		{"小项正文。", false, 0, "二、青岛市"},
		{"上半年回顧", true, 1, "上半年回顧"},
		{"緊盯目標，久久為功", true, 2, "上半年回顧"},
		{"正文。", false, 0, "上半年回顧"},
	}
	if len(d.Paragraphs) != len(want) {
		t.Fatalf("got %d paragraphs: %+v", len(d.Paragraphs), d.Paragraphs)
	}
	for i, w := range want {
		p := d.Paragraphs[i]
		if p.Text != w.text || p.Heading != w.heading || p.Level != w.level || p.Section != w.section {
			t.Errorf("%s: got %q heading=%v level=%d section=%q; want %+v", p.ID, p.Text, p.Heading, p.Level, p.Section, w)
		}
	}
	if d.Paragraphs[1].SectionID != "p1" {
		t.Errorf("section id %q", d.Paragraphs[1].SectionID)
	}
}

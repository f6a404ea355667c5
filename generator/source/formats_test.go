package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/eduportal/portal/generator/clean"
)

// decodedReport is the text of a report's original, decoded.
func decodedReport(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := Decode(path, raw, "")
	if err != nil {
		t.Fatal(err)
	}
	return text
}

func paragraphsOf(text string) []string {
	var out []string
	for _, p := range clean.Clean(text, clean.Options{}).Paragraphs {
		out = append(out, p.Text)
	}
	return out
}

// The five reports, made into a saved web page, a Word file and a PDF,
// give the paragraphs their text gives: the formats add no text, lose
// none and keep the lines and blocks the cleaner reads.
func TestFormatsGiveTheTextsParagraphs(t *testing.T) {
	originals, _ := filepath.Glob("../../data/sources/*/original.txt")
	if len(originals) == 0 {
		t.Fatal("no reports under data/sources")
	}
	for _, path := range originals {
		text := decodedReport(t, path)
		want := paragraphsOf(text)
		id := filepath.Base(filepath.Dir(path))
		title := "报告 " + id
		cases := []struct {
			name string
			b    []byte
		}{
			{"original.html", makeHTML(title, text)},
			{"original.docx", makeDOCX(title, text)},
			{"original.pdf", makePDF(title, text, pdfOptions{width: 36, rows: 40, head: "教育履职报告汇编", numbers: true, infoDate: "20220304100000+08'00'"})},
			{"kerned.pdf", makePDF(title, text, pdfOptions{width: 30, rows: 45, head: "教育履职报告汇编", numbers: true, draw: "kerned"})},
			{"glyphs.pdf", makePDF(title, text, pdfOptions{width: 40, rows: 35, numbers: true, draw: "glyphs"})},
			{"form.pdf", makePDF(title, text, pdfOptions{width: 36, rows: 40, head: "教育履职报告汇编", numbers: true, inForm: true})},
			{"columns.pdf", makePDF(title, text, pdfOptions{width: 20, rows: 40, head: "教育履职报告汇编", numbers: true, columns: 2, gutter: 2})},
			{"columns-glyphs.pdf", makePDF(title, text, pdfOptions{width: 12, rows: 45, numbers: true, columns: 3, gutter: 1, draw: "glyphs"})},
		}
		for _, c := range cases {
			t.Run(id+"/"+c.name, func(t *testing.T) {
				x, err := Extract(c.name, c.b, "")
				if err != nil {
					t.Fatal(err)
				}
				got := paragraphsOf(x.Text)
				if len(got) != len(want) {
					t.Errorf("%d paragraphs, the text gives %d; last %q", len(got), len(want), got[len(got)-1])
				}
				for i := 0; i < len(got) && i < len(want); i++ {
					if got[i] != want[i] {
						t.Errorf("paragraph %d:\n got  %q\n want %q\n next %q", i+1, got[i], want[i], got[min(i+1, len(got)-1)])
						break
					}
				}
				for _, leak := range []string{"PWNED", "不是正文", "隐藏的导航", "广告位招租", "删去的字", "教育履职报告汇编", "- 1 -"} {
					if strings.Contains(x.Text, leak) {
						t.Errorf("%q reached the text", leak)
					}
				}
				if x.Format == "" || x.How == "" {
					t.Errorf("no extraction record: %+v", x)
				}
			})
		}
	}
}

// Each thing that is not a report gets one clear error naming the file
// and saying what is wrong with it, before anything is read in full.
func TestNotAReportIsRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	scan := write("scan.pdf", makePDF("扫描件", "", pdfOptions{noText: true}))
	binary := write("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	empty := write("empty.txt", nil)
	english := write("passwd.txt", []byte("root:x:0:0:root:/root:/bin/bash\n"))
	script := write("original.js", []byte("document.title='教育'"))
	notZip := write("report.docx", []byte("这不是Word文件"))
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxSize + 1) // sparse: nothing is written, and nothing must be read
	f.Close()
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(write("target.txt", []byte("教育报告")), link); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path, want string
	}{
		{scan, "no text layer"},
		{binary, "binary file"},
		{empty, "file is empty"},
		{english, "no Chinese text"},
		{script, `".js" files are not accepted`},
		{notZip, "not a Word .docx file"},
		{big, "over the"},
		{link, "symbolic link"},
		{dir, "is a directory"},
		{"/dev/zero", "not a regular file"},
		{filepath.Join(dir, "missing.txt"), "no such file"},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			_, err := ReadOriginal(c.path)
			if err == nil {
				t.Fatalf("%s accepted", c.path)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, c.path+": ") || !strings.Contains(msg, c.want) || strings.Count(msg, "\n") > 0 {
				t.Errorf("error %q: want one line naming %s and saying %q", msg, c.path, c.want)
			}
		})
	}
}

// What a file says about itself reaches the draft: a page's <title> and
// canonical URL, a Word file's title and date, a PDF's title and date.
func TestPageInfo(t *testing.T) {
	text := "某县教育局2021年工作总结\n\n全县新建学校3所。\n"
	cases := []struct {
		name      string
		b         []byte
		title     string
		canonical string
		published string
	}{
		{"a.html", makeHTML("某县教育局2021年工作总结", text), "某县教育局2021年工作总结_某某新闻网", "https://news.example.cn/a/1.html", ""},
		{"a.docx", makeDOCX("某县教育局2021年工作总结", text), "某县教育局2021年工作总结", "", "2022-03-04T10:00:00Z"},
		{"a.pdf", makePDF("某县教育局2021年工作总结", text, pdfOptions{width: 30, rows: 40, infoDate: "20220304100000+08'00'"}), "某县教育局2021年工作总结", "", "2022-03-04"},
	}
	for _, c := range cases {
		x, err := Extract(c.name, c.b, "")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if x.Page.Title != c.title || x.Page.Canonical != c.canonical || x.Page.Published != c.published {
			t.Errorf("%s: page info %+v, want title %q canonical %q published %q", c.name, x.Page, c.title, c.canonical, c.published)
		}
	}
}

// Page numbers in their common forms and running heads or feet (the same
// first or last row on most pages, digits aside) are page furniture; a
// number inside the page, or a first row that is not repeated, is text.
func TestPDFFurniture(t *testing.T) {
	rows := func(texts ...string) []pdfRow {
		var out []pdfRow
		for _, s := range texts {
			out = append(out, pdfRow{text: s})
		}
		return out
	}
	cases := []struct {
		name  string
		pages [][]pdfRow
		kept  [][]string
	}{
		{"page numbers of every form", [][]pdfRow{
			rows("正文一", "12", "- 1 -"), rows("正文二", "第 2 页"), rows("正文三", "3/9"), rows("正文四", "第4页 共9页"), rows("正文五", "Page 5 of 9"),
		}, [][]string{{"正文一", "12"}, {"正文二"}, {"正文三"}, {"正文四"}, {"正文五"}}},
		{"a running head with the year and a running foot", [][]pdfRow{
			rows("某县2021年教育工作报告", "正文一", "某县教育局印发"), rows("某县2021年教育工作报告", "正文二", "某县教育局印发"), rows("某县2021年教育工作报告", "正文三"),
		}, [][]string{{"正文一"}, {"正文二"}, {"正文三"}}},
		{"one page: its first row is the title, not a head", [][]pdfRow{
			rows("某县2021年教育工作报告", "正文一"),
		}, [][]string{{"某县2021年教育工作报告", "正文一"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dropFurniture(c.pages)
			for i, p := range c.pages {
				var kept []string
				for _, r := range p {
					if !r.furniture {
						kept = append(kept, r.text)
					}
				}
				if strings.Join(kept, "|") != strings.Join(c.kept[i], "|") {
					t.Errorf("page %d keeps %q, want %q", i+1, kept, c.kept[i])
				}
			}
		})
	}
}

// A saved page is read in the charset it declares (GBK pages are common on
// government sites), or detected as a text file would be; its tables are
// rows of tab-separated cells, as are a Word file's.
func TestHTMLCharsetsAndTables(t *testing.T) {
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	table := "<table><tr><th>学段</th><th>学校数</th></tr><tr><td>小学</td><td>58所</td></tr></table>"
	cases := []struct {
		name string
		b    []byte
		want string
		enc  string
	}{
		{"declared gbk", gbk(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>全县小学58所</p></body></html>`), "全县小学58所\n", "gb18030"},
		{"undeclared gbk", gbk(`<html><body><p>全县小学58所，初中12所。教育经费持续增长。</p></body></html>`), "全县小学58所，初中12所。教育经费持续增长。\n", "gb18030"},
		{"utf-8 with a table", []byte(`<meta charset="utf-8"><p>各学段学校数</p>` + table), "各学段学校数\n\n学段\t学校数\n小学\t58所\n", "utf-8"},
	}
	for _, c := range cases {
		x, err := Extract(c.name+".html", c.b, "")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if x.Text != c.want || x.Encoding != c.enc {
			t.Errorf("%s: text %q (%s), want %q (%s)", c.name, x.Text, x.Encoding, c.want, c.enc)
		}
	}
	doc := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>各学段学校数</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>学段</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>学校数</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>小学</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>58</w:t></w:r><w:r><w:t>所</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>以上为2021年数据。</w:t></w:r></w:p></w:body></w:document>`
	text, err := docxText([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if want := "各学段学校数\n\n学段\t学校数\n小学\t58所\n\n以上为2021年数据。\n"; text != want {
		t.Errorf("docx table: %q, want %q", text, want)
	}
}

// A page laid out in a table (old government sites) keeps its paragraphs;
// a Word-made table with one paragraph a cell keeps its rows.
func TestHTMLLayoutTables(t *testing.T) {
	cases := []struct{ name, page, want string }{
		{"layout", `<table><tr><td>首页</td><td>新闻</td></tr><tr><td><p>某县教育工作报告</p><p>全县小学58所。</p><p>初中12所。</p></td></tr></table>`,
			"首页\t新闻\n\n某县教育工作报告\n\n全县小学58所。\n\n初中12所。\n"},
		{"word data table", `<table><tr><td><p class=MsoNormal>学段</p></td><td><p class=MsoNormal>学校数</p></td></tr><tr><td><p>小学</p></td><td><p>58所</p></td></tr></table>`,
			"学段\t学校数\n小学\t58所\n"},
	}
	for _, c := range cases {
		x, err := Extract(c.name+".html", []byte(`<meta charset="utf-8">`+c.page), "")
		if err != nil {
			t.Fatal(err)
		}
		if x.Text != c.want {
			t.Errorf("%s: %q, want %q", c.name, x.Text, c.want)
		}
	}
}

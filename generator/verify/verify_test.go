package verify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const host = "https://example.org"

// pageHTML is a minimal page that passes every check, at path (e.g.
// "zh-hans/a/") with its twin at the same path in the other script.
func pageHTML(lang, path, body string) string {
	other := "zh-hant"
	if lang == "zh-hant" {
		other = "zh-hans"
	}
	return `<!doctype html><html lang=` + lang + `><head><meta charset=utf-8><title>T</title>
<meta name=description content=D><link rel=canonical href=` + host + "/" + lang + "/" + path + `>
<link rel=alternate hreflang=` + locale(other) + ` href=` + host + "/" + other + "/" + path + `>
<link rel=stylesheet href=/css/site.css></head><body>
<a href=/` + other + "/" + path + `>twin</a><p id=p1>text</p>` + body + `</body></html>`
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for rel, content := range files {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func good() map[string]string {
	return map[string]string{
		"css/site.css":         "body{}",
		"zh-hans/index.html":   pageHTML("zh-hans", "", ""),
		"zh-hant/index.html":   pageHTML("zh-hant", "", ""),
		"zh-hans/a/index.html": pageHTML("zh-hans", "a/", `<a href="/zh-hans/#p1">home</a>`),
		"zh-hant/a/index.html": pageHTML("zh-hant", "a/", `<a href="../#p1">home</a>`),
		"index.html":           `<!doctype html><html lang=zh><title>x</title><meta name=description content=x><a href=/zh-hans/>简</a>`,
	}
}

func TestCheckPassesAGoodSite(t *testing.T) {
	if err := Check(writeSite(t, good())); err != nil {
		t.Fatal(err)
	}
	// The edit log quotes the report as received; that is not page text.
	m := good()
	m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<details data-verbatim><table><tr><td>引領(lǐng)未來</td></table></details>`)
	if err := Check(writeSite(t, m)); err != nil {
		t.Fatal(err)
	}
}

// Each kind of fault is found and named with its page.
func TestCheckFindsFaults(t *testing.T) {
	cases := []struct {
		name string
		edit func(m map[string]string)
		want string
	}{
		{"broken link", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<a href="/zh-hans/missing/">x</a>`)
		}, `zh-hans/a/index.html: <a> "/zh-hans/missing/": no such file`},
		{"broken anchor", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<a href="/zh-hans/#p404">x</a>`)
		}, `no element with id "p404"`},
		{"missing twin", func(m map[string]string) {
			m["zh-hans/b/index.html"] = pageHTML("zh-hans", "b/", "")
		}, "zh-hans/b/index.html: no twin page zh-hant/b/index.html"},
		{"twin not linked", func(m map[string]string) {
			m["zh-hant/a/index.html"] = strings.Replace(pageHTML("zh-hant", "a/", ""), "<a href=/zh-hans/a/>twin</a>", "", 1)
		}, "zh-hant/a/index.html: does not link its twin"},
		{"external script", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<script src="https://cdn.example.com/x.js"></script>`)
		}, `<script> loads "https://cdn.example.com/x.js" from another host`},
		{"external font in style", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<div style="background:url(https://fonts.example.com/f.woff)"></div>`)
		}, "from another host"},
		{"external image", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<img alt=x src="//img.example.com/a.png">`)
		}, "from another host"},
		{"unclosed element", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<div><span>x</div>`)
		}, "HTML: <span> closed by </div>"},
		{"duplicate id", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<p id=p1>again</p>`)
		}, `duplicate id "p1"`},
		{"pinyin annotation", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<p>引領(lǐng)未來</p>`)
		}, "pinyin annotation in the text"},
		{"pinyin outside the verbatim edit log", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<details data-verbatim><p>引領(lǐng)未來</p></details><p>學(xué)</p>`)
		}, `pinyin annotation in the text: "學(xué)"`},
		{"replacement character", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", "<p>學\uFFFD能力</p>")
		}, "U+FFFD"},
		{"no title", func(m map[string]string) {
			m["zh-hans/a/index.html"] = strings.Replace(pageHTML("zh-hans", "a/", ""), "<title>T</title>", "", 1)
		}, "no <title>"},
		{"image without alt", func(m map[string]string) {
			m["zh-hans/a/index.html"] = pageHTML("zh-hans", "a/", `<img src="/x.png">`)
			m["x.png"] = "png"
		}, `<img src="/x.png"> has no alt text`},
		{"place-year page over budget", func(m map[string]string) {
			big := pageHTML("zh-hans", "places/p/2020/", "<p>"+strings.Repeat("字", PlaceYearPageBudget/3)+"</p>")
			m["zh-hans/places/p/2020/index.html"] = big
			m["zh-hant/places/p/2020/index.html"] = pageHTML("zh-hant", "places/p/2020/", "")
		}, "zh-hans/places/p/2020/index.html: place-year page is"},
		{"CSS over budget", func(m map[string]string) {
			m["css/more.css"] = strings.Repeat("a{}", CSSBudget/3+1)
		}, "CSS: "},
		{"JS over budget", func(m map[string]string) {
			m["js/app.js"] = strings.Repeat(";", JSBudget+1)
			m["pagefind/pagefind.js"] = strings.Repeat(";", 100000) // not ours: not counted
		}, "JS: 5121 bytes in all (js/app.js)"},
		{"no home", func(m map[string]string) {
			delete(m, "zh-hant/index.html")
		}, "zh-hant/index.html: missing home page"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := good()
			c.edit(m)
			err := Check(writeSite(t, m))
			if err == nil {
				t.Fatal("no problem found")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("problems:\n%s\ndo not include %q", err, c.want)
			}
		})
	}
}

// Real parentheses are not pinyin annotations.
func TestPinyinPatternSparesRealParentheses(t *testing.T) {
	for _, s := range []string{"县(市、区)", "(X〔2022〕X号)", "(试行)", "(一)", "(2019)", "(三点半课堂)", "APP(app)", "政府和社会资本合作(PPP)", "学校 (A)", "附件 (abc)", "标准(GB)"} {
		if findPinyin(s) != "" {
			t.Errorf("%q taken for a pinyin annotation", s)
		}
	}
}

func locale(script string) string { return scriptLocales[script] }

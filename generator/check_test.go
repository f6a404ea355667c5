package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/site"
	"github.com/eduportal/portal/generator/verify"
)

// `generator check` finds each of these when it is planted in a page of a
// real built site: things loaded from or sent to another host, script or
// style the page would run inline, pinyin annotations in every shape a
// page can carry them, and a wrong hreflang. The site as built passes.
func TestCheckFindsWhatIsPlantedInABuiltSite(t *testing.T) {
	root := copyTree(t)
	addRaw(t, root, "plain", "2021年XX市教育工作报告\n全市共有幼儿园58所。\n")
	if err := generate(root, generateOptions{}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(root, "public")
	if err := site.Build(site.Options{Root: root}, public, nil); err != nil {
		t.Fatal(err)
	}
	if err := verify.Check(public); err != nil {
		t.Fatalf("the site as built fails: %v", err)
	}
	pages, _ := filepath.Glob(filepath.Join(public, "zh-hans", "sources", "*", "index.html"))
	if len(pages) == 0 {
		t.Fatal("no report page in the built site")
	}
	page := pages[0]
	original := readFile(t, page)
	inBody := func(snippet string) func(string) string {
		return func(html string) string { return strings.Replace(html, "</main>", snippet+"</main>", 1) }
	}
	title := regexp.MustCompile(`<title>[^<]*</title>`)
	cases := []struct {
		name  string
		plant func(string) string
		want  string
	}{
		{"video poster", inBody(`<video poster="https://evil.example/p.jpg"></video>`), `<video> loads "https://evil.example/p.jpg" from another host`},
		{"SVG image href", inBody(`<svg><image href="https://evil.example/i.png"/></svg>`), `<image> loads "https://evil.example/i.png"`},
		{"SVG image xlink:href", inBody(`<svg><image xlink:href="https://evil.example/x.png"/></svg>`), `<image> loads "https://evil.example/x.png"`},
		{"preconnect", inBody(`<link rel=preconnect href="https://evil.example/">`), `<link> loads "https://evil.example/"`},
		{"dns-prefetch", inBody(`<link rel=dns-prefetch href="//evil.example">`), `<link> loads "//evil.example"`},
		{"meta refresh", inBody(`<meta http-equiv=refresh content="0; url=https://evil.example/">`), `<meta refresh> loads "https://evil.example/"`},
		{"style element url()", inBody(`<style>body{background:url(https://evil.example/b.png)}</style>`), `<style> loads "https://evil.example/b.png"`},
		{"style element @import", inBody(`<style>@import "https://evil.example/s.css";</style>`), `<style> loads "https://evil.example/s.css"`},
		{"style element itself", inBody(`<style>p{color:red}</style>`), "inline <style> element"},
		{"form action", inBody(`<form action="https://evil.example/collect"><input name=q></form>`), `<form> loads "https://evil.example/collect"`},
		{"base href", inBody(`<base href="https://evil.example/">`), `<base> loads "https://evil.example/"`},
		{"inline script", inBody(`<script>alert(1)</script>`), "inline <script>"},
		{"event handler", inBody(`<p onclick="alert(1)">x</p>`), "<p onclick=…> event handler"},
		{"style attribute", inBody(`<p style="color:red">x</p>`), "style attribute"},
		{"javascript: link", inBody(`<a href="javascript:alert(1)">x</a>`), `script URL`},
		{"javascript: with spaces", inBody(`<a href=" java&#9;script:alert(1)">x</a>`), `script URL`},
		{"pinyin after a space", inBody(`<p>引領 (lǐng)未來</p>`), `pinyin annotation in the text: "領 (lǐng)"`},
		{"pinyin in capitals", inBody(`<p>引領(LǏNG)未來</p>`), `pinyin annotation in the text: "領(LǏNG)"`},
		{"pinyin in another element", inBody(`<p>引領<span>(lǐng)</span>未來</p>`), "pinyin annotation in the text"},
		{"pinyin in an attribute", inBody(`<abbr title="引領(lǐng)">x</abbr>`), `pinyin annotation in an attribute: "領(lǐng)"`},
		{"pinyin in the title", func(h string) string { return title.ReplaceAllString(h, "<title>引領(lǐng)未來</title>") }, `pinyin annotation in the text: "領(lǐng)"`},
		{"wrong hreflang", func(h string) string { return strings.Replace(h, "hreflang=zh-Hant", "hreflang=zh-TW", 1) }, `hreflang "zh-TW"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			planted := c.plant(original)
			if planted == original {
				t.Fatal("nothing planted")
			}
			if err := os.WriteFile(page, []byte(planted), 0o644); err != nil {
				t.Fatal(err)
			}
			defer os.WriteFile(page, []byte(original), 0o644)
			err := verify.Check(public)
			if err == nil {
				t.Fatal("check passed")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("problems:\n%s\ndo not include %q", err, c.want)
			}
		})
	}
	// A style sheet loading from another host.
	css, _ := filepath.Glob(filepath.Join(public, "css", "*.css"))
	if len(css) == 0 {
		t.Fatal("no style sheet")
	}
	sheet := readFile(t, css[0])
	os.WriteFile(css[0], []byte(sheet+`@import url("https://evil.example/x.css");`), 0o644)
	defer os.WriteFile(css[0], []byte(sheet), 0o644)
	if err := verify.Check(public); err == nil || !strings.Contains(err.Error(), `CSS loads "https://evil.example/x.css"`) {
		t.Errorf("a style sheet importing from another host: %v", err)
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/site"
	"github.com/eduportal/portal/generator/verify"
)

// add refuses what is not a report with one error naming the file, and
// leaves nothing behind.
func TestAddRefusesWhatIsNotAReport(t *testing.T) {
	root := copyTree(t)
	os.MkdirAll(filepath.Join(root, "data", "sources"), 0o755)
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		return p
	}
	link := filepath.Join(dir, "passwd.txt")
	os.Symlink("/etc/passwd", link)
	cases := []struct{ path, want string }{
		{write("original.js", "document.title='教育'"), "not accepted"},
		{write("empty.txt", ""), "empty"},
		{write("blob.txt", "\x00\x01\x02教育"), "binary"},
		{write("scan.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"), "PDF"},
		{link, "symbolic link"},
		{dir, "directory"},
	}
	for _, c := range cases {
		_, _, err := addReport(root, c.path, "refused-report")
		if err == nil || !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("add %s: %v; want an error naming the file and saying %q", c.path, err, c.want)
		}
		if _, err := os.Stat(filepath.Join(root, "data", "sources", "refused-report")); err == nil {
			t.Fatalf("add %s left a report folder behind", c.path)
		}
	}
}

// --id given twice is a mistake to report, not one to settle by taking
// the last.
func TestAddIDTwice(t *testing.T) {
	err := runAdd([]string{"report.txt", "--id", "a", "--id", "b"})
	if err == nil || !strings.Contains(err.Error(), "given twice") {
		t.Errorf("add --id a --id b: %v", err)
	}
}

// A saved web page is added as it arrived, its draft read from the page
// (headline, stamp, canonical URL), and the report builds; what could not
// be told is marked, not guessed.
func TestAddSavedWebPage(t *testing.T) {
	root := copyTree(t)
	os.MkdirAll(filepath.Join(root, "data", "sources"), 0o755)
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县学前教育普及普惠_某某新闻网</title>
<link rel="canonical" href="https://news.example.cn/2022/0305/1.html"><script>alert(1)</script></head><body>
<nav><a href="/">首页</a> &gt; <a href="/edu/">教育</a> &gt; 正文</nav>
<h1>平舆县学前教育普及普惠再上新台阶</h1>
<div class="info">来源：驻马店日报　发布时间：2022-03-05 09:30</div>
<p>记者从平舆县教育局获悉，2021年，全县新建公办幼儿园12所，新增学位3600个，学前三年毛入园率达到92.5%。</p>
<p>去年以来，平舆县持续加大投入，普惠性幼儿园覆盖率提高到88%。</p>
</body></html>`
	file := filepath.Join(t.TempDir(), "page.html")
	os.WriteFile(file, []byte(page), 0o644)
	dir, d, err := addReport(root, file, "pingyu-2021-preschool-news")
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(dir, "original.html")); got != page {
		t.Error("original bytes changed")
	}
	meta := readFile(t, filepath.Join(dir, "meta.yaml"))
	for _, want := range []string{
		`title: "平舆县学前教育普及普惠再上新台阶"`, `published: "2022-03-05"`, "covers_year: 2021",
		`places: ["河南省", "驻马店市", "平舆县"]`, `url: "https://news.example.cn/2022/0305/1.html"`,
		`publisher: "驻马店日报"`, "kind: news", "# could not tell: no reporter or speaker",
	} {
		if !strings.Contains(meta, want) {
			t.Errorf("draft lacks %q:\n%s", want, meta)
		}
	}
	if d.Format != "html" {
		t.Errorf("format %q", d.Format)
	}
	if err := generate(root, generateOptions{noCache: true}); err != nil {
		t.Fatalf("the draft does not build: %v", err)
	}
	rec := readFile(t, filepath.Join(root, "content", "zh-hans", "sources", "pingyu-2021-preschool-news.md"))
	if !strings.Contains(rec, `"extraction": "html: `) || !strings.Contains(rec, `"original": "/originals/pingyu-2021-preschool-news/original.html"`) {
		t.Errorf("the report record does not say the original is a web page:\n%.600s", rec)
	}
	if strings.Contains(rec, "alert(1)") {
		t.Error("the page's script reached the report")
	}
}

// A saved web page's original is published as a file, not as a page of
// the site: the build and its checks pass with one among the reports, and
// the copy under /originals/ is the bytes as received.
func TestBuildWithWebPageOriginal(t *testing.T) {
	root := copyTree(t)
	os.MkdirAll(filepath.Join(root, "data", "sources"), 0o755)
	page := `<!DOCTYPE html><html><head><title>平舆县学前教育普及普惠再上新台阶</title><script src="original.js"></script>
<link rel="stylesheet" href="https://cdn.example.com/x.css"></head><body><h1>平舆县学前教育普及普惠再上新台阶</h1>
<p>发布时间：2022-03-05 09:30</p><p>2021年，平舆县新建公办幼儿园12所，新增学位3600个。</p><a href="javascript:alert(1)">分享</a></body></html>`
	file := filepath.Join(t.TempDir(), "page.html")
	os.WriteFile(file, []byte(page), 0o644)
	if _, _, err := addReport(root, file, "pingyu-2021-preschool-page"); err != nil {
		t.Fatal(err)
	}
	if err := generate(root, generateOptions{noCache: true}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(root, "public")
	if err := site.Build(site.Options{Root: root}, public, verify.Check); err != nil {
		t.Fatalf("the build or its checks failed with a web page among the originals: %v", err)
	}
	if got := readFile(t, filepath.Join(public, "originals", "pingyu-2021-preschool-page", "original.html")); got != page {
		t.Error("the published original is not the bytes as received")
	}
}

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/site"
	"github.com/eduportal/portal/generator/verify"
)

// copyTree copies the parts of the repository a build reads into a
// temporary root, so tests can add reports or break templates freely.
func copyTree(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	if err := copySiteInputs(src, dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

func addRaw(t *testing.T, root, id, text string) {
	t.Helper()
	os.MkdirAll(filepath.Join(root, "data", "sources"), 0o755)
	dir := filepath.Join(root, "data", "sources", id)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(text))
	meta := "id: " + id + "\ntitle: 恶意输入测试\nkind: other\nscript: hans\nsha256: " + hex.EncodeToString(sum[:]) + "\n"
	os.WriteFile(filepath.Join(dir, "meta.yaml"), []byte(meta), 0o644)
	os.WriteFile(filepath.Join(dir, "original.txt"), []byte(text), 0o644)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A report full of markup builds into pages where all of it is text, the
// built site passes its checks, and then a broken template and a site that
// fails its checks both leave that public/ exactly as it was.
func TestBuildEndToEnd(t *testing.T) {
	root := copyTree(t)
	addRaw(t, root, "hostile", "恶意输入测试\n<script>alert(1)</script> 与 {{< shortcode >}} 与 [链接](http://example.com)\n# 不是标题\n")
	if err := generate(root, generateOptions{noCache: true}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(root, "public")
	if err := site.Build(site.Options{Root: root}, public, verify.Check); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh-hans", "zh-hant"} {
		doc, err := html.Parse(strings.NewReader(readFile(t, filepath.Join(public, lang, "sources", "hostile", "index.html"))))
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		var walk func(n *html.Node, inText bool)
		walk = func(n *html.Node, inText bool) {
			if n.Type == html.ElementNode && attrOf(n, "class") == "text" {
				inText = true
			}
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script":
					// Ours: the site's script, and the page's JSON-LD,
					// whose report text must stay inside its JSON strings.
					if attrOf(n, "type") == "application/ld+json" {
						if c := n.FirstChild; c == nil || strings.ContainsAny(c.Data, "<>") || !json.Valid([]byte(c.Data)) {
							t.Errorf("%s: JSON-LD that is not plain JSON", lang)
						}
					} else if !strings.HasPrefix(attrOf(n, "src"), "/js/site.min.") {
						t.Errorf("%s: a <script> element from report text", lang)
					}
				case "a":
					if strings.Contains(attrOf(n, "href"), "example.com") {
						t.Errorf("%s: a link from report text", lang)
					}
				}
			}
			if n.Type == html.TextNode {
				text.WriteString(n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, inText)
			}
		}
		walk(doc, false)
		wants := []string{"<script>alert(1)</script> 与 {{< shortcode >}} 与 [链接](http://example.com)", "# 不是标题"}
		if lang == "zh-hant" {
			wants = []string{"<script>alert(1)</script> 與 {{< shortcode >}} 與 [鏈接](http://example.com)", "# 不是標題"}
		}
		for _, want := range wants {
			if !strings.Contains(text.String(), want) {
				t.Errorf("%s: text %q not shown as text", lang, want)
			}
		}
	}
	before := snapshot(t, public)

	// A template error: Hugo fails, public/ is untouched.
	os.WriteFile(filepath.Join(root, "layouts", "page.html"), []byte(`{{ define "main" }}{{ errorf "page %s cannot be drawn" .Title }}{{ .Nonsense.Call }}{{ end }}`), 0o644)
	err := site.Build(site.Options{Root: root}, public, verify.Check)
	if err == nil {
		t.Fatal("a broken template built")
	}
	// Hugo's own messages reach the error: the template, its line, what,
	// and what it only logged (errorf).
	for _, want := range []string{"page.html:1", "Nonsense", "cannot be drawn"} {
		if msg := err.Error(); !strings.Contains(msg, want) {
			t.Errorf("the error does not say %q:\n%s", want, msg)
		}
	}
	if after := snapshot(t, public); after != before {
		t.Error("a failed Hugo build changed public/")
	}

	// A site that fails its checks (a page without its twin) is not swapped in.
	os.WriteFile(filepath.Join(root, "layouts", "page.html"), readFileBytes(t, filepath.Join("..", "layouts", "page.html")), 0o644)
	os.Remove(filepath.Join(root, "content", "zh-hant", "sources", "hostile.md"))
	err = site.Build(site.Options{Root: root}, public, verify.Check)
	if err == nil || !strings.Contains(err.Error(), "no twin page") {
		t.Fatalf("want a twin failure, got %v", err)
	}
	if after := snapshot(t, public); after != before {
		t.Error("a site that failed its checks replaced public/")
	}
	if m, _ := filepath.Glob(filepath.Join(root, ".public-new-*")); len(m) > 0 {
		t.Errorf("temporary build folders left behind: %v", m)
	}
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func readFileBytes(t *testing.T, path string) []byte { return []byte(readFile(t, path)) }

// snapshot summarises a folder's files and contents.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		h.Write([]byte(path))
		h.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestAddReport(t *testing.T) {
	root := copyTree(t)
	file := filepath.Join(t.TempDir(), "report.txt")
	text := "2021年XX市履行教育职责自查自评报告\n一、基本情况\n全市共有幼儿园58所。\n"
	os.WriteFile(file, []byte(text), 0o644)
	os.MkdirAll(filepath.Join(root, "data", "sources"), 0o755)

	if _, _, err := addReport(root, file, "Bad Id"); err == nil || !strings.Contains(err.Error(), "slug") {
		t.Errorf("bad id accepted: %v", err)
	}
	dir, _, err := addReport(root, file, "xx-2021-self-evaluation")
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(dir, "original.txt")); got != text {
		t.Error("original bytes changed")
	}
	meta := readFile(t, filepath.Join(dir, "meta.yaml"))
	for _, want := range []string{"id: xx-2021-self-evaluation", "kind: self-evaluation", "covers_year: 2021", "encoding: utf-8", `title: "2021年XX市履行教育职责自查自评报告"`} {
		if !strings.Contains(meta, want) {
			t.Errorf("draft meta.yaml lacks %q:\n%s", want, meta)
		}
	}
	if _, _, err := addReport(root, file, "xx-2021-self-evaluation"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("existing id accepted: %v", err)
	}
	// The draft is a valid report: the pipeline takes it as it is.
	if err := generate(root, generateOptions{noCache: true}); err != nil {
		t.Fatalf("the draft does not build: %v", err)
	}
}

// A second run takes every report from the cache and writes exactly the
// same files; changing one report's bytes re-runs that report only.
func TestCacheGivesIdenticalOutput(t *testing.T) {
	root := copyTree(t)
	addRaw(t, root, "a-report", "2020年XX市教育工作报告\n全市新增学位1920个，普惠性幼儿园覆盖率达到86%。\n")
	addRaw(t, root, "b-report", "2021年XX县教育工作报告\n全县招聘教师120名。\n")
	if err := generate(root, generateOptions{}); err != nil {
		t.Fatal(err)
	}
	first := snapshot(t, filepath.Join(root, "content")) + snapshot(t, filepath.Join(root, "data", "generated"))
	env, err := pipeline.LoadEnv(root)
	if err != nil {
		t.Fatal(err)
	}
	env.Cache = &pipeline.Cache{Dir: filepath.Join(root, ".cache", "pipeline")}
	if _, err := pipeline.Run(env); err != nil {
		t.Fatal(err)
	}
	if hits := env.Timings.Hits(); hits != 2 {
		t.Errorf("second run: %d reports from the cache, want 2", hits)
	}
	if err := generate(root, generateOptions{}); err != nil {
		t.Fatal(err)
	}
	if again := snapshot(t, filepath.Join(root, "content")) + snapshot(t, filepath.Join(root, "data", "generated")); again != first {
		t.Error("output from the cache differs from a build without it")
	}

	addRaw(t, root, "b-report", "2021年XX县教育工作报告\n全县招聘教师130名。\n")
	env.Timings = pipeline.NewTimings()
	reports, err := pipeline.Run(env)
	if err != nil {
		t.Fatal(err)
	}
	if hits := env.Timings.Hits(); hits != 1 {
		t.Errorf("after changing one report: %d from the cache, want 1", hits)
	}
	if got := reports[1].Figures; len(got) != 1 || got[0].Value != "130" {
		t.Errorf("the changed report was not processed again: %+v", got)
	}
}

// `build --public` with the checkout, one of its source folders or a
// foreign folder as the target fails before building and deletes nothing;
// the default target builds, and builds again over its own output.
func TestBuildRefusesDangerousPublic(t *testing.T) {
	root := copyTree(t)
	for rel, text := range map[string]string{".git/HEAD": "ref: refs/heads/main\n", "notes/mine.txt": "mine"} {
		os.MkdirAll(filepath.Dir(filepath.Join(root, rel)), 0o755)
		os.WriteFile(filepath.Join(root, rel), []byte(text), 0o644)
	}
	t.Chdir(root)
	before := snapshot(t, root)
	for _, target := range []string{".", "..", "data", "data/sources", ".git", "generator", "layouts", "notes", "hugo.toml", root} {
		err := runBuild([]string{"--public", target})
		if err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("build --public %s: %v, want a refusal", target, err)
		}
	}
	if after := snapshot(t, root); after != before {
		t.Error("a refused build changed the checkout")
	}
	for i := 0; i < 2; i++ {
		if err := runBuild([]string{"--public", "public"}); err != nil {
			t.Fatalf("build %d into public/: %v", i+1, err)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "public", site.Marker)); err != nil {
		t.Errorf("the built site has no marker: %v", err)
	}
}

// The pipeline cache keeps one entry per report of the last build: the
// entries of changed or removed reports go.
func TestCacheIsPruned(t *testing.T) {
	root := copyTree(t)
	addRaw(t, root, "a-report", "2020年XX市教育工作报告\n全市新增学位1920个。\n")
	addRaw(t, root, "b-report", "2021年XX县教育工作报告\n全县招聘教师120名。\n")
	entries := func() int {
		n := 0
		filepath.WalkDir(filepath.Join(root, ".cache", "pipeline"), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return nil
		})
		return n
	}
	if err := generate(root, generateOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := entries(); n != 2 {
		t.Fatalf("%d cache entries after the first build, want 2", n)
	}
	addRaw(t, root, "b-report", "2021年XX县教育工作报告\n全县招聘教师130名。\n")
	os.RemoveAll(filepath.Join(root, "data", "sources", "a-report"))
	if err := generate(root, generateOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := entries(); n != 1 {
		t.Errorf("%d cache entries after changing one report and removing the other, want 1", n)
	}
}

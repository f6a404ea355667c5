package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A citation's version resolves: built as Netlify builds a deploy, every
// citation's version links to the deploy's permanent address of the page
// it is on (of the figure, for a figure's citation; of the file, for a
// download's), and the citation names that address. Built outside Netlify,
// the version links to the repository at the commit.
func TestCitationVersionLinks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator and a site")
	}
	root := copyTree(t)
	// One of the repository's own reports, with figures on a place-year page.
	const id = "liaocheng-2020-evaluation-news"
	if err := os.CopyFS(filepath.Join(root, "data", "sources", id), os.DirFS(filepath.Join("..", "data", "sources", id))); err != nil {
		t.Fatal(err)
	}
	// Hugo ignores the environment when it runs inside a test binary, and
	// the environment is how a deploy's version reaches it: so the
	// generator is built and run as Netlify runs it.
	bin := filepath.Join(t.TempDir(), "generator")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const commit = "0123456789abcdef0123456789abcdef01234567"
	const deploy = "https://6790abcdef--eduportal.netlify.app"
	pages := []string{
		"zh-hans/places/shandong/liaocheng/2020/index.html",
		"zh-hant/sources/liaocheng-2020-evaluation-news/index.html",
		"zh-hans/data/index.html",
	}
	href := regexp.MustCompile(`<a class=version href=([^ >]+)`)
	for _, c := range []struct {
		name string
		env  []string
		want func(page, anchor string) string
	}{
		{"netlify", []string{"COMMIT_REF=" + commit, "DEPLOY_URL=" + deploy},
			func(page, anchor string) string { return deploy + page + anchor }},
		{"elsewhere", []string{"COMMIT_REF=" + commit, "DEPLOY_URL="},
			func(string, string) string { return "https://github.com/eduportal/portal/tree/" + commit }},
	} {
		dest := filepath.Join(t.TempDir(), "public")
		cmd := exec.Command(bin, "build", "--no-cache", "--public", dest)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), c.env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
		for _, p := range pages {
			html := readFile(t, filepath.Join(dest, p))
			rel := "/" + strings.TrimSuffix(p, "index.html")
			links := href.FindAllStringSubmatch(html, -1)
			if len(links) == 0 {
				t.Errorf("%s %s: no version link", c.name, p)
			}
			for _, m := range links {
				got := strings.Trim(m[1], `"`)
				if c.name == "netlify" && strings.HasPrefix(got, deploy+"/data/") {
					continue // a download's version is the file's, checked below
				}
				anchor := ""
				if i := strings.Index(got, "#"); i >= 0 && c.name == "netlify" {
					anchor = got[i:]
				}
				if want := c.want(rel, anchor); got != want {
					t.Errorf("%s %s: version link %s, want %s", c.name, p, got, want)
				}
			}
			if c.name == "netlify" && !strings.Contains(html, deploy+rel) {
				t.Errorf("%s: the citation does not name the deploy's address %s", p, deploy+rel)
			}
		}
		if c.name == "netlify" {
			data := readFile(t, filepath.Join(dest, "zh-hans/data/index.html"))
			if !strings.Contains(data, "href="+deploy+"/data/observations.csv") {
				t.Error("the citation of observations.csv does not link its version of the file")
			}
			report := readFile(t, filepath.Join(dest, "zh-hant/sources/liaocheng-2020-evaluation-news/index.html"))
			if !strings.Contains(report, "href="+deploy+"/zh-hant/sources/liaocheng-2020-evaluation-news/#f-p") {
				t.Error("a figure's citation does not link its version of the figure")
			}
		}
	}
}

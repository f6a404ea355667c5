// Package verify checks a built site the way a reader and a link checker
// would meet it: every page parses, every internal link and anchor
// resolves, every page has its twin in the other script, nothing is loaded
// from another host, and no trace of mirror damage reached the text.
package verify

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/eduportal/portal/generator/internal/parallel"
)

// Scripts are the two language trees every page must exist in.
var Scripts = [2]string{"zh-hans", "zh-hant"}

// Check verifies the site built in dir. The error lists every problem, one
// per line, each naming the page.
func Check(dir string) error {
	site, err := load(dir)
	if err != nil {
		return err
	}
	// Pages are checked on every core, each into its own list: the checks
	// only read the loaded site, and the problems are sorted at the end.
	perPage := make([][]string, len(site.order))
	parallel.For(len(site.order), func(i int) {
		rel := site.order[i]
		p := site.pages[rel]
		add := func(page, format string, args ...any) {
			perPage[i] = append(perPage[i], page+": "+fmt.Sprintf(format, args...))
		}
		for _, e := range p.parseErrs {
			add(rel, "HTML: %s", e)
		}
		site.checkHead(rel, p, add)
		site.checkLinks(rel, p, add)
		site.checkTwin(rel, p, add)
		checkText(rel, p, add)
		checkImages(rel, p, add)
	})
	var problems []string
	for _, ps := range perPage {
		problems = append(problems, ps...)
	}
	add := func(page, format string, args ...any) {
		problems = append(problems, page+": "+fmt.Sprintf(format, args...))
	}
	site.checkBudgets(add)
	for _, s := range Scripts {
		if _, ok := site.pages[s+"/index.html"]; !ok {
			add(s+"/index.html", "missing home page")
		}
	}
	if len(site.pages) == 0 {
		add(dir, "no HTML pages")
	}
	if len(problems) == 0 {
		return nil
	}
	sort.Strings(problems)
	return errors.New(strings.Join(problems, "\n"))
}

type siteFiles struct {
	dir   string
	host  string           // the site's own host, from the pages' canonical links
	pages map[string]*page // by path relative to dir, slash-separated
	order []string
	files map[string]bool // every file, slash-separated
}

func load(dir string) (*siteFiles, error) {
	s := &siteFiles{dir: dir, pages: map[string]*page{}, files: map[string]bool{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		s.files[rel] = true
		// A report's original (a saved web page among them) is a file the
		// site serves inert as a download, not a page of the site.
		if strings.HasSuffix(rel, ".html") && !strings.HasPrefix(rel, "originals/") {
			s.order = append(s.order, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the built site: %w", err)
	}
	sort.Strings(s.order)
	// Pages are read and parsed on every core.
	parsed := make([]*page, len(s.order))
	errs := make([]error, len(s.order))
	parallel.For(len(s.order), func(i int) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(s.order[i])))
		if err != nil {
			errs[i] = err
			return
		}
		parsed[i] = parsePage(b)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("reading the built site: %w", err)
	}
	for i, rel := range s.order {
		s.pages[rel] = parsed[i]
	}
	hosts := map[string]int{}
	for _, p := range s.pages {
		if u, err := url.Parse(p.canonical); err == nil && u.Host != "" {
			hosts[u.Host]++
		}
	}
	for h, n := range hosts {
		if n > hosts[s.host] || (n == hosts[s.host] && h < s.host) {
			s.host = h
		}
	}
	return s, nil
}

// isRedirect reports whether a page is one of Hugo's alias redirects, which
// have no content of their own to check.
func (p *page) isRedirect() bool { return p.refresh }

func (s *siteFiles) checkHead(rel string, p *page, add func(string, string, ...any)) {
	if p.isRedirect() {
		return
	}
	if p.lang == "" {
		add(rel, "<html> has no lang")
	}
	if strings.TrimSpace(p.title) == "" {
		add(rel, "no <title>")
	}
	if strings.TrimSpace(p.description) == "" {
		add(rel, "no meta description")
	}
	if p.canonical == "" && !isStandalone(rel) {
		add(rel, "no canonical link")
	}
}

// isStandalone: pages outside the two script trees (the root chooser, the
// root 404) are not part of a twin pair.
func isStandalone(rel string) bool {
	return !strings.HasPrefix(rel, Scripts[0]+"/") && !strings.HasPrefix(rel, Scripts[1]+"/")
}

func (s *siteFiles) checkLinks(rel string, p *page, add func(string, string, ...any)) {
	for _, l := range p.links {
		u, err := url.Parse(l.url)
		if err != nil {
			add(rel, "<%s> bad URL %q", l.tag, l.url)
			continue
		}
		external := u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" || (u.Host != "" && u.Host != s.host)
		if u.Scheme == "mailto" || u.Scheme == "tel" || u.Scheme == "data" {
			continue
		}
		if external {
			if l.loads {
				add(rel, "<%s> loads %q from another host", l.tag, l.url)
			}
			continue
		}
		target := u.Path
		if target == "" {
			target = "/" + rel
		} else if !strings.HasPrefix(target, "/") {
			target = path.Join("/"+path.Dir(rel), target)
			if strings.HasSuffix(u.Path, "/") {
				target += "/"
			}
		}
		file := strings.TrimPrefix(target, "/")
		if file == "" || strings.HasSuffix(file, "/") {
			file += "index.html"
		}
		if !s.files[file] {
			if s.files[file+"/index.html"] {
				file += "/index.html"
			} else {
				add(rel, "<%s> %q: no such file %s", l.tag, l.url, file)
				continue
			}
		}
		if u.Fragment != "" {
			tp, ok := s.pages[file]
			if !ok || !tp.ids[u.Fragment] {
				add(rel, "<%s> %q: no element with id %q in %s", l.tag, l.url, u.Fragment, file)
			}
		}
	}
}

// checkTwin: a page under zh-hans/ has its twin at the same path under
// zh-hant/ and the two link each other.
func (s *siteFiles) checkTwin(rel string, p *page, add func(string, string, ...any)) {
	if isStandalone(rel) || p.isRedirect() {
		return
	}
	script, rest, _ := strings.Cut(rel, "/")
	other := Scripts[0]
	if script == Scripts[0] {
		other = Scripts[1]
	}
	twin := other + "/" + rest
	if _, ok := s.pages[twin]; !ok {
		add(rel, "no twin page %s", twin)
		return
	}
	want := "/" + strings.TrimSuffix(twin, "index.html")
	linked := false
	for _, l := range p.links {
		if u, err := url.Parse(l.url); err == nil && (u.Path == want || u.Path == "/"+twin) && l.tag == "a" {
			linked = true
		}
	}
	if !linked {
		add(rel, "does not link its twin %s", want)
	}
	hreflang := false
	for _, h := range p.hreflang {
		if u, err := url.Parse(h); err == nil && u.Path == want {
			hreflang = true
		}
	}
	if !hreflang {
		add(rel, "no hreflang alternate for its twin %s", want)
	}
}

// pinyinAnnotation is what mirror sites add after characters: 領(lǐng).
var pinyinAnnotation = regexp.MustCompile(`\p{Han}[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+[)）]`)

func checkText(rel string, p *page, add func(string, string, ...any)) {
	if m := pinyinAnnotation.FindString(p.text); m != "" {
		add(rel, "pinyin annotation in the text: %q", m)
	}
	if i := strings.IndexRune(p.text, '\uFFFD'); i >= 0 {
		add(rel, "replacement character U+FFFD in the text near %q", excerpt(p.text, i))
	}
}

func excerpt(s string, i int) string {
	lo, hi := max(0, i-30), min(len(s), i+30)
	for lo > 0 && !isBoundary(s, lo) {
		lo--
	}
	for hi < len(s) && !isBoundary(s, hi) {
		hi++
	}
	return s[lo:hi]
}

func isBoundary(s string, i int) bool { return s[i]&0xC0 != 0x80 }

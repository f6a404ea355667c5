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

	"golang.org/x/text/unicode/norm"

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
		checkInline(rel, p, add)
		checkHreflang(rel, p, add)
	})
	var problems []string
	for _, ps := range perPage {
		problems = append(problems, ps...)
	}
	add := func(page, format string, args ...any) {
		problems = append(problems, page+": "+fmt.Sprintf(format, args...))
	}
	site.checkBudgets(add)
	site.checkCSSFiles(add)
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

// pinyinCandidate is what mirror sites add after characters, 領(lǐng),
// and the shapes it takes in a page: a space before the parenthesis
// (領 (lǐng)), capitals (領(LǏNG)), the parenthesis in another element
// (領<span>(lǐng)</span>, whose text tokens the page text joins with a
// line break). findPinyin decides which candidates are annotations.
var pinyinCandidate = regexp.MustCompile(`\p{Han}(\s*)[(（]([\p{Latin}\p{Mn}]+)[)）]`)

// lowerPinyin are the letters of lower-case pinyin, with tone marks.
const lowerPinyin = "abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"

// findPinyin returns the first pinyin annotation in s, or "". Lower-case
// letters right after a character are one (as before); with a space
// between or capitals, only letters carrying a tone mark are, so that
// 政府和社会资本合作(PPP) and 学校 (A) stay text.
func findPinyin(s string) string {
	for _, m := range pinyinCandidate.FindAllStringSubmatchIndex(s, -1) {
		space, letters := s[m[2]:m[3]], s[m[4]:m[5]]
		plain := space == "" && strings.Trim(letters, lowerPinyin) == ""
		if plain || hasToneMark(letters) {
			return s[m[0]:m[1]]
		}
	}
	return ""
}

// hasToneMark reports whether letters carry a pinyin tone mark (macron,
// acute, caron, grave), precomposed or combining.
func hasToneMark(letters string) bool {
	for _, r := range norm.NFD.String(letters) {
		switch r {
		case '\u0300', '\u0301', '\u0304', '\u030C':
			return true
		}
	}
	return false
}

func checkText(rel string, p *page, add func(string, string, ...any)) {
	if m := findPinyin(p.text); m != "" {
		add(rel, "pinyin annotation in the text: %q", m)
	}
	if m := findPinyin(p.attrText); m != "" {
		add(rel, "pinyin annotation in an attribute: %q", m)
	}
	if i := strings.IndexRune(p.text, '\uFFFD'); i >= 0 {
		add(rel, "replacement character U+FFFD in the text near %q", excerpt(p.text, i))
	}
	if i := strings.IndexRune(p.attrText, '\uFFFD'); i >= 0 {
		add(rel, "replacement character U+FFFD in an attribute near %q", excerpt(p.attrText, i))
	}
}

// checkInline names what could run script on the page or what the site's
// Content-Security-Policy (script-src 'self'; style-src 'self') would
// block: inline scripts, event handlers, javascript: URLs, inline styles.
func checkInline(rel string, p *page, add func(string, string, ...any)) {
	for _, what := range p.inline {
		add(rel, "%s", what)
	}
}

// checkHreflang: an hreflang names the script of the page it points to
// (zh-Hans for /zh-hans/…, zh-Hant for /zh-hant/…), or is x-default.
func checkHreflang(rel string, p *page, add func(string, string, ...any)) {
	for _, h := range p.hreflangs {
		if h.lang == "x-default" {
			continue
		}
		u, err := url.Parse(h.url)
		if err != nil {
			continue // reported by checkLinks
		}
		script, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
		want, ok := scriptLocales[script]
		if !ok {
			add(rel, "hreflang %q on a link to %q, which is in neither script", h.lang, h.url)
		} else if h.lang != want {
			add(rel, "hreflang %q on a link to %q, want %q", h.lang, h.url, want)
		}
	}
}

// scriptLocales are the BCP 47 tags of the two script trees.
var scriptLocales = map[string]string{Scripts[0]: "zh-Hans", Scripts[1]: "zh-Hant"}

// checkCSSFiles: the site's style sheets load nothing from another host.
func (s *siteFiles) checkCSSFiles(add func(string, string, ...any)) {
	for rel := range s.files {
		if !strings.HasSuffix(rel, ".css") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(rel)))
		if err != nil {
			add(rel, "%v", err)
			continue
		}
		for _, u := range cssURLs(string(b)) {
			if pu, err := url.Parse(u); err == nil && (pu.Host != "" && pu.Host != s.host || pu.Scheme != "" && pu.Scheme != "http" && pu.Scheme != "https" && pu.Scheme != "data") {
				add(rel, "CSS loads %q from another host", u)
			}
		}
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

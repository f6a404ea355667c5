package verify

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Budgets keep the site usable on a phone on a slow link. Sizes are of the
// minified, uncompressed files.
const (
	PlaceYearPageBudget = 30 << 10 // one place-year page's HTML
	CSSBudget           = 10 << 10 // all CSS
	JSBudget            = 5 << 10  // our own JS; a search library and its index are not ours
)

var placeYearPage = regexp.MustCompile(`^zh-han[st]/places/.+/\d{4}(-\d+)?/index\.html$`)

// checkBudgets adds a problem for every file or group over its budget.
func (s *siteFiles) checkBudgets(add func(string, string, ...any)) {
	var css, js int64
	var jsFiles []string
	for rel := range s.files {
		info, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(rel)))
		if err != nil {
			continue
		}
		switch {
		case placeYearPage.MatchString(rel):
			if info.Size() > PlaceYearPageBudget {
				add(rel, "place-year page is %d bytes, over the %d-byte budget", info.Size(), PlaceYearPageBudget)
			}
		case strings.HasSuffix(rel, ".css"):
			css += info.Size()
		case strings.HasSuffix(rel, ".js") && !isThirdParty(rel):
			js += info.Size()
			jsFiles = append(jsFiles, rel)
		}
	}
	if css > CSSBudget {
		add("CSS", "%d bytes in all, over the %d-byte budget", css, CSSBudget)
	}
	if js > JSBudget {
		add("JS", "%d bytes in all (%s), over the %d-byte budget", js, strings.Join(jsFiles, ", "), JSBudget)
	}
}

// isThirdParty: the search library's files, which it writes itself.
func isThirdParty(rel string) bool { return strings.HasPrefix(rel, "pagefind/") }

// checkImages: every image says what it shows.
func checkImages(rel string, p *page, add func(string, string, ...any)) {
	for _, n := range p.imagesWithoutAlt {
		add(rel, "<img src=%q> has no alt text", n)
	}
}

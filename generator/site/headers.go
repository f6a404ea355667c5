package site

import (
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"regexp"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
)

// HeaderRules are netlify.toml's [[headers]] rules, so that the preview
// server sends what Netlify sends: the site's Content-Security-Policy, the
// sandbox and download headers of /originals/, the immutable caching of
// fingerprinted assets. Without them a preview would run what the
// published site refuses (a saved web page's scripts, inline script).
type HeaderRules []headerRule

type headerRule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
	match  *regexp.Regexp
}

// LoadHeaderRules reads the [[headers]] of a netlify.toml.
func LoadHeaderRules(path string) (HeaderRules, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg struct {
		Headers []headerRule `toml:"headers"`
	}
	if err := toml.Unmarshal(raw, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i := range cfg.Headers {
		h := &cfg.Headers[i]
		if !strings.HasPrefix(h.For, "/") {
			return nil, fmt.Errorf("%s: [[headers]] number %d: for = %q is not a path starting with /", path, i+1, h.For)
		}
		h.match = netlifyPathRE(h.For)
	}
	return cfg.Headers, nil
}

// netlifyPathRE reads a Netlify path pattern as Netlify does: a segment
// `*` matches the rest of the path (any segments), `:name` one segment,
// anything else itself, letters in either case; a trailing slash is
// optional.
func netlifyPathRE(pattern string) *regexp.Regexp {
	var parts []string
	for _, seg := range strings.Split(pattern, "/") {
		switch {
		case seg == "":
			continue
		case seg == "*":
			parts = append(parts, ".*")
		case strings.HasPrefix(seg, ":"):
			parts = append(parts, "[^/]+")
		default:
			parts = append(parts, regexp.QuoteMeta(seg))
		}
	}
	return regexp.MustCompile(`(?i)^/` + strings.Join(parts, "/") + `/?$`)
}

// For is the headers Netlify sends for a path: every rule that matches,
// in file order, a later rule's value for a header replacing an earlier
// one's (/originals/* replaces the site-wide Content-Security-Policy).
func (r HeaderRules) For(path string) http.Header {
	h := http.Header{}
	for _, rule := range r {
		if rule.match.MatchString(path) {
			for k, v := range rule.Values {
				h.Set(k, v)
			}
		}
	}
	return h
}

// Proxy forwards every request to target (Hugo's server) and sends the
// rules' headers with its answers, replacing Hugo's own for the same names
// (Hugo sets Content-Type by extension). The live reload's WebSocket goes
// through as it is.
func (r HeaderRules) Proxy(target *url.URL) *httputil.ReverseProxy {
	p := httputil.NewSingleHostReverseProxy(target)
	p.ModifyResponse = func(resp *http.Response) error {
		for k, v := range r.For(resp.Request.URL.Path) {
			resp.Header[k] = v
		}
		return nil
	}
	return p
}

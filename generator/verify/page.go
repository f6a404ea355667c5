package verify

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// page is what the checks need from one HTML file.
type page struct {
	lang, title, description, canonical string
	refresh                             bool
	hreflang                            []string // URLs of alternate links that carry an hreflang
	links                               []link
	ids                                 map[string]bool
	text                                string
	// attrText holds the attribute values a reader sees or hears (title,
	// alt, aria-label, placeholder, meta content), one per line.
	attrText         string
	parseErrs        []string
	imagesWithoutAlt []string
	// inline lists what the site's Content-Security-Policy would block or
	// what could run script: inline scripts, on* handlers, style
	// attributes and elements, javascript: URLs.
	inline []string
	// hreflangs pairs each hreflang value with the URL it describes.
	hreflangs []hreflang
	// styles holds the text of <style> elements, for their url()s.
	styles string
}

type hreflang struct{ lang, url string }

// link is a URL a page refers to. loads is true when the browser fetches it
// to render the page (scripts, styles, images, fonts), as opposed to a link
// the reader may follow.
type link struct {
	tag, url string
	loads    bool
}

// voidElements never have end tags; optional lists those whose end tags
// HTML lets a minifier omit.
var (
	voidElements = set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")
	optionalEnd  = set("html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "rt", "rp")
)

func set(xs ...string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func parsePage(b []byte) *page {
	p := &page{ids: map[string]bool{}}
	if _, err := html.Parse(bytes.NewReader(b)); err != nil {
		p.parseErrs = append(p.parseErrs, err.Error())
	}
	z := html.NewTokenizer(bytes.NewReader(b))
	var stack []string
	var text, attrText strings.Builder
	inTitle, inStyle, skipText := false, false, 0
	// Text inside an element marked data-verbatim (the edit log, which
	// quotes the report as received, damage and all) is not page text.
	verbatimAt := -1
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				p.parseErrs = append(p.parseErrs, z.Err().Error())
			}
			for _, open := range stack {
				if !optionalEnd[open] {
					p.parseErrs = append(p.parseErrs, fmt.Sprintf("<%s> never closed", open))
				}
			}
			p.text = text.String()
			p.attrText = attrText.String()
			for _, u := range cssURLs(p.styles) {
				p.links = append(p.links, link{"style", u, true})
			}
			return p
		case html.TextToken:
			// z.Text gives a token's text once: a second call is empty.
			t := z.Text()
			if inTitle {
				p.title += string(t)
			}
			if inStyle {
				p.styles += string(t)
			}
			if skipText == 0 && verbatimAt < 0 {
				text.Write(t)
				text.WriteByte('\n')
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			p.element(tok)
			if verbatimAt < 0 {
				for _, a := range tok.Attr {
					if readable[a.Key] {
						attrText.WriteString(a.Val)
						attrText.WriteByte('\n')
					}
				}
			}
			if tok.Data == "title" {
				inTitle = true
			}
			if tok.Data == "style" {
				inStyle = tt == html.StartTagToken
				p.inline = append(p.inline, "inline <style> element (the CSP allows styles only from files)")
			}
			if tok.Data == "script" || tok.Data == "style" {
				skipText++
			}
			if tt == html.StartTagToken && !voidElements[tok.Data] {
				if _, ok := attr(tok, "data-verbatim"); ok && verbatimAt < 0 {
					verbatimAt = len(stack)
				}
				stack = append(stack, tok.Data)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if tag == "title" {
				inTitle = false
			}
			if tag == "style" {
				inStyle = false
			}
			if tag == "script" || tag == "style" {
				skipText--
			}
			// Pop to the matching element; anything popped on the way must
			// be an element whose end tag may be omitted.
			i := len(stack) - 1
			for i >= 0 && stack[i] != tag {
				i--
			}
			if i < 0 {
				p.parseErrs = append(p.parseErrs, fmt.Sprintf("</%s> closes nothing", tag))
				continue
			}
			for _, open := range stack[i+1:] {
				if !optionalEnd[open] {
					p.parseErrs = append(p.parseErrs, fmt.Sprintf("<%s> closed by </%s>", open, tag))
				}
			}
			stack = stack[:i]
			if len(stack) <= verbatimAt {
				verbatimAt = -1
			}
		}
	}
}

func attr(t html.Token, key string) (string, bool) {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// readable are the attributes whose values a reader sees or hears.
var readable = set("title", "alt", "aria-label", "placeholder", "content", "aria-description", "label")

// inlineScriptTypes are the <script> types that hold data, not code.
var inlineScriptTypes = set("application/ld+json", "application/json")

// element records what the checks need from one start tag.
func (p *page) element(t html.Token) {
	if id, ok := attr(t, "id"); ok {
		if p.ids[id] {
			p.parseErrs = append(p.parseErrs, fmt.Sprintf("duplicate id %q", id))
		}
		p.ids[id] = true
	}
	if name, ok := attr(t, "name"); ok && t.Data == "a" {
		p.ids[name] = true
	}
	for _, a := range t.Attr {
		switch {
		case strings.HasPrefix(a.Key, "on"):
			p.inline = append(p.inline, fmt.Sprintf("<%s %s=…> event handler", t.Data, a.Key))
		case a.Key == "style":
			p.inline = append(p.inline, fmt.Sprintf("<%s style=%q> style attribute (the CSP allows styles only from files)", t.Data, a.Val))
			for _, u := range cssURLs(a.Val) {
				p.links = append(p.links, link{t.Data, u, true})
			}
		case a.Key == "srcdoc":
			p.inline = append(p.inline, fmt.Sprintf("<%s srcdoc> inline document", t.Data))
		}
		if isScriptURL(a.Val) && urlAttrs[a.Key] {
			p.inline = append(p.inline, fmt.Sprintf("<%s %s=%q> script URL", t.Data, a.Key, a.Val))
		}
	}
	switch t.Data {
	case "html":
		p.lang, _ = attr(t, "lang")
	case "meta":
		if n, _ := attr(t, "name"); n == "description" {
			p.description, _ = attr(t, "content")
		}
		if h, _ := attr(t, "http-equiv"); strings.EqualFold(h, "refresh") {
			p.refresh = true
			if c, _ := attr(t, "content"); refreshURL(c) != "" {
				p.links = append(p.links, link{"meta refresh", refreshURL(c), true})
			}
		}
	case "a", "area":
		if href, ok := attr(t, "href"); ok {
			p.links = append(p.links, link{t.Data, href, false})
			if l, ok := attr(t, "hreflang"); ok {
				p.hreflangs = append(p.hreflangs, hreflang{l, href})
			}
		}
	case "link":
		href, _ := attr(t, "href")
		rel, _ := attr(t, "rel")
		switch {
		case rel == "canonical":
			p.canonical = href
		case rel == "alternate":
			if l, ok := attr(t, "hreflang"); ok {
				p.hreflang = append(p.hreflang, href)
				p.hreflangs = append(p.hreflangs, hreflang{l, href})
			}
		}
		loads := false
		for _, r := range strings.Fields(strings.ToLower(rel)) {
			if loadingRels[r] {
				loads = true
			}
		}
		p.links = append(p.links, link{"link", href, loads})
	case "base":
		if href, ok := attr(t, "href"); ok {
			p.links = append(p.links, link{"base", href, true})
		}
	case "form":
		if action, ok := attr(t, "action"); ok {
			p.links = append(p.links, link{"form", action, true})
		}
	case "img":
		if _, ok := attr(t, "alt"); !ok {
			src, _ := attr(t, "src")
			p.imagesWithoutAlt = append(p.imagesWithoutAlt, src)
		}
		p.sources(t)
	case "script":
		if _, ok := attr(t, "src"); !ok {
			if typ, _ := attr(t, "type"); !inlineScriptTypes[strings.ToLower(typ)] {
				p.inline = append(p.inline, "inline <script>")
			}
		}
		p.sources(t)
	case "video":
		if poster, ok := attr(t, "poster"); ok {
			p.links = append(p.links, link{t.Data, poster, true})
		}
		p.sources(t)
	case "image", "use", "feimage":
		// SVG: <image href>, <image xlink:href>, <use href>.
		for _, key := range []string{"href", "xlink:href"} {
			if href, ok := attr(t, key); ok {
				p.links = append(p.links, link{t.Data, href, true})
			}
		}
	case "iframe", "embed", "source", "track", "audio", "input", "frame":
		p.sources(t)
	case "object":
		if d, ok := attr(t, "data"); ok {
			p.links = append(p.links, link{t.Data, d, true})
		}
	}
}

// sources records what an element loads through src and srcset.
func (p *page) sources(t html.Token) {
	if src, ok := attr(t, "src"); ok {
		p.links = append(p.links, link{t.Data, src, true})
	}
	if srcset, ok := attr(t, "srcset"); ok {
		for _, part := range strings.Split(srcset, ",") {
			if f := strings.Fields(part); len(f) > 0 {
				p.links = append(p.links, link{t.Data, f[0], true})
			}
		}
	}
}

// loadingRels are the <link rel> values that make the browser fetch or
// connect to the URL while showing the page.
var loadingRels = set("stylesheet", "icon", "apple-touch-icon", "preload", "prefetch", "modulepreload", "manifest", "preconnect", "dns-prefetch", "prerender")

// urlAttrs are the attributes that hold a URL.
var urlAttrs = set("href", "src", "action", "formaction", "data", "poster", "xlink:href", "background", "cite", "srcset")

// isScriptURL reports whether a URL runs script when followed.
func isScriptURL(u string) bool {
	u = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1 // browsers ignore white space and controls in a scheme
		}
		return r
	}, u))
	return strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:")
}

// refreshURL is the URL of a meta refresh ("0; url=/zh-hans/"), or "".
func refreshURL(content string) string {
	_, after, ok := strings.Cut(strings.ToLower(content), "url=")
	if !ok {
		return ""
	}
	// Take the URL from the original, not the lowered copy.
	u := content[len(content)-len(after):]
	return strings.Trim(strings.TrimSpace(u), `'"`)
}

// cssURLs lists the URLs a piece of CSS loads: url(…) and @import "…".
func cssURLs(css string) []string {
	var out []string
	for _, m := range cssURLPattern.FindAllStringSubmatch(css, -1) {
		for _, g := range m[1:] {
			if g != "" {
				out = append(out, strings.Trim(strings.TrimSpace(g), `'"`))
				break
			}
		}
	}
	return out
}

var cssURLPattern = regexp.MustCompile(`(?i)url\(\s*([^)]*?)\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

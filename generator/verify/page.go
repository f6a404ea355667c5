package verify

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// page is what the checks need from one HTML file.
type page struct {
	lang, title, description, canonical string
	refresh                             bool
	hreflang                            []string
	links                               []link
	ids                                 map[string]bool
	text                                string
	parseErrs                           []string
	imagesWithoutAlt                    []string
}

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
	var text strings.Builder
	inTitle, skipText := false, 0
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
			return p
		case html.TextToken:
			if inTitle {
				p.title += string(z.Text())
			}
			if skipText == 0 && verbatimAt < 0 {
				text.Write(z.Text())
				text.WriteByte('\n')
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			p.element(tok)
			if tok.Data == "title" {
				inTitle = true
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
	if style, ok := attr(t, "style"); ok && strings.Contains(style, "url(") {
		p.links = append(p.links, link{t.Data, cssURL(style), true})
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
		}
	case "a", "area":
		if href, ok := attr(t, "href"); ok {
			p.links = append(p.links, link{t.Data, href, false})
		}
	case "link":
		href, _ := attr(t, "href")
		rel, _ := attr(t, "rel")
		switch {
		case rel == "canonical":
			p.canonical = href
		case rel == "alternate":
			if _, ok := attr(t, "hreflang"); ok {
				p.hreflang = append(p.hreflang, href)
			}
		}
		loads := strings.Contains(rel, "stylesheet") || strings.Contains(rel, "icon") ||
			strings.Contains(rel, "preload") || strings.Contains(rel, "prefetch") || strings.Contains(rel, "modulepreload") || strings.Contains(rel, "manifest")
		p.links = append(p.links, link{"link", href, loads})
	case "img":
		if _, ok := attr(t, "alt"); !ok {
			src, _ := attr(t, "src")
			p.imagesWithoutAlt = append(p.imagesWithoutAlt, src)
		}
		fallthrough
	case "script", "iframe", "embed", "source", "track", "audio", "video", "input":
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
	case "object":
		if d, ok := attr(t, "data"); ok {
			p.links = append(p.links, link{t.Data, d, true})
		}
	}
}

func cssURL(style string) string {
	_, after, _ := strings.Cut(style, "url(")
	u, _, _ := strings.Cut(after, ")")
	return strings.Trim(u, `'" `)
}

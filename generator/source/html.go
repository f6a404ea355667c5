package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// extractHTML takes the visible text of a saved web page, block by block
// (a block element ends a line and leaves a blank line; <br> ends a line),
// and what the page says about itself (<title>, canonical URL, dates).
//
// The text is the whole visible page, not readability's "main content":
// readability drops short blocks (bylines, datelines, the headline, a
// caption with a figure) without saying so, and the cleaner, which removes
// page chrome with an edit record for every line, is where clutter goes.
// Readability is used for what it is good at here: the headline, byline,
// site name and publication time the page declares.
func extractHTML(name string, b []byte, declared string) (Extracted, error) {
	enc := declared
	if enc == "" {
		enc = htmlCharset(b)
	}
	text, used, err := Decode(name, b, enc)
	if err != nil {
		return Extracted{}, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Extracted{}, fmt.Errorf("%s: not a readable HTML page: %v", name, err)
	}
	var page PageInfo
	readHead(doc, &page)
	var t blockText
	hidden := 0
	walkVisible(doc, &t, &hidden, false)
	if art, err := readability.FromDocument(doc, nil); err == nil {
		page.Headline = oneLine(art.Title())
		page.Byline = oneLine(art.Byline())
		if page.SiteName == "" {
			page.SiteName = oneLine(art.SiteName())
		}
		if page.Published == "" {
			if ts, err := art.PublishedTime(); err == nil && !ts.IsZero() {
				page.Published = ts.Format("2006-01-02")
			}
		}
	}
	how := "html: visible text of the page, block by block (golang.org/x/net/html); scripts, styles and hidden elements left out"
	if hidden > 0 {
		how += fmt.Sprintf(" (%d hidden elements)", hidden)
	}
	return Extracted{Text: t.String(), Encoding: used, How: how, Page: page}, nil
}

// htmlCharset is the page's declared charset (BOM, <meta charset>, http-equiv)
// as a name Decode knows, or "" to let Decode detect it.
func htmlCharset(b []byte) string {
	_, name, certain := charset.DetermineEncoding(b, "text/html")
	if !certain {
		// DetermineEncoding's guess without a declaration is windows-1252;
		// Decode's detection knows Chinese encodings better.
		return ""
	}
	switch strings.ToLower(name) {
	case "utf-8":
		return "utf-8"
	case "gbk", "gb2312", "gb18030", "x-gbk":
		return "gb18030"
	case "big5", "big5-hkscs":
		return "big5"
	case "utf-16le":
		return "utf-16le"
	case "utf-16be":
		return "utf-16be"
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// readHead reads the page's own title, canonical URL and dates from <head>
// (and <meta> anywhere: saved pages put them in odd places).
func readHead(n *html.Node, page *PageInfo) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Title:
			if page.Title == "" {
				page.Title = oneLine(nodeText(n))
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && page.Canonical == "" {
				page.Canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Meta:
			key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
			val := oneLine(attr(n, "content"))
			switch key {
			case "og:url":
				if page.Canonical == "" {
					page.Canonical = val
				}
			case "og:site_name":
				page.SiteName = val
			case "article:published_time", "pubdate", "publishdate", "datepublished", "dc.date", "dc.date.issued", "publishtime", "pubtime", "firstpublishedtime":
				if page.Published == "" {
					page.Published = val
				}
			}
		}
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		readHead(k, page)
	}
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// invisible elements never show text to a reader.
var invisible = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Audio: true, atom.Video: true, atom.Select: true, atom.Button: true,
	atom.Input: true, atom.Textarea: true,
}

// blockElements are the elements that start and end a block of text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Blockquote: true,
	atom.Pre: true, atom.Hr: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Main: true, atom.Figure: true,
	atom.Figcaption: true, atom.Address: true, atom.Form: true, atom.Center: true, atom.Caption: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Body: true,
}

func hiddenElement(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// walkVisible writes the text a reader of the page sees into t. A table
// row is one line, its cells separated by tabs; blocks inside a cell do
// not break the row.
func walkVisible(n *html.Node, t *blockText, hidden *int, inCell bool) {
	switch n.Type {
	case html.TextNode:
		s := n.Data
		if !inPre(n) {
			s = collapseSpace(s)
			if t.line.Len() == 0 {
				s = strings.TrimLeft(s, " ")
			}
		}
		if strings.Contains(s, "\n") { // <pre>: its lines are lines
			for i, part := range strings.Split(s, "\n") {
				if i > 0 {
					t.lineBreak()
				}
				t.text(part)
			}
			return
		}
		t.text(s)
		return
	case html.ElementNode:
		if invisible[n.DataAtom] {
			return
		}
		if hiddenElement(n) {
			*hidden++
			return
		}
		switch n.DataAtom {
		case atom.Br:
			t.lineBreak()
			return
		case atom.Td, atom.Th:
			if layoutCell(n) {
				// A page laid out in a table: the cell is a region of
				// the page, its blocks are blocks.
				t.flush(2)
				for k := n.FirstChild; k != nil; k = k.NextSibling {
					walkVisible(k, t, hidden, false)
				}
				t.flush(2)
				return
			}
			if t.line.Len() > 0 {
				t.text("\t")
			}
			inCell = true
		case atom.Tr:
			for k := n.FirstChild; k != nil; k = k.NextSibling {
				walkVisible(k, t, hidden, inCell)
			}
			t.flush(1)
			return
		case atom.Img:
			if alt := oneLine(attr(n, "alt")); alt != "" {
				t.text(alt)
			}
			return
		}
	}
	block := n.Type == html.ElementNode && blockElements[n.DataAtom] && !inCell
	if block {
		t.flush(2)
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		walkVisible(k, t, hidden, inCell)
	}
	if block {
		t.flush(2)
	}
}

// layoutCell reports whether a table cell is a region of a page laid out
// in a table rather than a cell of data: it holds a table, two blocks or
// more, or more text than a cell of data does.
func layoutCell(n *html.Node) bool {
	blocks := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			if k.DataAtom == atom.Table {
				return true
			}
			if blockElements[k.DataAtom] && strings.TrimSpace(nodeText(k)) != "" {
				blocks++
				if blocks >= 2 {
					return true
				}
			}
			if walk(k) {
				return true
			}
		}
		return false
	}
	return walk(n) || utf8.RuneCountInString(nodeText(n)) > 200
}

func inPre(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Pre || p.DataAtom == atom.Textarea {
			return true
		}
	}
	return false
}

// collapseSpace turns runs of HTML white space into one space, as a
// browser shows them (a no-break space is kept: it is text).
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, " \t\n\r\f") {
		return s
	}
	var b bytes.Buffer
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

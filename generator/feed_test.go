package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/eduportal/portal/generator/site"
)

// addReport writes a report with the given meta.yaml lines (id, sha256 and
// script are added).
func addWithMeta(t *testing.T, root, id, text, meta string) {
	t.Helper()
	dir := filepath.Join(root, "data", "sources", id)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(text))
	meta = "id: " + id + "\nscript: hans\nsha256: " + hex.EncodeToString(sum[:]) + "\n" + meta
	if err := os.WriteFile(filepath.Join(dir, "meta.yaml"), []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "original.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A report whose text is markup reaches feed readers as text: a reader
// that renders an item's description as HTML (as RSS readers do) finds no
// element in it. An undated report's item has no pubDate rather than the
// year 1.
func TestFeedsCarryReportTextAsText(t *testing.T) {
	root := copyTree(t)
	addWithMeta(t, root, "hostile-feed", "济南市教育工作报告\n全市共有幼儿园58所<script>alert(1)</script><img src=x onerror=alert(2)>，比上年增加3所。\n",
		"title: 济南市<b>教育</b>报告\nkind: report\ncovers_year: 2021\nplaces: [\"山东省\", \"济南市\"]\n")
	if err := generate(root, generateOptions{noCache: true}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(root, "public")
	if err := site.Build(site.Options{Root: root}, public, nil); err != nil {
		t.Fatal(err)
	}
	// Every feed of the site, and the ones the report must be in.
	var feeds []string
	filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "index.xml" {
			rel, _ := filepath.Rel(public, p)
			feeds = append(feeds, filepath.ToSlash(rel))
		}
		return err
	})
	mustList := map[string]bool{"zh-hans/index.xml": true, "zh-hant/index.xml": true, "zh-hans/places/shandong/jinan/index.xml": true, "zh-hant/places/shandong/jinan/index.xml": true}
	for f := range mustList {
		if !slices.Contains(feeds, f) {
			t.Errorf("no feed %s", f)
		}
	}
	for _, feed := range feeds {
		var rss struct {
			Items []struct {
				Title       string `xml:"title"`
				Link        string `xml:"link"`
				PubDate     string `xml:"pubDate"`
				Description string `xml:"description"`
			} `xml:"channel>item"`
		}
		if err := xml.Unmarshal([]byte(readFile(t, filepath.Join(public, feed))), &rss); err != nil {
			t.Fatalf("%s: %v", feed, err)
		}
		found := false
		for _, it := range rss.Items {
			if strings.Contains(it.PubDate, "0001") {
				t.Errorf("%s: %s has pubDate %q", feed, it.Link, it.PubDate)
			}
			if !strings.Contains(it.Link, "hostile-feed") {
				continue
			}
			found = true
			if it.PubDate != "" {
				t.Errorf("%s: the undated report has pubDate %q", feed, it.PubDate)
			}
			els, text := renderAsHTML(t, it.Description)
			if len(els) > 0 {
				t.Errorf("%s: a reader rendering the description as HTML gets elements %v from %q", feed, els, it.Description)
			}
			if !strings.Contains(text, "<script>alert(1)</script><img src=x onerror=alert(2)>") {
				t.Errorf("%s: the reader does not see the report's text: %q", feed, text)
			}
		}
		if !found && mustList[feed] {
			t.Errorf("%s: no item for the hostile report", feed)
		}
	}
}

// renderAsHTML parses s as an HTML fragment, as a feed reader does with a
// description, and gives the elements it makes and the text it shows.
func renderAsHTML(t *testing.T, s string) (els []string, text string) {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			els = append(els, n.Data)
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return els, b.String()
}

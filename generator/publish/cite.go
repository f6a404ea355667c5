package publish

import (
	"strings"

	"github.com/eduportal/portal/generator/pipeline"
)

// The citation model. Every citation the site shows is made here, from a
// work — what is cited, element by element — and one pattern per style:
// GB/T 7714—2025 and APA 7 for readers, BibTeX, RIS and CSL-JSON for
// reference managers. The kinds of work are
//
//   - the original report (its own author or issuing body, its publisher
//     and place as their own elements, its own date; a title the editor
//     wrote in square brackets),
//   - the portal's copy of a report, and a single figure in it: a
//     contribution hosted by the portal ("//教育履职公开"),
//   - a portal page (place, place-year, indicator, data): the portal is the
//     author and the date is the site version's, never the reports',
//   - a download ([DS/OL]).
//
// What only the build knows (the site version's date and commit, the
// page's address, the reader's access date) is left as a named slot, so
// that committed pages stay the same from commit to commit; the citation
// partial fills the slots (layouts/_partials/cite-text.html).

// portalName is the portal's name in Simplified; converted per script.
const portalName = "教育履职公开"

// work is one thing a citation names.
type work struct {
	Authors  []string // persons or bodies responsible, in order; none is anonymous
	Title    string
	Supplied bool   // the editor wrote the title: shown in square brackets
	Detail   string // what in the work is cited (a figure): GB/T 其他题名信息, APA's bracketed description
	Type     string // GB/T document type code: N, R, G, EB, DS
	Dataset  bool   // a data set: [数据集] in APA, "dataset" in CSL and RIS

	// An original report's publication, static and fully known.
	Publisher string
	PubPlace  string
	Date      string // YYYY, YYYY-MM or YYYY-MM-DD
	Retrieved string // when the copy was taken: GB/T's 引用日期 for the original
	URL       string

	// Portal works: published by the portal, dated by the site version,
	// at the page's address (plus Anchor, or Path for a download).
	Portal   bool
	Hosted   bool   // a contribution to the portal (the copy of a report, a figure in it)
	Original string // for a copy: the original's date (APA's "original work published")
	Anchor   string // "#f-p2-1" for a figure
	Path     string // a download's site path ("data/observations.csv"), instead of the page
	Key      string // BibTeX key and CSL id
}

// withDetail is a title followed by the work's detail (which figure, which
// file), as GB/T and the machine formats write it: 题名: 细节.
func (w work) withDetail(title string) string {
	if w.Detail != "" {
		return title + ": " + w.Detail
	}
	return title
}

// segment is a piece of a citation: text, or a slot the page fills when it
// is built (V; A is the slot's argument).
//
//	updated      "(2026-11-21)": the site version's date, GB/T; "" when unknown
//	updated_apa  "2026年11月21日", or "无日期"
//	year, date   "2026", "2026-11-21" ("" when unknown), for BibTeX, RIS, CSL
//	accessed     the reader's access date (today, set by site.js)
//	url          the page's permalink, followed by A (an anchor)
//	abs          the absolute URL of the site path A
//	version      "站点版本 <commit, linked to the page as it was>" and, on
//	             Netlify, the deploy's permanent address of the page (A: an
//	             anchor on it, or a site path instead of it)
//	commit       the commit alone
type segment struct {
	T string `json:"t,omitempty"`
	V string `json:"v,omitempty"`
	A string `json:"a,omitempty"`
}

type segments []segment

func (s *segments) text(t ...string) {
	for _, x := range t {
		if x == "" {
			continue
		}
		if n := len(*s); n > 0 && (*s)[n-1].V == "" {
			(*s)[n-1].T += x
			continue
		}
		*s = append(*s, segment{T: x})
	}
}

func (s *segments) slot(v, arg string) { *s = append(*s, segment{V: v, A: arg}) }

// citation is what a page shows for one work.
type citation struct {
	GBT    segments `json:"gbt"`
	APA    segments `json:"apa"`
	BibTeX segments `json:"bibtex,omitempty"`
	RIS    segments `json:"ris,omitempty"`
	CSL    segments `json:"csl,omitempty"`
}

// citeWords are the words of the patterns, converted into one script.
type citeWords struct {
	portal, anonymous, dataset, published, retrieved, from, nodate, lang string
	convert                                                              func(string) string
}

func (l Lang) citeWords(ui map[string]string) citeWords {
	locale := "zh-Hans"
	if l.Code == "zh-hant" {
		locale = "zh-Hant"
	}
	return citeWords{
		portal:    l.UI(portalName),
		anonymous: l.UI(ui["cite_anonymous"]),
		dataset:   l.UI(ui["cite_dataset"]),
		published: l.UI(ui["cite_original_published"]),
		retrieved: l.UI(ui["cite_retrieved"]),
		from:      l.UI(ui["cite_from"]),
		nodate:    l.UI(ui["cite_nodate"]),
		lang:      locale,
		convert:   l.Convert,
	}
}

// cite makes every style's citation of w. Machine formats are made only
// when full is set (one per page: a page's figures get GB/T and APA).
func (cw citeWords) cite(w work, full bool) citation {
	c := citation{GBT: cw.gbt(w), APA: cw.apa(w)}
	if full {
		c.BibTeX, c.RIS, c.CSL = cw.bibtex(w), cw.ris(w), cw.csl(w)
	}
	return c
}

// gbtAuthors lists up to three responsible parties, then 等 (GB/T 7714
// 8.1.2); 佚名 when none is known.
func (cw citeWords) gbtAuthors(a []string) string {
	if len(a) == 0 {
		return cw.anonymous
	}
	if len(a) > 3 {
		return strings.Join(a[:3], ", ") + ", " + cw.convert("等")
	}
	return strings.Join(a, ", ")
}

func bracketed(w work) string {
	if w.Supplied {
		return "[" + w.Title + "]"
	}
	return w.Title
}

// gbt is the GB/T 7714—2025 pattern:
//
//	original  主要责任者. 题名[N/OL]. 出版地: 出版者, 出版年[引用日期]. 获取和访问路径.
//	copy      主要责任者. 题名[N/OL]//教育履职公开. (更新日期)[引用日期]. 路径. 站点版本.
//	figure    主要责任者. 题名: 其他题名信息[N/OL]//教育履职公开. (更新日期)[引用日期]. 路径#锚点. 站点版本.
//	page      教育履职公开. 题名[EB/OL]. (更新日期)[引用日期]. 路径. 站点版本.
//	download  教育履职公开. 题名[DS/OL]. (更新日期)[引用日期]. 路径. 站点版本.
func (cw citeWords) gbt(w work) segments {
	var s segments
	title := w.withDetail(bracketed(w))
	s.text(cw.gbtAuthors(w.Authors), ". ", title, "[", w.Type, "/OL]")
	if !w.Portal {
		var pub string
		if w.PubPlace != "" && w.Publisher != "" {
			pub = w.PubPlace + ": " + w.Publisher
		} else {
			pub = w.Publisher
		}
		if pub != "" || w.Date != "" {
			s.text(". ", joinNonEmpty(", ", pub, w.Date))
		}
		if w.Retrieved != "" {
			s.text("[", w.Retrieved, "]")
		}
		if w.URL != "" {
			s.text(". ", w.URL)
		}
		s.text(".")
		return s
	}
	if w.Hosted {
		s.text("//", cw.portal)
	}
	s.text(". ")
	s.slot("updated", "")
	s.text("[")
	s.slot("accessed", "")
	s.text("]. ")
	cw.where(&s, w)
	s.text(". ")
	cw.version(&s, w)
	s.text(".")
	return s
}

// version is the slot of the site version, with where the version's copy
// of the cited page or file is: an anchor on the page, or a site path.
func (cw citeWords) version(s *segments, w work) {
	if w.Path != "" {
		s.slot("version", "/"+w.Path)
	} else {
		s.slot("version", w.Anchor)
	}
}

func (cw citeWords) where(s *segments, w work) {
	if w.Path != "" {
		s.slot("abs", w.Path)
	} else {
		s.slot("url", w.Anchor)
	}
}

// apaAuthors joins names as APA 7 does: "甲, 乙, & 丙".
func apaAuthors(a []string) string {
	switch len(a) {
	case 0:
		return ""
	case 1:
		return a[0]
	}
	return strings.Join(a[:len(a)-1], ", ") + ", & " + a[len(a)-1]
}

// apaDate writes a date as Chinese APA references do: 2021, 2021年3月,
// 2021年3月5日.
func apaDate(d string) string {
	parts := strings.Split(d, "-")
	out := parts[0]
	if len(parts) > 1 {
		out += "年" + strings.TrimLeft(parts[1], "0") + "月"
	}
	if len(parts) > 2 {
		out += strings.TrimLeft(parts[2], "0") + "日"
	}
	return out
}

// apa is the APA 7 pattern:
//
//	original  作者. (日期). 题名. 出版者. URL
//	copy      作者. (更新日期). 题名 (站点版本). 教育履职公开. 检索于 日期, 取自 URL (原作发表于 日期)
//	figure    作者. (更新日期). 题名 [数字] (站点版本). 教育履职公开. 检索于 日期, 取自 URL#锚点 (原作发表于 日期)
//	page      教育履职公开. (更新日期). 题名 (站点版本). 检索于 日期, 取自 URL
//	download  教育履职公开. (更新日期). 题名 (站点版本) [数据集]. 检索于 日期, 取自 URL
//
// Without an author the title takes the author's place; the publisher is
// left out when it is the author.
func (cw citeWords) apa(w work) segments {
	var s segments
	who := apaAuthors(w.Authors)
	title := bracketed(w)
	if w.Detail != "" {
		title += " [" + w.Detail + "]"
	}
	titled := func() {
		s.text(title)
		if w.Portal {
			s.text(" (")
			cw.version(&s, w)
			s.text(")")
		}
		if w.Dataset {
			s.text(" [", cw.dataset, "]")
		}
		s.text(". ")
	}
	if who != "" {
		s.text(who, ". ")
	} else {
		titled()
	}
	s.text("(")
	if w.Portal {
		s.slot("updated_apa", "")
	} else if w.Date != "" {
		s.text(apaDate(w.Date))
	} else {
		s.text(cw.nodate)
	}
	s.text("). ")
	if who != "" {
		titled()
	}
	if !w.Portal {
		if w.Publisher != "" && w.Publisher != who {
			s.text(w.Publisher, ".")
		}
		if w.URL != "" {
			s.text(" ", w.URL)
		}
		return trimSegments(s)
	}
	if who != cw.portal {
		s.text(cw.portal, ". ")
	}
	s.text(cw.retrieved, " ")
	s.slot("accessed", "")
	s.text(", ", cw.from, " ")
	cw.where(&s, w)
	if w.Original != "" {
		s.text(" (", cw.published, " ", w.Original[:4], ")")
	}
	return s
}

// trimSegments drops trailing spaces of the last text segment.
func trimSegments(s segments) segments {
	if n := len(s); n > 0 && s[n-1].V == "" {
		s[n-1].T = strings.TrimRight(s[n-1].T, " ")
	}
	return s
}

// gbtType is a report's GB/T document type by its kind: news articles are
// newspaper items (N), compilations of cases 汇编 (G), self-evaluations and
// reports 报告 (R); speeches, interviews and the rest are online items (EB).
func gbtType(kind string) string {
	switch kind {
	case "news":
		return "N"
	case "compilation":
		return "G"
	case "self-evaluation", "report":
		return "R"
	}
	return "EB"
}

// reportWork is the original report as its meta.yaml describes it, in the
// page's script. The publisher is never an author: a report without an
// author or issuing body is cited as anonymous.
func (l Lang) reportWork(r pipeline.Report) work {
	m := r.Source.Meta
	return work{
		Authors:   l.convertAll(m.Authors),
		Title:     l.pick(r.Title),
		Supplied:  m.TitleSupplied,
		Type:      gbtType(m.Kind),
		Publisher: l.Convert(m.Publisher),
		PubPlace:  l.Convert(m.PublisherPlace),
		Date:      m.Published,
		Retrieved: m.Retrieved,
		URL:       m.URL,
		Key:       r.Source.ID,
	}
}

// copyWork is the portal's copy of the report, hosted by the portal.
func copyWork(original work) work {
	w := work{
		Authors: original.Authors, Title: original.Title, Supplied: original.Supplied,
		Type: original.Type, Portal: true, Hosted: true, Original: original.Date, Key: original.Key,
	}
	return w
}

// figureWork is one figure of the portal's copy of a report.
func figureWork(copied work, detail, anchor string) work {
	w := copied
	w.Detail = detail
	w.Anchor = "#" + anchor
	w.Key = copied.Key + "-" + anchor
	return w
}

// pageWork is a page the portal compiled: the portal is its author.
func (cw citeWords) pageWork(title, key string, dataset bool) work {
	typ := "EB"
	if dataset {
		typ = "DS"
	}
	return work{Authors: []string{cw.portal}, Title: title, Type: typ, Dataset: dataset, Portal: true, Key: key}
}

// downloadWork is a download file of the data package.
func (cw citeWords) downloadWork(title, sitePath string) work {
	w := cw.pageWork(title, "eduportal-"+strings.NewReplacer("/", "-", ".", "-").Replace(sitePath), true)
	w.Path = sitePath
	return w
}

// citationMeta is what the page's citation_* meta tags (read by Zotero and
// Google Scholar) say, besides what the page itself knows (its address,
// language and the site version's date, which is the online date).
type citationMeta struct {
	Title     string   `json:"title"`
	Authors   []string `json:"authors,omitempty"`
	Date      string   `json:"date,omitempty"` // the original's publication date, YYYY/MM/DD
	Publisher string   `json:"publisher,omitempty"`
}

// reportCitationMeta describes a report page: the report as its original
// gave it, the editor's title bare (a reference manager keeps its own
// brackets out of titles).
func reportCitationMeta(w work) *citationMeta {
	return &citationMeta{Title: w.Title, Authors: w.Authors, Date: strings.ReplaceAll(w.Date, "-", "/"), Publisher: w.Publisher}
}

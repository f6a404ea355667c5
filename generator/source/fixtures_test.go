package source

// Test fixtures: the same report as a saved web page, a Word file and a
// PDF with a text layer, made from its text by the helpers below, so that
// each format's extraction can be checked against the text version
// without committing binary files. The helpers write the formats the way
// their usual producers do: a page of <p> blocks with <br> line breaks
// amid scripts, styles and hidden chrome; a .docx of w:p paragraphs with
// w:br breaks; a PDF whose CJK text is drawn with a CID font in
// Identity-H encoding (glyph ids, not characters) and a ToUnicode map,
// lines wrapped by width, running heads and page numbers on every page.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"sort"
	"strings"
	"unicode/utf16"
)

// blocks splits a text into blank-line-separated groups of lines.
func blocks(text string) [][]string {
	var out [][]string
	var cur []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			if cur != nil {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

func makeHTML(title, text string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>" + html.EscapeString(title) + "_某某新闻网</title>\n")
	b.WriteString("<link rel=\"canonical\" href=\"https://news.example.cn/a/1.html\">\n")
	b.WriteString("<script>document.title='PWNED'</script><style>p{color:red}</style></head>\n<body>\n")
	b.WriteString("<div hidden>隐藏的导航</div><div style=\"display: none\">广告位招租</div>\n")
	for _, blk := range blocks(text) {
		b.WriteString("<p>")
		for i, l := range blk {
			if i > 0 {
				b.WriteString("<br>\n")
			}
			b.WriteString(html.EscapeString(l))
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("<script>var x = '不是正文';</script>\n</body></html>\n")
	return []byte(b.String())
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	if err := xmlEscapeTo(&b, s); err != nil {
		panic(err)
	}
	return b.String()
}

func makeDOCX(title, text string) []byte {
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	doc.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, blk := range blocks(text) {
		doc.WriteString(`<w:p><w:pPr><w:jc w:val="both"/></w:pPr>`)
		for i, l := range blk {
			doc.WriteString("<w:r>")
			if i > 0 {
				doc.WriteString("<w:br/>")
			}
			doc.WriteString(`<w:t xml:space="preserve">` + xmlEscape(l) + "</w:t></w:r>")
		}
		doc.WriteString(`<w:del w:id="1" w:author="x"><w:r><w:delText>删去的字</w:delText></w:r></w:del></w:p>`)
	}
	doc.WriteString(`<w:sectPr/></w:body></w:document>`)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/document.xml", doc.String()},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>` + xmlEscape(title) + `</dc:title><dcterms:created>2022-03-04T10:00:00Z</dcterms:created></cp:coreProperties>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			panic(err)
		}
		w.Write([]byte(f.body))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// pdfOptions shapes a fixture PDF.
type pdfOptions struct {
	width    float64 // line width in ems
	rows     int     // rows per page
	head     string  // running head on every page ("" for none)
	numbers  bool    // "- N -" at the foot of every page
	noText   bool    // a scan: pages with a drawing and no text
	infoDate string  // /CreationDate
	// draw is how a row is drawn: "" one string per row (Tj); "kerned"
	// one TJ array with kerning between characters; "glyphs" each
	// character at its own position, as some producers place them.
	draw string
	// inForm puts each page's text in a form XObject the page draws.
	inForm bool
	// columns sets each page in that many columns of width ems, gutter
	// ems apart, filled left to right; the text's first line, its
	// title, goes across them at the top of the first page.
	columns int
	gutter  float64
}

const pdfSize = 10.0 // font size, points

// emWidth is the width of a character in ems, as the fixture's font has it.
func emWidth(r rune) float64 {
	if r < 0x2E80 {
		return 0.5
	}
	return 1
}

// wrap cuts a line into rows no wider than width ems.
func wrap(line string, width float64) []string {
	var rows []string
	var cur []rune
	w := 0.0
	for _, r := range line {
		if w+emWidth(r) > width && len(cur) > 0 {
			rows = append(rows, string(cur))
			cur, w = nil, 0
		}
		cur = append(cur, r)
		w += emWidth(r)
	}
	if len(cur) > 0 {
		rows = append(rows, string(cur))
	}
	return rows
}

func makePDF(title, text string, o pdfOptions) []byte {
	// Rows to draw, and the gap (in rows) before each.
	// Each line of the text is a paragraph, its first row indented by
	// two characters as Chinese documents set them.
	type row struct {
		s      string
		gap    float64
		indent float64 // ems
	}
	var rows, across []row
	for bi, blk := range blocks(text) {
		for li, l := range blk {
			if o.columns > 1 && bi == 0 && li == 0 {
				for _, r := range wrap(l, float64(o.columns)*o.width+float64(o.columns-1)*o.gutter) {
					across = append(across, row{r, 1, 0})
				}
				continue
			}
			first := wrap(l, o.width-2)
			rest := ""
			if len(first) > 1 {
				rest = strings.TrimPrefix(l, first[0])
			}
			cut := []string{first[0]}
			if rest != "" {
				cut = append(cut, wrap(rest, o.width)...)
			}
			for ri, r := range cut {
				gap, indent := 1.0, 0.0
				if bi > 0 && li == 0 && ri == 0 {
					gap = 2
				}
				if ri == 0 {
					indent = 2
				}
				rows = append(rows, row{r, gap, indent})
			}
		}
	}
	// Glyph ids: one per character, in order of first use.
	cid := map[rune]int{}
	var runes []rune
	use := func(s string) {
		for _, r := range s {
			if _, ok := cid[r]; !ok {
				runes = append(runes, r)
				cid[r] = len(runes)
			}
		}
	}
	use(o.head)
	use("- 0123456789")
	for _, r := range append(across, rows...) {
		use(r.s)
	}
	hex := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			fmt.Fprintf(&b, "%04X", cid[r])
		}
		return b.String()
	}
	const top, left = 800.0, 60.0
	var pages []string
	for i := 0; i < len(rows) || (o.noText && len(pages) == 0); {
		var c strings.Builder
		if o.noText {
			c.WriteString("0.5 g 60 60 480 700 re f\n") // the scanned image stands in as a grey box
			pages = append(pages, c.String())
			break
		}
		n := len(pages) + 1
		if o.head != "" {
			fmt.Fprintf(&c, "BT /F1 %.0f Tf %.1f %.1f Td <%s> Tj ET\n", pdfSize, left, top+30, hex(o.head))
		}
		draw := func(r row, left, y float64) {
			left += r.indent * pdfSize
			switch o.draw {
			case "kerned":
				var parts []string
				for _, ch := range r.s {
					parts = append(parts, "<"+hex(string(ch))+">")
				}
				fmt.Fprintf(&c, "BT /F1 %.0f Tf %.1f %.1f Td [%s] TJ ET\n", pdfSize, left, y, strings.Join(parts, " -8 "))
			case "glyphs":
				x := left
				for _, ch := range r.s {
					fmt.Fprintf(&c, "BT /F1 %.0f Tf %.2f %.1f Td <%s> Tj ET\n", pdfSize, x, y, hex(string(ch)))
					x += emWidth(ch) * pdfSize
				}
			default:
				fmt.Fprintf(&c, "BT /F1 %.0f Tf %.1f %.1f Td <%s> Tj ET\n", pdfSize, left, y, hex(r.s))
			}
		}
		colTop := top
		if n == 1 {
			for k, r := range across {
				draw(r, left, top-float64(k)*pdfSize*1.5)
			}
			colTop -= float64(len(across)+1) * pdfSize * 1.5
		}
		for col := 0; col < max(o.columns, 1); col++ {
			y := colTop
			x := left + float64(col)*(o.width+o.gutter)*pdfSize
			for k := 0; k < o.rows && i < len(rows); k++ {
				if k > 0 {
					y -= rows[i].gap * pdfSize * 1.5
				}
				if y < 80 { // the foot of the page is for the page number
					break
				}
				draw(rows[i], x, y)
				i++
			}
		}
		if o.numbers {
			fmt.Fprintf(&c, "BT /F1 %.0f Tf %.1f %.1f Td <%s> Tj ET\n", pdfSize, 290.0, 40.0, hex(fmt.Sprintf("- %d -", n)))
		}
		pages = append(pages, c.String())
	}
	// The ToUnicode map, 100 entries a block as the format asks.
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	sorted := append([]rune(nil), runes...)
	sort.Slice(sorted, func(i, j int) bool { return cid[sorted[i]] < cid[sorted[j]] })
	for i := 0; i < len(sorted); i += 100 {
		end := min(i+100, len(sorted))
		fmt.Fprintf(&cmap, "%d beginbfchar\n", end-i)
		for _, r := range sorted[i:end] {
			var u strings.Builder
			for _, unit := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&u, "%04X", unit)
			}
			fmt.Fprintf(&cmap, "<%04X> <%s>\n", cid[r], u.String())
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")

	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	stream := func(dict, body string) string {
		return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(body)+0, body)
	}
	catalog := add("") // filled in below
	pagesObj := add("")
	desc := add("<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
	// Widths: a full em by default, half an em for the Latin glyphs.
	var w strings.Builder
	for _, r := range sorted {
		if emWidth(r) != 1 {
			fmt.Fprintf(&w, "%d [%.0f] ", cid[r], emWidth(r)*1000)
		}
	}
	cidFont := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [%s] /FontDescriptor %d 0 R >>", w.String(), desc))
	toUni := add(stream("", cmap.String()))
	font := add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cidFont, toUni))
	var kids []string
	for _, p := range pages {
		var page int
		if o.inForm {
			// The page only draws a form XObject, which holds the text
			// and its font, moved into place by the form's matrix.
			form := add(stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 -10] /Resources << /Font << /F1 %d 0 R >> >>", font), p))
			content := add(stream("", "q 1 0 0 1 0 10 cm /X1 Do Q"))
			page = add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X1 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, form, content))
		} else {
			content := add(stream("", p))
			page = add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, font, content))
		}
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	info := add(fmt.Sprintf("<< /Title <FEFF%s> /CreationDate (D:%s) >>", utf16Hex(title), o.infoDate))

	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, info, xref)
	return b.Bytes()
}

func utf16Hex(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

func xmlEscapeTo(b *bytes.Buffer, s string) error {
	return xml.EscapeText(b, []byte(s))
}

package source

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// pdfLibrary names the PDF reader in the extraction record.
const pdfLibrary = "github.com/ledongthuc/pdf"

// extractPDF takes the text layer of a PDF in reading order: each page's
// characters grouped into rows by their baseline, rows top to bottom; a
// row that reaches the right margin continues in the next (a line wrapped
// by width), a larger gap than the document's line spacing starts a new block.
// Characters come through the fonts' ToUnicode maps (how CJK text in a PDF
// is recoverable at all). Page numbers and running heads and feet (the
// same first or last row on most pages, digits aside) are page furniture,
// not report text: they are left out and counted in the record. A PDF
// without any text (a scan) is refused: it needs OCR, which the build
// cannot do.
func extractPDF(name string, b []byte) (x Extracted, err error) {
	defer func() {
		// The reader panics on some malformed files; that is a bad file,
		// not a crash.
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: not a readable PDF: %v", name, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return Extracted{}, fmt.Errorf("%s: not a readable PDF: %v", name, err)
	}
	var pages [][]pdfRow
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		pages = append(pages, pdfRows(pageGlyphs(p)))
	}
	chars := 0
	for _, rows := range pages {
		for _, row := range rows {
			chars += utf8.RuneCountInString(strings.TrimSpace(row.text))
		}
	}
	if chars == 0 {
		return Extracted{}, fmt.Errorf("%s: a PDF with no text layer (pages: %d; a scan?): run OCR on it and add the text it gives, keeping the PDF's name in received_as", name, r.NumPage())
	}
	numbers, heads := dropFurniture(pages)
	inColumns := readColumns(pages)
	text, radicals := foldRadicals(pdfText(pages))
	how := fmt.Sprintf("pdf: text layer of %d pages in reading order (%s, ToUnicode maps)", len(pages), pdfLibrary)
	if inColumns > 0 {
		how += fmt.Sprintf("; %d pages set in columns read column by column", inColumns)
	}
	if numbers+heads > 0 {
		how += fmt.Sprintf("; left out as page furniture: %d page numbers, %d running heads or feet", numbers, heads)
	}
	if radicals > 0 {
		how += fmt.Sprintf("; %d characters the fonts gave as radicals or other equivalents written as the ideographs and marks they stand for", radicals)
	}
	var page PageInfo
	if info := r.Trailer().Key("Info"); !info.IsNull() {
		page.Title = oneLine(info.Key("Title").Text())
		page.Published = pdfDate(info.Key("CreationDate").Text())
	}
	return Extracted{Text: text, How: how, Page: page}, nil
}

var (
	pageNumberRE = regexp.MustCompile(`^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*\d{1,4}\s*[页頁])?|\d{1,4}\s*/\s*\d{1,4}|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)$`)
	digitsRE     = regexp.MustCompile(`\d+`)
)

// dropFurniture marks page numbers (a first or last row that is only a
// number, 第N页, N/M, - N -) and running heads and feet (a first or last
// row whose text, digits aside, is the first or last row of at least half
// the pages, and of at least two) as furniture.
func dropFurniture(pages [][]pdfRow) (numbers, heads int) {
	edge := func(rows []pdfRow) []int {
		switch len(rows) {
		case 0:
			return nil
		case 1:
			return []int{0}
		}
		return []int{0, len(rows) - 1}
	}
	count := map[string]int{}
	for _, rows := range pages {
		seen := map[string]bool{}
		for _, i := range edge(rows) {
			k := digitsRE.ReplaceAllString(rows[i].text, "#")
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for _, rows := range pages {
		for _, i := range edge(rows) {
			row := &rows[i]
			switch {
			case pageNumberRE.MatchString(row.text):
				row.furniture = true
				numbers++
			case len(pages) >= 2 && count[digitsRE.ReplaceAllString(row.text, "#")]*2 >= len(pages) && count[digitsRE.ReplaceAllString(row.text, "#")] >= 2:
				row.furniture = true
				heads++
			}
		}
	}
	return numbers, heads
}

// pdfText lays the rows out as lines and blocks, in the order the pages
// give them (readColumns has put a page in columns in reading order).
func pdfText(pages [][]pdfRow) string {
	var t blockText
	var prev *pdfRow
	margins(pages)
	spacing := lineSpacing(pages)
	size := textSize(pages)
	for _, rows := range pages {
		var body []*pdfRow
		for i := range rows {
			if !rows[i].furniture {
				body = append(body, &rows[i])
			}
		}
		for i, row := range body {
			if prev != nil {
				switch {
				case i > 0 && spacing > 0 && body[i-1].y-row.y > spacing*1.4:
					t.flush(2) // a wider gap: a new block
				case wrapped(prev, row, size):
					// the previous row was wrapped at the margin (of its
					// column: the next column or page goes on with it):
					// the rows are one line, joined with what the text
					// layer has between them (a space only if it drew one)
					if prev.spaceEnd {
						t.text(" ")
					}
				default:
					t.flush(1)
				}
			}
			t.text(row.text)
			prev = row
		}
	}
	return t.String()
}

// rowOutlineRE: a row that starts an outline or list item (一、 （一） 3.)
// starts a line of its own, wherever the row before it ends.
var rowOutlineRE = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?:[^\dA-Za-z]|$)|[①-⑳])`)

// wrapped reports whether prev was a line wrapped by width that row
// continues: the room left at the end of prev (to its frame's right
// margin) is too small for row's first unbreakable unit (its first word,
// or its first character with the closing marks after it), so a writer
// had to break there; and row does not start an outline item and is not
// indented. Indents are measured from the frame's left margin, so the top
// of the next column compares with the foot of the last; a row is
// indented when it starts further in than prev, or as far in as an
// indented prev: a paragraph's rows after its first are not indented, so
// a full first row followed by another indented row is a paragraph of one
// row (the rows of a hanging indent are split here, and joined again by
// the cleaner where they do not end a sentence). A row that stops short of
// the margin with room to spare ended its line. A headline (rows in a
// font larger than the body's, size the document's text size) may be
// centred, so its next row starts further in: indents do not count
// between two of its rows. Widths are estimated (advance) where the PDF
// reader does not give them, so a row that wrapped may be taken for a
// line end; the cleaner then joins the two when the row does not end a
// sentence.
func wrapped(prev, row *pdfRow, size float64) bool {
	indent, prevIndent := row.x0-row.left, prev.x0-prev.left
	headline := prev.size > size*1.15 && math.Abs(row.size-prev.size) < prev.size*0.05
	if rowOutlineRE.MatchString(row.text) || !headline && (indent > prevIndent+row.size*0.5 || indent > row.size*0.5 && prevIndent > row.size*0.5) {
		return false
	}
	room := prev.right - prev.x1
	lead := row.lead
	if lead <= 0 {
		lead = advance(string(firstRune(row.text)), row.size)
	}
	return room < lead-row.size*0.05
}

// margins sets each row's left and right margins: those of its frame (the
// whole page, or one column of pages in as many columns) over the
// document, since pages share a layout and a last page of a few short rows
// has no margin of its own. The right margin is the row end most of the
// frame's rows share (to a point; the wider of two as common), since full
// rows all stop at it; the widest row will not do, one overflowing row (a
// hanging mark, a long address) would move it. The left margin is the row
// start most rows share, the same way. A row across the columns (a
// headline over them) starts where the first column does and ends where
// the last one does.
func margins(pages [][]pdfRow) {
	starts, ends := map[string]map[int]int{}, map[string]map[int]int{}
	for _, rows := range pages {
		for _, r := range rows {
			if r.furniture {
				continue
			}
			if starts[r.frame] == nil {
				starts[r.frame], ends[r.frame] = map[int]int{}, map[int]int{}
			}
			starts[r.frame][int(math.Round(r.x0))]++
			ends[r.frame][int(math.Round(r.x1))]++
		}
	}
	left, right := map[string]float64{}, map[string]float64{}
	for frame, count := range ends {
		right[frame] = commonEdge(count, func(x, best int) bool { return x > best })
		left[frame] = commonEdge(starts[frame], func(x, best int) bool { return x < best })
	}
	// Rows ending within a point past the most common end count too.
	for _, rows := range pages {
		for _, r := range rows {
			if e, ok := right[r.frame]; ok && !r.furniture && r.x1 > e && r.x1-e < 1 {
				right[r.frame] = r.x1
			}
		}
	}
	for _, rows := range pages {
		for i := range rows {
			r := &rows[i]
			r.left, r.right = left[r.frame], right[r.frame]
			if n, ok := strings.CutSuffix(r.frame, "/span"); ok {
				if l, ok := left[n+"/0"]; ok {
					r.left = l
				}
				if k, err := strconv.Atoi(n); err == nil {
					if e, ok := right[fmt.Sprintf("%d/%d", k, k-1)]; ok {
						r.right = e
					}
				}
			}
		}
	}
}

// commonEdge is the edge most rows share; ties go to the one wider says.
func commonEdge(count map[int]int, wider func(x, best int) bool) float64 {
	best, n := 0, 0
	for x, c := range count {
		if c > n || c == n && wider(x, best) {
			best, n = x, c
		}
	}
	return float64(best)
}

// textSize is the font size of most of the document's text: the median
// of its rows' sizes.
func textSize(pages [][]pdfRow) float64 {
	var body []*pdfRow
	for _, rows := range pages {
		for i := range rows {
			if !rows[i].furniture {
				body = append(body, &rows[i])
			}
		}
	}
	return bodySize(body)
}

// lineSpacing is the distance between the baselines of two rows of one
// block: the gap a fifth of the document's gaps are no wider than (a
// document of short paragraphs has more block gaps than line gaps, so the
// median would be a block gap). Only a row below the one before counts:
// the top of the next column is above the foot of the last.
func lineSpacing(pages [][]pdfRow) float64 {
	var gaps []float64
	for _, rows := range pages {
		var prev *pdfRow
		for i := range rows {
			if rows[i].furniture {
				continue
			}
			if prev != nil && prev.y > rows[i].y {
				gaps = append(gaps, prev.y-rows[i].y)
			}
			prev = &rows[i]
		}
	}
	if len(gaps) == 0 {
		return 0
	}
	sort.Float64s(gaps)
	return gaps[len(gaps)/5]
}

// pdfDate turns a PDF date (D:20210422103000+08'00') into YYYY-MM-DD.
func pdfDate(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 8 {
		return ""
	}
	for _, c := range s[:8] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:8]
}

package source

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
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
	text, radicals := foldRadicals(pdfText(pages))
	how := fmt.Sprintf("pdf: text layer of %d pages in reading order (%s, ToUnicode maps)", len(pages), pdfLibrary)
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

// pdfRow is one line of a page: characters sharing a baseline.
type pdfRow struct {
	text      string
	y, x0, x1 float64
	size      float64
	furniture bool
	spaceEnd  bool    // the row's text ends in a space (a line wrapped between words)
	lead      float64 // width of the row's first unbreakable unit (a word, or a character with the closing marks after it)
}

// pdfRows groups a page's characters into rows, top to bottom, in the
// order the content stream draws them within a row (the reader gives
// every character of a CID-font string the same x, so x cannot order
// them; the stream's order can), each row's extent measured from its
// characters' widths (estimated by advance where the reader has none).
func pdfRows(texts []glyph) []pdfRow {
	type rowAcc struct {
		pdfRow
		b        strings.Builder
		last     float64 // x where the next character would go
		leadDone bool
	}
	var rows []*rowAcc
	var cur *rowAcc
	for _, t := range texts {
		if t.s == "" {
			continue
		}
		size := math.Max(t.size, 1)
		if cur == nil || math.Abs(t.y-cur.y) > size*0.5 {
			cur = nil
			for _, r := range rows {
				if math.Abs(t.y-r.y) <= size*0.5 {
					cur = r
					break
				}
			}
			if cur == nil {
				cur = &rowAcc{pdfRow: pdfRow{y: t.y, x0: t.x, size: size}, last: t.x}
				rows = append(rows, cur)
			}
		}
		// The reader does not advance x by the width of CID-font glyphs
		// (every character of a string, or of a kerned TJ array, comes
		// with nearly the same x), so a character the reader puts behind
		// the end of the previous one is placed right after it; one well
		// beyond it is after a gap between words.
		x := t.x
		if cur.b.Len() > 0 {
			if x-cur.last > size*0.3 && !strings.HasSuffix(cur.b.String(), " ") && t.s != " " {
				cur.b.WriteByte(' ')
			}
			x = math.Max(x, cur.last)
		}
		cur.b.WriteString(t.s)
		w := t.w
		if w <= 0 {
			w = advance(t.s, size)
		}
		if !cur.leadDone {
			if cur.b.Len() > len(t.s) && !continuesUnit(cur.b.String()[:cur.b.Len()-len(t.s)], t.s) {
				cur.leadDone = true
			} else {
				cur.lead += w
			}
		}
		cur.last = x + w
		cur.x0 = math.Min(cur.x0, x)
		cur.x1 = math.Max(cur.x1, cur.last)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].y > rows[j].y })
	out := make([]pdfRow, 0, len(rows))
	for _, r := range rows {
		raw := r.b.String()
		r.text = strings.TrimSpace(raw)
		r.spaceEnd = strings.HasSuffix(raw, " ")
		if r.text != "" {
			out = append(out, r.pdfRow)
		}
	}
	return out
}

// continuesUnit reports whether s, drawn after before, belongs to the
// same unbreakable unit as the start of the row: a Latin word goes on to
// its next space, a CJK character takes the closing marks after it (a
// line may not start with 。，、）” …).
func continuesUnit(before, s string) bool {
	r := firstRune(s)
	if strings.ContainsRune("，。、；：？！）》」』”’,.;:?!)%", r) {
		return true
	}
	p := lastRuneOf(before)
	return p < 0x2E80 && p != ' ' && r < 0x2E80 && r != ' '
}

func lastRuneOf(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }

// advance estimates a character's width when the font's widths are not
// known: a full em for CJK, half for the rest.
func advance(s string, size float64) float64 {
	r, _ := utf8.DecodeRuneInString(s)
	if r < 0x2E80 {
		return size / 2
	}
	return size
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

// pdfText lays the rows out as lines and blocks.
func pdfText(pages [][]pdfRow) string {
	var t blockText
	var prev *pdfRow
	right := rightMargin(pages)
	spacing := lineSpacing(pages)
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
				case wrapped(prev, row, right):
					// the previous row was wrapped at the margin: the
					// rows are one line, joined with what the text layer
					// has between them (a space only if it drew one)
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
// continues: the room left at the end of prev (to the right margin, the
// widest row) is too small for row's first unbreakable unit (its first
// word, or its first character with the closing marks after it), so a
// writer had to break there; and row does not start an outline item and
// is not indented. A row that stops short of the margin with room to spare
// ended its line. Widths are estimated (advance) where the PDF reader does
// not give them, so a row that wrapped may be taken for a line end; the
// cleaner then joins the two when the row does not end a sentence.
func wrapped(prev, row *pdfRow, right float64) bool {
	if rowOutlineRE.MatchString(row.text) || row.x0 > prev.x0+row.size*0.5 {
		return false
	}
	room := right - prev.x1
	lead := row.lead
	if lead <= 0 {
		lead = advance(string(firstRune(row.text)), row.size)
	}
	return room < lead-row.size*0.05
}

// rightMargin is where the document's rows end: the row end most rows
// share (to a point; the wider of two as common), since full rows all
// stop at the margin. The widest row will not do: one overflowing row (a
// hanging mark, a long address) would move it. Pages share a layout, and
// a last page of a few short rows has no margin of its own, so it is
// measured over the document.
func rightMargin(pages [][]pdfRow) float64 {
	count := map[int]int{}
	for _, rows := range pages {
		for _, r := range rows {
			if !r.furniture {
				count[int(math.Round(r.x1))]++
			}
		}
	}
	best, n := 0, 0
	for x, c := range count {
		if c > n || c == n && x > best {
			best, n = x, c
		}
	}
	// Rows ending within half a point of the most common end count too.
	right := float64(best)
	for _, rows := range pages {
		for _, r := range rows {
			if !r.furniture && math.Abs(r.x1-right) < 1 && r.x1 > right {
				right = r.x1
			}
		}
	}
	return right
}

// lineSpacing is the distance between the baselines of two rows of one
// block: the gap a fifth of the document's gaps are no wider than (a
// document of short paragraphs has more block gaps than line gaps, so the
// median would be a block gap).
func lineSpacing(pages [][]pdfRow) float64 {
	var gaps []float64
	for _, rows := range pages {
		var prev *pdfRow
		for i := range rows {
			if rows[i].furniture {
				continue
			}
			if prev != nil {
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

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

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

package source

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// pdfRow is one line of a page: characters sharing a baseline (on a page
// set in columns, the part of such a line in one column).
type pdfRow struct {
	text      string
	y, x0, x1 float64
	size      float64
	furniture bool
	spaceEnd  bool    // the row's text ends in a space (a line wrapped between words)
	lead      float64 // width of the row's first unbreakable unit (a word, or a character with the closing marks after it)
	// ink is the row's characters where they are placed (x after the
	// character before where the font gave no width, w estimated then),
	// in drawing order: what a row in columns is cut from.
	ink []glyph
	// frame names the measure the row is set in: "" a page without
	// columns, "n/j" column j of a page in n columns, "n/span" a row
	// across all n; left and right are that frame's margins (margins).
	frame       string
	left, right float64
}

// pdfRows groups a page's characters into rows, top to bottom, in the
// order the content stream draws them within a row, each row's extent
// measured from its characters' widths (estimated by advance where the
// font has none). A character whose font gave the one before it no width
// comes with that one's x (nothing advanced the pen), so it is placed
// right after it; a character after one with a width is where the stream
// put it, so a stream that draws a right column before a left one on the
// same baseline keeps each character over its column.
func pdfRows(texts []glyph) []pdfRow {
	type rowAcc struct {
		y, size float64
		ink     []glyph
		last    float64 // x where the next character would go
		guessed bool    // the last character's width was estimated
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
				cur = &rowAcc{y: t.y, size: size}
				rows = append(rows, cur)
			}
		}
		if len(cur.ink) > 0 && cur.guessed {
			t.x = math.Max(t.x, cur.last)
		}
		cur.guessed = t.w <= 0
		if cur.guessed {
			t.w = advance(t.s, size)
		}
		cur.ink = append(cur.ink, t)
		cur.last = t.x + t.w
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].y > rows[j].y })
	out := make([]pdfRow, 0, len(rows))
	for _, r := range rows {
		if row, ok := buildRow(r.ink); ok {
			out = append(out, row)
		}
	}
	return out
}

// buildRow makes a row of placed characters: its text (a space where a
// character stands well beyond the end of the one before, a gap between
// words), extent and first unit; false when it holds only spaces. Its
// baseline and size are its first character's. A row justified by
// spacing out its CJK characters (a row of a narrow column: CJK text has
// no spaces to stretch, so the stretch goes beside each CJK character) has
// that spacing beside most of them; a gap beside a CJK character is a
// space only when it is wider than that by a third of an em.
func buildRow(ink []glyph) (pdfRow, bool) {
	if len(ink) == 0 {
		return pdfRow{}, false
	}
	row := pdfRow{y: ink[0].y, size: math.Max(ink[0].size, 1), x0: ink[0].x, x1: ink[0].x, ink: ink}
	spacing := cjkSpacing(ink)
	var b strings.Builder
	last := ink[0].x
	leadDone := false
	for i, t := range ink {
		space := row.size * 0.3
		if i > 0 && besideCJK(ink[i-1], t) {
			space += spacing
		}
		if b.Len() > 0 && t.x-last > space && !strings.HasSuffix(b.String(), " ") && t.s != " " {
			b.WriteByte(' ')
		}
		before := b.String()
		b.WriteString(t.s)
		if !leadDone {
			if before != "" && !continuesUnit(before, t.s) {
				leadDone = true
			} else {
				row.lead += t.w
			}
		}
		last = t.x + t.w
		row.x0 = math.Min(row.x0, t.x)
		row.x1 = math.Max(row.x1, last)
	}
	raw := b.String()
	row.text = strings.TrimSpace(raw)
	row.spaceEnd = strings.HasSuffix(raw, " ")
	return row, row.text != ""
}

// cjkSpacing is the gap beside most of a row's CJK characters (the lower
// median of the gaps with a CJK character on either side; none for a row
// of fewer than three such gaps, whose one wide gap may be the space
// between two words or cells).
func cjkSpacing(ink []glyph) float64 {
	var gaps []float64
	for i := 1; i < len(ink); i++ {
		if besideCJK(ink[i-1], ink[i]) {
			gaps = append(gaps, ink[i].x-(ink[i-1].x+ink[i-1].w))
		}
	}
	if len(gaps) < 3 {
		return 0
	}
	sort.Float64s(gaps)
	return math.Max(gaps[(len(gaps)-1)/2], 0)
}

// besideCJK reports whether the gap between two characters has a CJK
// character (ideograph, kana, CJK or fullwidth mark) on either side.
func besideCJK(a, b glyph) bool { return lastRuneOf(a.s) >= 0x2E80 || firstRune(b.s) >= 0x2E80 }

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

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// advance estimates a character's width when the font's widths are not
// known: a full em for CJK, half for the rest.
func advance(s string, size float64) float64 {
	r, _ := utf8.DecodeRuneInString(s)
	if r < 0x2E80 {
		return size / 2
	}
	return size
}

package source

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// A page set in columns (CJK text runs left to right, so the columns are
// read left column first) has gutters: x-ranges at least gutterEms wide
// that no row of the columns puts ink in, with text on both sides. Rows
// of the columns are more than half the page's text (by height: a row
// counts its font size), so the few rows of a table in one column whose
// cells happen to leave the same gap are not columns. A row that crosses a
// gutter (a headline or table spanning the columns) is read where it
// stands: the columns above it are read before it, those below after. A
// page without a gutter is read row by row, as it is drawn.
const (
	gutterEms = 0.75 // CSS's default column gap is an em; a space between words is a third of one
	columnEms = 6    // narrower than six characters is a table's column, not one of text
	fullEms   = 2    // a full row of a column ends within two ems of its right edge
)

// readColumns puts each page's rows (top to bottom, furniture marked) in
// reading order and says how many pages it read in columns. On a page with
// gutters each row not crossing them is cut at them into one row a
// column, and the columns are read one after the other, each top to
// bottom, between the rows that cross them. Rows above the first line in
// which two columns have begun, outside the first column (a title over
// three columns that sits within the middle one), come before the
// columns. The layout must look like columns of text: each column at
// least columnEms wide, and one at least mostly full rows (half of its
// rows, the last aside, end within fullEms of its right edge: a wrapped
// row stops where the next character would not fit), which a table of
// short cells is not; or the page's gutters must be those of another page
// that does (pages share a layout: the last page of a document in columns
// may hold only a few rows of prose above a list of short lines). Rows are
// given their frame (see pdfRow).
func readColumns(pages [][]pdfRow) int {
	found := make([]*pageColumns, len(pages))
	var ofText [][]gutter
	for i, rows := range pages {
		if found[i] = findColumns(rows); found[i] != nil && found[i].ofText {
			ofText = append(ofText, found[i].gutters)
		}
	}
	read := 0
	for i, c := range found {
		if c != nil && (c.ofText || sharesGutters(c.gutters, ofText)) {
			pages[i] = c.read(pages[i])
			read++
		}
	}
	return read
}

// pageColumns is a page's layout in columns as found: its gutters, each
// row cut into one part a column (nil for a row read across them), and
// whether the columns look like columns of text.
type pageColumns struct {
	gutters []gutter
	parts   [][]*pdfRow
	ofText  bool
}

// findColumns finds a page's columns; nil when it has no gutter, or a
// column with no text.
func findColumns(rows []pdfRow) *pageColumns {
	var body []*pdfRow
	for i := range rows {
		if !rows[i].furniture {
			body = append(body, &rows[i])
		}
	}
	size := bodySize(body)
	gutters := findGutters(body, size)
	if len(gutters) == 0 {
		return nil
	}
	n := len(gutters) + 1
	parts := make([][]*pdfRow, len(rows))
	for i := range rows {
		if rows[i].furniture || crosses(&rows[i], gutters) {
			continue
		}
		cut := make([][]glyph, n)
		for _, g := range rows[i].ink {
			c := columnOf(g.x+g.w/2, gutters)
			cut[c] = append(cut[c], g)
		}
		parts[i] = make([]*pdfRow, n)
		for c, ink := range cut {
			if r, ok := buildRow(ink); ok {
				parts[i][c] = &r
			}
		}
	}
	// Where the second column begins; rows well above it come first (the
	// first column's, first anyway, stay in it).
	var tops []float64
	for c := 0; c < n; c++ {
		for i := range rows {
			if parts[i] != nil && parts[i][c] != nil {
				tops = append(tops, parts[i][c].y)
				break
			}
		}
	}
	if len(tops) < n {
		return nil
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(tops)))
	for i := range rows {
		if parts[i] != nil && parts[i][0] == nil && rows[i].y > tops[1]+size {
			parts[i] = nil
		}
	}
	return &pageColumns{gutters, parts, columnsOfText(parts, n, size)}
}

// read gives the page's rows in reading order, each with its frame.
func (p *pageColumns) read(rows []pdfRow) []pdfRow {
	n := len(p.gutters) + 1
	out := make([]pdfRow, 0, len(rows)+len(rows)/2)
	pending := make([][]pdfRow, n)
	flush := func() {
		for c := range pending {
			sort.SliceStable(pending[c], func(i, j int) bool { return pending[c][i].y > pending[c][j].y })
			out = append(out, pending[c]...)
			pending[c] = nil
		}
	}
	for i := range rows {
		if p.parts[i] == nil {
			flush()
			r := rows[i]
			r.frame = fmt.Sprintf("%d/span", n)
			out = append(out, r)
			continue
		}
		for c, part := range p.parts[i] {
			if part != nil {
				part.frame = fmt.Sprintf("%d/%d", n, c)
				pending[c] = append(pending[c], *part)
			}
		}
	}
	flush()
	return out
}

// sharesGutters reports whether gutters are, one for one, where those of
// one of the other pages are (each overlapping its fellow).
func sharesGutters(gutters []gutter, others [][]gutter) bool {
	for _, o := range others {
		if len(o) != len(gutters) {
			continue
		}
		same := true
		for k := range o {
			same = same && gutters[k].x0 < o[k].x1 && o[k].x0 < gutters[k].x1
		}
		if same {
			return true
		}
	}
	return false
}

// columnsOfText reports whether the parts read as columns look like
// columns of text rather than a table: each column columnEms wide or more,
// and one at least (the prose the page is set in; another may be a list of
// short lines) mostly full rows.
func columnsOfText(parts [][]*pdfRow, n int, size float64) bool {
	prose := false
	for c := 0; c < n; c++ {
		var col []*pdfRow
		for _, p := range parts {
			if p != nil && p[c] != nil {
				col = append(col, p[c])
			}
		}
		if len(col) == 0 {
			return false
		}
		x0, x1 := col[0].x0, col[0].x1
		lowest := 0
		for i, r := range col {
			x0, x1 = math.Min(x0, r.x0), math.Max(x1, r.x1)
			if r.y < col[lowest].y {
				lowest = i
			}
		}
		if x1-x0 < columnEms*size {
			return false
		}
		full := 0
		for i, r := range col {
			if i != lowest && r.x1 >= x1-fullEms*size {
				full++
			}
		}
		prose = prose || full*2 >= len(col)-1
	}
	return prose
}

// gutter is an x-range between columns, in points.
type gutter struct{ x0, x1 float64 }

// findGutters finds a page's gutters, left to right. The page's text
// width is cut into bins an eighth of an em wide; a bin is a gutter's
// core when the rows with ink in it are less than half the text height
// (by font size), and the gutter is the run of bins around it that none
// of the other rows ink, when at least gutterEms wide and with some of
// those rows' ink on either side. (A bin none of those rows ink is inked
// by less than half the height, so the gutter never leaves its run of
// such bins: the work is the bins times the rows.)
func findGutters(body []*pdfRow, size float64) []gutter {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range body {
		for _, g := range r.ink {
			if strings.TrimSpace(g.s) != "" {
				lo, hi = math.Min(lo, g.x), math.Max(hi, g.x+g.w)
			}
		}
	}
	if !(hi > lo) || math.IsInf(hi-lo, 0) || !(size > 0) || math.IsInf(size, 0) {
		return nil
	}
	bin := size / 8
	n := int(math.Ceil((hi - lo) / bin))
	// A page of absurd width or rows: coarser bins (at most four million
	// row-bins, so a hostile file cannot make this grow without bound).
	if limit := max(1<<22/len(body), 1); n > limit {
		n = limit
		bin = (hi - lo) / float64(n)
	}
	inked := make([][]bool, len(body))
	first, last := make([]int, len(body)), make([]int, len(body)) // each row's leftmost and rightmost inked bin
	cross := make([]float64, n)
	total := 0.0
	for i, r := range body {
		inked[i] = make([]bool, n)
		for _, g := range r.ink {
			if strings.TrimSpace(g.s) == "" || g.w <= 0 {
				continue
			}
			a := max(int((g.x-lo)/bin), 0)
			b := min(int(math.Ceil((g.x+g.w-lo)/bin))-1, n-1)
			for k := a; k <= b; k++ {
				inked[i][k] = true
			}
		}
		first[i], last[i] = n, -1
		for k := range inked[i] {
			if inked[i][k] {
				cross[k] += r.size
				first[i], last[i] = min(first[i], k), k
			}
		}
		total += r.size
	}
	columnsMayPass := func(k int) bool { return cross[k]*2 < total }
	var out []gutter
	for k := 0; k < n; {
		if !columnsMayPass(k) {
			k++
			continue
		}
		end, core := k, k
		for end < n && columnsMayPass(end) {
			if cross[end] < cross[core] {
				core = end
			}
			end++
		}
		k = end
		// The rows of the columns: those with no ink in the core.
		var cols []int
		for i := range body {
			if !inked[i][core] {
				cols = append(cols, i)
			}
		}
		free := func(b int) bool {
			for _, i := range cols {
				if inked[i][b] {
					return false
				}
			}
			return true
		}
		a, b := core, core
		for a > 0 && free(a-1) {
			a--
		}
		for b < n-1 && free(b+1) {
			b++
		}
		if float64(b-a+1)*bin < gutterEms*size || len(out) > 0 && out[len(out)-1].x1 >= lo+float64(a)*bin {
			continue
		}
		left, right := false, false
		for _, i := range cols {
			left = left || first[i] < a
			right = right || last[i] > b
		}
		if left && right {
			out = append(out, gutter{lo + float64(a)*bin, lo + float64(b+1)*bin})
		}
	}
	return out
}

// crosses reports whether a row puts ink in a gutter (more than a
// hundredth of a point of it: the gutter's edges are its columns' ink).
func crosses(r *pdfRow, gutters []gutter) bool {
	const edge = 0.01
	for _, g := range r.ink {
		if strings.TrimSpace(g.s) == "" {
			continue
		}
		for _, u := range gutters {
			if g.x < u.x1-edge && g.x+g.w > u.x0+edge {
				return true
			}
		}
	}
	return false
}

// columnOf is the column an x falls in: how many gutters lie left of it.
func columnOf(x float64, gutters []gutter) int {
	c := 0
	for _, u := range gutters {
		if x >= (u.x0+u.x1)/2 {
			c++
		}
	}
	return c
}

// bodySize is the font size of most of a page's text: the median of its
// rows' sizes.
func bodySize(body []*pdfRow) float64 {
	if len(body) == 0 {
		return 0
	}
	s := make([]float64, len(body))
	for i, r := range body {
		s[i] = r.size
	}
	sort.Float64s(s)
	return s[len(s)/2]
}

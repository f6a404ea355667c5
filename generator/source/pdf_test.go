package source

import (
	"strings"
	"testing"
)

// Rows of one column become lines as a writer broke them: a full row the
// next continues is one line with it; a row with room left, or before an
// indented row, ends its line; an indented full row before another
// indented row is a paragraph of one row (rows after a paragraph's first
// are not indented).
func TestRowsBecomeLines(t *testing.T) {
	const size = 10.0
	row := func(s string, indent float64, i int) placedRow {
		return placedRow{s, 50 + indent*size, 700 - float64(i)*size*1.5, size}
	}
	cases := []struct {
		name string
		rows []placedRow
		want string
	}{
		{"a wrapped paragraph", []placedRow{row(full("甲", 18), 2, 0), row(full("", 20), 0, 1), row("乙。", 0, 2)},
			"甲" + strings.Repeat("文", 17+20) + "乙。"},
		{"a short row ends its line", []placedRow{row(full("甲", 18), 2, 0), row("乙。", 0, 1), row("丙。", 0, 2)},
			"甲" + strings.Repeat("文", 17) + "乙。\n丙。"},
		{"a full indented row before an indented row", []placedRow{row(full("甲", 18), 2, 0), row(full("乙", 18), 2, 1), row("丙。", 0, 2)},
			"甲" + strings.Repeat("文", 17) + "\n乙" + strings.Repeat("文", 17) + "丙。"},
		{"a full row before a row indented further", []placedRow{row(full("甲", 20), 0, 0), row(full("乙", 18), 2, 1), row("丙。", 0, 2)},
			"甲" + strings.Repeat("文", 19) + "\n乙" + strings.Repeat("文", 17) + "丙。"},
	}
	// A headline in a larger font, wrapped and centred: its second row
	// starts further in, and is still the same line.
	headline := []placedRow{{full("题", 14), 50, 760, 14}, {"下半行", 129, 739, 14}, row("正文。", 0, 0)}
	cases = append(cases, struct {
		name string
		rows []placedRow
		want string
	}{"a centred headline of two rows", headline, "题" + strings.Repeat("文", 13) + "下半行"})
	for _, c := range cases {
		// a column of full rows sets the margins the rows are measured by
		margin := column(50, 500, size, full("", 20), full("", 20), full("", 20))
		pages := [][]pdfRow{readPage(pdfRows(glyphsOf(append(c.rows, margin...)...)))}
		got := strings.Split(strings.TrimSpace(pdfText(pages)), "\n\n")[0]
		if got != c.want {
			t.Errorf("%s:\n got  %q\n want %q", c.name, got, c.want)
		}
	}
}

// A gap between characters is a space when wider than a third of an em
// beyond the row's spacing beside CJK characters: a row justified by
// spacing out its ideographs has no spaces in it, and one wider gap there
// is still a space; gaps between Latin letters are measured as drawn.
func TestRowSpaces(t *testing.T) {
	const size = 10.0
	spaced := func(s string, gap float64, wide map[int]float64) []glyph {
		var out []glyph
		x := 50.0
		rs := []rune(s)
		for i, c := range rs {
			x += wide[i]
			if i > 0 && (rs[i-1] >= 0x2E80 || c >= 0x2E80) {
				x += gap // justification stretches beside CJK characters only
			}
			w := emWidth(c) * size
			out = append(out, glyph{x: x, y: 700, w: w, size: size, s: string(c)})
			x += w
		}
		return out
	}
	cases := []struct {
		name string
		ink  []glyph
		want string
	}{
		{"a row set solid", spaced("教育经费持续增长", 0, nil), "教育经费持续增长"},
		{"a row with pinyin justified by half an em beside each ideograph", spaced("教育(jiào)经费增长", 5, nil), "教育(jiào)经费增长"},
		{"ideographs spaced out by half an em", spaced("教育经费持续增长", 5, nil), "教育经费持续增长"},
		{"ideographs spaced out, one gap an em wider", spaced("教育经费持续增长", 5, map[int]float64{4: 10}), "教育经费 持续增长"},
		{"two cells of a table", spaced("学段学校数", 0, map[int]float64{2: 60}), "学段 学校数"},
		{"two ideographs a gap apart", spaced("甲乙", 0, map[int]float64{1: 5}), "甲 乙"},
		{"Latin words without space glyphs", spaced("Pageof", 0, map[int]float64{4: 4}), "Page of"},
	}
	for _, c := range cases {
		row, _ := buildRow(c.ink)
		if row.text != c.want {
			t.Errorf("%s: %q, want %q", c.name, row.text, c.want)
		}
	}
}

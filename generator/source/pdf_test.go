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
	for _, c := range cases {
		// a column of full rows sets the margins the rows are measured by
		margin := column(50, 500, size, full("", 20), full("", 20), full("", 20))
		pages := [][]pdfRow{readColumns(pdfRows(glyphsOf(append(c.rows, margin...)...)))}
		got := strings.Split(strings.TrimSpace(pdfText(pages)), "\n\n")[0]
		if got != c.want {
			t.Errorf("%s:\n got  %q\n want %q", c.name, got, c.want)
		}
	}
}

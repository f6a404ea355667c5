package source

import (
	"fmt"
	"strings"
	"testing"
)

// A synthetic page: rows of text set at given places, each character an
// em wide (half for Latin and digits, as emWidth has it), drawn as a
// producer that writes a page line by line would.
type placedRow struct {
	s          string
	x, y, size float64
}

func glyphsOf(rows ...placedRow) []glyph {
	var out []glyph
	for _, r := range rows {
		x := r.x
		for _, c := range r.s {
			w := emWidth(c) * r.size
			out = append(out, glyph{x: x, y: r.y, w: w, size: r.size, s: string(c)})
			x += w
		}
	}
	return out
}

// column sets rows of text at x, from the baseline top down, one line
// every 1.5 ems; a row given as "" is an empty line (a gap).
func column(x, top, size float64, rows ...string) []placedRow {
	var out []placedRow
	for i, s := range rows {
		if s != "" {
			out = append(out, placedRow{s, x, top - float64(i)*size*1.5, size})
		}
	}
	return out
}

// full is a row of a column n ems wide: a label and filler to the edge.
func full(label string, ems int) string {
	w := 0.0
	for _, c := range label {
		w += emWidth(c)
	}
	return label + strings.Repeat("文", ems-int(w+0.5))
}

// byBaseline interleaves columns' rows as drawn line by line across the
// page (the left column's part of a line first, unless rightFirst).
func byBaseline(rightFirst bool, cols ...[]placedRow) []placedRow {
	var out []placedRow
	for i := 0; ; i++ {
		any := false
		for k := range cols {
			c := cols[k]
			if rightFirst {
				c = cols[len(cols)-1-k]
			}
			if i < len(c) {
				out = append(out, c[i])
				any = true
			}
		}
		if !any {
			return out
		}
	}
}

func labels(prefix string, n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("%s%d", prefix, i))
	}
	return out
}

func TestReadColumns(t *testing.T) {
	const size = 10.0
	fulls := func(ems int, ls ...string) []string {
		var out []string
		for _, l := range ls {
			out = append(out, full(l, ems))
		}
		return out
	}
	left := column(50, 700, size, fulls(14, labels("左", 8)...)...)
	right := column(210, 700, size, fulls(14, labels("右", 8)...)...)
	cases := []struct {
		name string
		rows []placedRow
		// want: each row's label (its text up to the filler) in reading order
		want   []string
		frames string // the rows' frames, as runs
	}{
		{"two columns, a gutter of two ems", byBaseline(false, left, right),
			append(labels("左", 8), labels("右", 8)...), "2/0×8 2/1×8"},
		{"two columns drawn right first on each line", byBaseline(true, left, right),
			append(labels("左", 8), labels("右", 8)...), "2/0×8 2/1×8"},
		{"two columns whose lines do not share baselines", byBaseline(false, left, column(210, 694, size, fulls(14, labels("右", 8)...)...)),
			append(labels("左", 8), labels("右", 8)...), "2/0×8 2/1×8"},
		{"three columns, a gutter of one em", byBaseline(false,
			column(50, 700, size, fulls(10, labels("甲", 6)...)...),
			column(160, 700, size, fulls(10, labels("乙", 6)...)...),
			column(270, 700, size, fulls(10, labels("丙", 6)...)...)),
			append(append(labels("甲", 6), labels("乙", 6)...), labels("丙", 6)...), "3/0×6 3/1×6 3/2×6"},
		{"a title across two columns above them and a note across them below",
			append(append([]placedRow{{"某县二〇二一年度教育工作报告全本", 100, 730, 14}}, byBaseline(false, left, right)...),
				placedRow{full("注", 30), 50, 580, size}),
			append(append(append([]string{"某县二〇二一年度教育工作报告全本"}, labels("左", 8)...), labels("右", 8)...), "注"), "2/span×1 2/0×8 2/1×8 2/span×1"},
		{"a short title within the middle one of three columns",
			append([]placedRow{{"报告", 175, 730, 14}}, byBaseline(false,
				column(50, 700, size, fulls(10, labels("甲", 6)...)...),
				column(160, 700, size, fulls(10, labels("乙", 6)...)...),
				column(270, 700, size, fulls(10, labels("丙", 6)...)...))...),
			append(append(append([]string{"报告"}, labels("甲", 6)...), labels("乙", 6)...), labels("丙", 6)...), "3/span×1 3/0×6 3/1×6 3/2×6"},
		{"the right column starting lower, below a figure", byBaseline(false, left, column(210, 640, size, fulls(14, labels("右", 4)...)...)),
			append(labels("左", 8), labels("右", 4)...), "2/0×8 2/1×4"},
		{"a last page: the right column one row", byBaseline(false, left, right[:1]),
			append(labels("左", 8), "右1"), "2/0×8 2/1×1"},
		{"one column with a table of wide cells leaving a gap in a few rows",
			append(append(column(50, 700, size, fulls(30, "正1", "正2", "正3", "正4", "正5", "正6", "正7")...),
				byBaseline(false, column(50, 595, size, fulls(10, "项1", "项2", "项3")...), column(200, 595, size, fulls(10, "值1", "值2", "值3")...))...),
				column(50, 550, size, fulls(30, "正8", "正9")...)...),
			[]string{"正1", "正2", "正3", "正4", "正5", "正6", "正7", "项1" + strings.Repeat("文", 8) + " 值1", "项2" + strings.Repeat("文", 8) + " 值2", "项3" + strings.Repeat("文", 8) + " 值3", "正8", "正9"}, "×12"},
		{"a page that is a table of short cells", byBaseline(false,
			column(50, 700, size, "学段", "小学", "初中", "高中", "特殊教育学校", "幼儿园", "合计"),
			column(200, 700, size, "学校数", "58所", "12所", "3所", "1所", "40所", "114所")),
			[]string{"学段 学校数", "小学 58所", "初中 12所", "高中 3所", "特殊教育学校 1所", "幼儿园 40所", "合计 114所"}, "×7"},
		{"a table of narrow cells of one length", byBaseline(false,
			column(50, 700, size, "2019年", "2020年", "2021年", "2022年"),
			column(200, 700, size, "共58所", "共60所", "共61所", "共63所")),
			[]string{"2019年 共58所", "2020年 共60所", "2021年 共61所", "2022年 共63所"}, "×4"},
		{"a table of wide cells of ragged lengths", byBaseline(false,
			column(50, 700, size, "小学", "初级中学", "特殊教育学校学生", "高中", "幼儿园", "职业学校"),
			column(200, 700, size, "新建", "改扩建校舍十二处", "新增学位", "无", "新建公办幼儿园三所", "整合")),
			[]string{"小学 新建", "初级中学 改扩建校舍十二处", "特殊教育学校学生 新增学位", "高中 无", "幼儿园 新建公办幼儿园三所", "职业学校 整合"}, "×6"},
		{"one column of prose", column(50, 700, size, fulls(30, labels("正", 9)...)...), labels("正", 9), "×9"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := readPage(pdfRows(glyphsOf(c.rows...)))
			var got []string
			for _, r := range rows {
				got = append(got, strings.TrimRight(r.text, "文"))
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("read as\n %q\nwant\n %q", got, c.want)
			}
			if f := frameRuns(rows); f != c.frames {
				t.Errorf("frames %q, want %q", f, c.frames)
			}
		})
	}
}

// A paragraph wrapped from the foot of the left column to the top of the
// right one is one line, and an indented row starts one, measured in each
// column from its own margins.
func TestColumnsTextJoinsAcrossTheGutter(t *testing.T) {
	const size = 10.0
	left := column(50, 700, size, "　　"+full("甲", 12), full("", 14), "", "　　"+full("乙", 12), full("", 14))
	right := column(210, 700, size, full("", 14), "丙结束。", "", "　　"+full("丁", 12), "丁结束。")
	var glyphs []glyph
	for _, g := range glyphsOf(byBaseline(false, left, right)...) {
		if g.s != "　" { // the indent is space, not a character
			glyphs = append(glyphs, g)
		}
	}
	pages := [][]pdfRow{readPage(pdfRows(glyphs))}
	want := "甲" + strings.Repeat("文", 11+14) + "\n\n乙" + strings.Repeat("文", 11+14+14) + "丙结束。\n\n丁" + strings.Repeat("文", 11) + "丁结束。"
	if got := strings.TrimSpace(pdfText(pages)); got != want {
		t.Errorf("text\n %q\nwant\n %q", got, want)
	}
}

// frameRuns writes rows' frames as runs: "2/0×8 2/1×8".
func frameRuns(rows []pdfRow) string {
	var out []string
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].frame == rows[i].frame {
			j++
		}
		out = append(out, fmt.Sprintf("%s×%d", rows[i].frame, j-i))
		i = j
	}
	return strings.Join(out, " ")
}

// readPage reads one page as readColumns reads a document's.
func readPage(rows []pdfRow) []pdfRow {
	pages := [][]pdfRow{rows}
	readColumns(pages)
	return pages[0]
}

// The last page of a document in columns, a few rows of prose above a
// list of short lines on both sides of the gutter, does not look like
// columns of text by itself; with the gutter of the pages before it, it is
// read in columns too.
func TestColumnsPagesShareALayout(t *testing.T) {
	const size = 10.0
	prose := byBaseline(false, column(50, 700, size, full("左", 14), full("", 14), full("", 14)), column(210, 700, size, full("右", 14), full("", 14), full("", 14)))
	list := byBaseline(false,
		column(50, 700, size, full("甲", 14), "甲尾。", "条目一", "条目二", "条目三", "条目四", "条目五"),
		column(210, 700, size, "乙", "列表一", "列表二", "列表三", "列表四", "列表五", "列表六"))
	read := func(pages ...[]placedRow) []string {
		var rows [][]pdfRow
		for _, p := range pages {
			rows = append(rows, pdfRows(glyphsOf(p...)))
		}
		readColumns(rows)
		var last []string
		for _, r := range rows[len(rows)-1] {
			last = append(last, strings.TrimRight(r.text, "文"))
		}
		return last
	}
	inColumns := []string{"甲", "甲尾。", "条目一", "条目二", "条目三", "条目四", "条目五", "乙", "列表一", "列表二", "列表三", "列表四", "列表五", "列表六"}
	if got := read(prose, list); strings.Join(got, "|") != strings.Join(inColumns, "|") {
		t.Errorf("after a page in columns: %q, want %q", got, inColumns)
	}
	byRows := []string{full("甲", 14) + " 乙", "甲尾。 列表一", "条目一 列表二", "条目二 列表三", "条目三 列表四", "条目四 列表五", "条目五 列表六"}
	if got := read(list); strings.Join(got, "|") != strings.Join(byRows, "|") {
		t.Errorf("alone: %q, want %q", got, byRows)
	}
}

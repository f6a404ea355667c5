package publish

import "testing"

func TestHumanUnits(t *testing.T) {
	tests := []struct {
		v, scale float64
		unit     string
		want     string
	}{
		{21380840000, 0, "元", "213.8亿元"},
		{6810000000, 21380840000, "元", "68.1亿元"},
		{128557, 0, "个", "12.86万个"},
		{29613, 0, "个", "29,613个"},
		{29613, 178000, "个", "2.961万个"}, // beside a value in 万, in 万 too
		{93.37, 100, "%", "93.37%"},
		{123456789012, 0, "元", "1,235亿元"},
		{100000, 0, "人", "10万人"},
	}
	for _, tc := range tests {
		if got := human(tc.v, tc.scale, tc.unit); got != tc.want {
			t.Errorf("human(%v, %v, %q) = %q, want %q", tc.v, tc.scale, tc.unit, got, tc.want)
		}
	}
}

// TestChartSeries: years with two or more places become panels, newest
// first and at most chartPanels; a second figure for a place and year is
// flagged, not drawn; targets and floors are not bars; one place with
// several years is a line.
func TestChartSeries(t *testing.T) {
	row := func(place string, y int, n, kind, q string) figureRow {
		return figureRow{Place: place, Year: y, Number: n, Canonical: "%", Kind: kind, Qualifier: q}
	}
	var rows []figureRow
	for y := 2016; y <= 2020; y++ {
		rows = append(rows, row("甲市", y, "85", "actual", ""), row("乙市", y, "93", "actual", ""))
	}
	rows = append(rows, row("甲市", 2020, "86", "actual", ""), row("丙市", 2020, "99", "target", ""), row("丁市", 2020, "99", "actual", "at least"))
	d := chartSeries(rows)
	if len(d.panels) != chartPanels || d.panels[0].year != 2020 || d.panels[2].year != 2018 {
		t.Fatalf("panels %+v", d.panels)
	}
	p := d.panels[0]
	if len(p.bars) != 2 || p.bars[0].label != "乙市" || p.bars[1].label != "甲市" || p.bars[1].v != 85 || !p.bars[1].more {
		t.Errorf("2020 panel %+v", p)
	}
	line := chartSeries([]figureRow{row("甲市", 2019, "1", "actual", ""), row("甲市", 2020, "2", "actual", "")})
	if line.line == nil || len(line.line.pts) != 2 || len(line.panels) != 0 {
		t.Errorf("one place, two years: %+v", line)
	}
	if none := chartSeries([]figureRow{row("甲市", 2020, "1", "actual", "")}); none.line != nil || len(none.panels) != 0 {
		t.Errorf("one figure drew a chart: %+v", none)
	}
}

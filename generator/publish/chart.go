package publish

import (
	"fmt"
	"html"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// An indicator's chart is drawn as SVG at build time, so it needs no
// JavaScript, and for the width most readers have: a phone's. Each bar
// has its place and value on a line of its own above it, so nothing is cut
// off and the text stays at least 12 px wide at 360 px (the viewBox is as
// wide as a phone's column; site.css caps how far it grows). Several years
// are small multiples, newest first; a single place with several years is
// a line. Values are in human units (213.8亿元, 12.86万个); the table below
// the chart has them as written. The same drawing is also written as a
// standalone SVG file, with its colours and fonts in attributes.

// chartBars is the most places a panel compares: the highest values; at
// national scale a year has hundreds, which no chart makes readable (the
// table lists them all).
const chartBars = 20

// chartPanels is the most years drawn as small multiples: the newest.
const chartPanels = 3

const (
	chartWidth = 320 // viewBox units; one unit is one CSS pixel in a 360 px phone's column
	chartFont  = 13
)

type chartBar struct {
	label string
	v     float64
	more  bool // the place has other figures that year, in the table
}

type chartPanel struct {
	year   int
	places int // how many places the year has; bars shows at most chartBars
	bars   []chartBar
}

// chartData is what a chart draws, decided from an indicator's rows:
// actual figures in the common unit, exact or "about" (a range or a floor
// is not a bar's length), one per place and year (the first in table
// order; the others are flagged and stay in the table).
type chartData struct {
	unit   string
	panels []chartPanel // bar panels, newest year first
	line   *chartLine
}

type chartLine struct {
	place string
	pts   []chartBar // label: the year
}

func chartSeries(rows []figureRow) chartData {
	d := chartData{unit: commonUnit(rows)}
	byYear := map[int]map[string]int{} // year → place → index in its panel's bars
	bars := map[int][]chartBar{}
	byPlace := map[string]map[int]float64{}
	for _, r := range rows {
		if r.Kind != "actual" || unitClass(r.Canonical) != d.unit || r.Qualifier != "" && r.Qualifier != "about" {
			continue
		}
		v, err := strconv.ParseFloat(r.Number, 64)
		if err != nil {
			continue
		}
		if byYear[r.Year] == nil {
			byYear[r.Year] = map[string]int{}
		}
		if i, ok := byYear[r.Year][r.Place]; ok {
			bars[r.Year][i].more = true
			continue
		}
		byYear[r.Year][r.Place] = len(bars[r.Year])
		bars[r.Year] = append(bars[r.Year], chartBar{label: r.Place, v: v})
		if byPlace[r.Place] == nil {
			byPlace[r.Place] = map[int]float64{}
		}
		byPlace[r.Place][r.Year] = v
	}
	var years []int
	for y, bs := range bars {
		if len(bs) >= 2 {
			years = append(years, y)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(years)))
	for _, y := range years[:min(len(years), chartPanels)] {
		bs := bars[y]
		sort.SliceStable(bs, func(i, j int) bool { return bs[i].v > bs[j].v || bs[i].v == bs[j].v && bs[i].label < bs[j].label })
		d.panels = append(d.panels, chartPanel{year: y, places: len(bs), bars: bs[:min(len(bs), chartBars)]})
	}
	if len(d.panels) > 0 {
		return d
	}
	for _, p := range slices.Sorted(maps.Keys(byPlace)) {
		if len(byPlace[p]) < 2 {
			continue
		}
		l := &chartLine{place: p}
		for y, v := range byPlace[p] {
			l.pts = append(l.pts, chartBar{label: strconv.Itoa(y), v: v})
		}
		sort.Slice(l.pts, func(i, j int) bool { return l.pts[i].label < l.pts[j].label })
		d.line = l
		break
	}
	return d
}

// chartOut is a drawn chart: inline SVG for the page, a standalone SVG
// file, a title and the text alternative (every plotted value in words).
type chartOut struct {
	inline, file, title, alt string
	flagged                  bool // some place had several figures in a year
}

// chart draws an indicator's chart; the zero chartOut when there is
// nothing to compare (one figure is a number, not a chart).
func chart(lang Lang, ui map[string]string, name string, rows []figureRow) chartOut {
	d := chartSeries(rows)
	unit := lang.Convert(d.unit)
	var out chartOut
	var words []string
	switch {
	case len(d.panels) > 0:
		var ys []string
		for _, p := range d.panels {
			ys = append(ys, strconv.Itoa(p.year))
			var ws []string
			for _, b := range p.bars {
				ws = append(ws, b.label+" "+grouped(b.v)+unit)
				out.flagged = out.flagged || b.more
			}
			head := fmt.Sprintf(lang.UI(ui["chart_panel"]), p.year, p.places)
			words = append(words, head+"："+strings.Join(ws, "；"))
		}
		out.title = fmt.Sprintf(lang.UI(ui["chart_bars"]), name, strings.Join(ys, "、"))
	case d.line != nil:
		var ws []string
		for _, p := range d.line.pts {
			ws = append(ws, p.label+" "+grouped(p.v)+unit)
		}
		words = append(words, strings.Join(ws, "；"))
		out.title = fmt.Sprintf(lang.UI(ui["chart_line"]), name, d.line.place)
	default:
		return chartOut{}
	}
	out.alt = out.title + "。" + strings.Join(words, "。") + "。"
	more := lang.UI(ui["chart_more_mark"])
	panel := func(p chartPanel) string { return fmt.Sprintf(lang.UI(ui["chart_panel"]), p.year, p.places) }
	value := func(v, scale float64) string { return lang.Convert(human(v, scale, d.unit)) } // 万 → 萬
	out.inline = drawChart(d, value, more, panel, out.title, out.alt, false)
	out.file = drawChart(d, value, more, panel, out.title, out.alt, true)
	return out
}

// drawChart writes the SVG. standalone adds the namespace, a visible title
// and colours and fonts as attributes (the page styles the inline one with
// site.css, light and dark).
func drawChart(d chartData, value func(v, scale float64) string, more string, panelTitle func(chartPanel) string, title, alt string, standalone bool) string {
	var b strings.Builder
	esc := html.EscapeString
	const lineH, barH, gap = 18, 12, 10
	fg, bar := "", ""
	if standalone {
		fg, bar = ` fill="#1f2328"`, ` fill="#0b5cad"`
	}
	var body strings.Builder
	y := 0
	if standalone {
		y += lineH + 4
		fmt.Fprintf(&body, `<text x="0" y="%d" font-weight="700"%s>%s</text>`, y-6, fg, esc(title))
	}
	if d.line == nil {
		for _, p := range d.panels {
			max := 0.0
			for _, b := range p.bars {
				max = math.Max(max, b.v)
			}
			if max <= 0 {
				max = 1
			}
			y += lineH
			fmt.Fprintf(&body, `<text x="0" y="%d" font-weight="700" class="panel"%s>%s</text>`, y-4, fg, esc(panelTitle(p)))
			for _, bb := range p.bars {
				label := bb.label
				if bb.more {
					label += more
				}
				y += lineH
				fmt.Fprintf(&body, `<text x="0" y="%d" class="label"%s>%s</text>`, y-4, fg, esc(label))
				fmt.Fprintf(&body, `<text x="%d" y="%d" text-anchor="end" class="value"%s>%s</text>`, chartWidth, y-4, fg, esc(value(bb.v, max)))
				w := max1(int(math.Round(math.Max(bb.v, 0) / max * chartWidth)))
				fmt.Fprintf(&body, `<rect x="0" y="%d" width="%d" height="%d" class="bar"%s/>`, y, w, barH, bar)
				y += barH + 4
			}
			y += gap
		}
	} else {
		const h, padX = 150, 28
		pts := d.line.pts
		max := 0.0
		for _, p := range pts {
			max = math.Max(max, p.v)
		}
		if max <= 0 {
			max = 1
		}
		top := y + lineH + 4
		step := float64(chartWidth-2*padX) / float64(len(pts)-1)
		var path []string
		for i, p := range pts {
			x := float64(padX) + float64(i)*step
			py := float64(top) + (1-p.v/max)*float64(h-2*lineH)
			path = append(path, fmt.Sprintf("%.1f,%.1f", x, py))
			fmt.Fprintf(&body, `<circle cx="%.1f" cy="%.1f" r="4" class="dot"%s/>`, x, py, bar)
			fmt.Fprintf(&body, `<text x="%.1f" y="%.1f" text-anchor="middle" class="value"%s>%s</text>`, x, py-8, fg, esc(value(p.v, max)))
			fmt.Fprintf(&body, `<text x="%.1f" y="%d" text-anchor="middle" class="label"%s>%s</text>`, x, top+h-lineH+4, fg, esc(p.label))
		}
		stroke := ""
		if standalone {
			stroke = ` fill="none" stroke="#0b5cad" stroke-width="2"`
		}
		fmt.Fprintf(&body, `<polyline points="%s" class="line"%s/>`, strings.Join(path, " "), stroke)
		y = top + h
	}
	ns, font := "", ""
	if standalone {
		ns = ` xmlns="http://www.w3.org/2000/svg"`
		font = fmt.Sprintf(` font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" font-size="%d"`, chartFont)
	}
	fmt.Fprintf(&b, `<svg%s class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s"%s><title>%s</title>`, ns, chartWidth, y, esc(alt), font, esc(title))
	b.WriteString(body.String())
	b.WriteString(`</svg>`)
	if standalone {
		b.WriteByte('\n')
	}
	return b.String()
}

// human writes a value in the units a reader says it in: 亿 from a hundred
// million, 万 from a hundred thousand, with at most four significant
// digits (21,380,840,000元 → 213.8亿元, 128,557个 → 12.86万个); smaller
// values and percentages as they are, with separators. The figure as
// written is in the table, so rounding here loses nothing. scale is the
// largest value drawn beside this one: a chart writes all its values in
// one unit (17.8万 beside 2.96万, not beside 29,613).
func human(v, scale float64, unit string) string {
	a := math.Max(math.Abs(v), math.Abs(scale))
	switch {
	case unit == "%" || a < 1e5:
		return grouped(v) + unit
	case a >= 1e8:
		return sig4(v/1e8) + "亿" + unit
	default:
		return sig4(v/1e4) + "万" + unit
	}
}

// sig4 rounds to four significant digits, without trailing zeros.
func sig4(v float64) string {
	digits := 4 - int(math.Floor(math.Log10(math.Abs(v)))) - 1
	if digits < 0 {
		digits = 0
	}
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return grouped(mustFloat(s))
}

func mustFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// grouped writes a value with thousands separators: 21,380,840,000.
func grouped(v float64) string {
	s := formatNumber(v)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

func max1(w int) int {
	if w < 1 {
		return 1
	}
	return w
}

// commonUnit is the canonical unit most of an indicator's figures share;
// figures in other units are left out of the chart (never out of the table).
func commonUnit(rows []figureRow) string {
	n := map[string]int{}
	best := ""
	for _, r := range rows {
		u := unitClass(r.Canonical)
		n[u]++
		if n[u] > n[best] || n[u] == n[best] && u < best {
			best = u
		}
	}
	return best
}

// unitClass is the unit a chart compares in: 名 and 人 both count people
// (in either script).
func unitClass(u string) string {
	if u == "名" {
		return "人"
	}
	return u
}

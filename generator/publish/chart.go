package publish

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"
)

// chart draws an indicator's achieved figures as inline SVG, at build time,
// so it needs no JavaScript: bars comparing places in the year with the
// most places, or, when only one place has figures, a line across years.
// It returns "" when there is nothing to compare (one figure is a number,
// not a chart). alt is the text alternative: every plotted value in words.
func chart(lang Lang, ui map[string]string, name string, rows []figureRow) (svg, alt string) {
	unit := commonUnit(rows)
	type point struct {
		label string
		v     float64
	}
	byYear := map[int]map[string]float64{}
	byPlace := map[string]map[int]float64{}
	for _, r := range rows {
		if r.Kind != "actual" || unitClass(r.Canonical) != unit || r.Qualifier != "" && r.Qualifier != "about" {
			continue
		}
		v, err := strconv.ParseFloat(r.Number, 64)
		if err != nil {
			continue
		}
		if byYear[r.Year] == nil {
			byYear[r.Year] = map[string]float64{}
		}
		if byPlace[r.Place] == nil {
			byPlace[r.Place] = map[int]float64{}
		}
		// With conflicting figures for one place and year, the chart shows
		// the first in table order; the table shows them all, flagged.
		if _, ok := byYear[r.Year][r.Place]; !ok {
			byYear[r.Year][r.Place] = v
			byPlace[r.Place][r.Year] = v
		}
	}
	bestYear, bestN := 0, 1
	for y, m := range byYear {
		if len(m) > bestN || len(m) == bestN && y > bestYear && bestYear != 0 {
			bestYear, bestN = y, len(m)
		}
	}
	var pts []point
	var title string
	line := false
	if bestYear != 0 {
		for p, v := range byYear[bestYear] {
			pts = append(pts, point{p, v})
		}
		sort.Slice(pts, func(i, j int) bool { return pts[i].v > pts[j].v || pts[i].v == pts[j].v && pts[i].label < pts[j].label })
		title = fmt.Sprintf(lang.Convert(ui["chart_bars"]), name, bestYear)
		if len(pts) > chartBars {
			title += fmt.Sprintf(lang.Convert(ui["chart_top"]), chartBars, len(pts))
			pts = pts[:chartBars]
		}
	} else {
		for p, ys := range byPlace {
			if len(ys) < 2 {
				continue
			}
			for y, v := range ys {
				pts = append(pts, point{strconv.Itoa(y), v})
			}
			sort.Slice(pts, func(i, j int) bool { return pts[i].label < pts[j].label })
			title = fmt.Sprintf(lang.Convert(ui["chart_line"]), name, p)
			line = true
			break
		}
	}
	if len(pts) < 2 {
		return "", ""
	}
	unitLabel := lang.Convert(unit)
	var words []string
	for _, p := range pts {
		words = append(words, p.label+" "+grouped(p.v)+unitLabel)
	}
	alt = title + "：" + strings.Join(words, "；") + "。"

	max := 0.0
	for _, p := range pts {
		max = math.Max(max, p.v)
	}
	if max == 0 {
		max = 1
	}
	var b strings.Builder
	esc := html.EscapeString
	if !line {
		const rowH, left, width = 28, 120, 640
		h := len(pts)*rowH + 10
		fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s"><title>%s</title>`, width, h, esc(alt), esc(title))
		for i, p := range pts {
			y := 5 + i*rowH
			w := int(math.Round(p.v / max * float64(width-left-150)))
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" class="label">%s</text>`, left-8, y+18, esc(p.label))
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" class="bar"/>`, left, y+4, max1(w), rowH-8)
			fmt.Fprintf(&b, `<text x="%d" y="%d" class="value">%s</text>`, left+max1(w)+6, y+18, esc(grouped(p.v)+unitLabel))
		}
	} else {
		const width, h, pad = 640, 240, 50
		fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s"><title>%s</title>`, width, h, esc(alt), esc(title))
		step := float64(width-2*pad) / float64(len(pts)-1)
		var path []string
		for i, p := range pts {
			x := float64(pad) + float64(i)*step
			y := float64(h-pad) - p.v/max*float64(h-2*pad)
			path = append(path, fmt.Sprintf("%.1f,%.1f", x, y))
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="4" class="dot"/>`, x, y)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" class="value">%s</text>`, x, y-10, esc(grouped(p.v)+unitLabel))
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" class="label">%s</text>`, x, h-pad+22, esc(p.label))
		}
		fmt.Fprintf(&b, `<polyline points="%s" class="line"/>`, strings.Join(path, " "))
	}
	b.WriteString(`</svg>`)
	return b.String(), alt
}

// chartBars is the most places a bar chart compares: the highest values;
// at national scale a year has hundreds, which no chart makes readable (the
// table below lists them all).
const chartBars = 20

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

package publish

import (
	"testing"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/pipeline"
)

// TestPlaceTreeCounts checks the counts and the shape of the places tree on
// reports built to hold the cases that went wrong: a county whose figures
// are named only in a sentence (no paragraph of its own), a parent first
// met as someone's ancestor (it must not become a second root), a
// paragraph whose only year is a target, and figures of a target year.
func TestPlaceTreeCounts(t *testing.T) {
	henan := pipeline.Place{Code: "410000", Name: "河南省", Level: "province", Path: "henan"}
	zmd := pipeline.Place{Code: "411700", Name: "驻马店市", Level: "prefecture", Path: "henan/zhumadian"}
	pingyu := &pipeline.Place{Code: "411723", Name: "平舆县", Level: "county", Path: "henan/zhumadian/pingyu",
		Parents: []pipeline.Place{henan, zmd}}
	zmdFull := &pipeline.Place{Code: zmd.Code, Name: zmd.Name, Level: zmd.Level, Path: zmd.Path, Parents: []pipeline.Place{henan}}
	para := func(id string, p *pipeline.Place, y int, target bool) pipeline.Paragraph {
		return pipeline.Paragraph{Paragraph: clean.Paragraph{ID: id}, Place: p, Year: y, YearIsTarget: target}
	}
	fig := func(p *pipeline.Place, y int, kind string) pipeline.Observation {
		return pipeline.Observation{Place: p, PlaceCode: p.Code, Year: y, Kind: kind}
	}
	reports := []pipeline.Report{
		{Year: 2022,
			Paragraphs: []pipeline.Paragraph{para("p1", pingyu, 2022, false), para("p2", pingyu, 2025, true), para("p3", zmdFull, 2022, false)},
			Figures:    []pipeline.Observation{fig(pingyu, 2022, "actual"), fig(pingyu, 2025, "target"), fig(pingyu, 2025, "target")}},
	}
	tree := placeTree(reports)
	rs := roots(tree)
	if len(rs) != 1 || rs[0].place.Path != "henan" {
		var got []string
		for _, r := range rs {
			got = append(got, r.place.Path)
		}
		t.Fatalf("roots = %v, want [henan]", got)
	}
	tests := []struct {
		path                string
		paragraphs, figures int
		years               map[int]yearMaterial // excerpts counted by len only
	}{
		{"henan", 3, 3, nil},
		{"henan/zhumadian", 3, 3, map[int]yearMaterial{2022: {}}},
		{"henan/zhumadian/pingyu", 2, 3, map[int]yearMaterial{2022: {figures: 1}, 2025: {figures: 2, targets: 2}}},
	}
	wantExcerpts := map[string]map[int]int{"henan/zhumadian": {2022: 1}, "henan/zhumadian/pingyu": {2022: 2, 2025: 0}}
	for _, tc := range tests {
		n := tree[tc.path]
		if n == nil {
			t.Fatalf("no node %s", tc.path)
		}
		if n.paragraphs != tc.paragraphs || n.figures != tc.figures {
			t.Errorf("%s: %d paragraphs, %d figures; want %d, %d", tc.path, n.paragraphs, n.figures, tc.paragraphs, tc.figures)
		}
		if tc.years == nil {
			continue
		}
		if len(n.years) != len(tc.years) {
			t.Errorf("%s: years %v, want %v", tc.path, n.sortedYears(), tc.years)
		}
		for y, want := range tc.years {
			got := n.years[y]
			if got == nil {
				t.Errorf("%s: no year %d", tc.path, y)
				continue
			}
			if got.figures != want.figures || got.targets != want.targets || len(got.excerpts) != wantExcerpts[tc.path][y] {
				t.Errorf("%s %d: %d excerpts, %d figures, %d targets; want %d, %d, %d", tc.path, y,
					len(got.excerpts), got.figures, got.targets, wantExcerpts[tc.path][y], want.figures, want.targets)
			}
		}
	}
}

// TestLatestByIndicator: each indicator's latest year with an actual figure,
// every figure of that year, targets and unregistered figures left out.
func TestLatestByIndicator(t *testing.T) {
	byYear := map[int][]figureRow{
		2019: {{Indicator: "a", Kind: "actual", Value: "a19"}, {Indicator: "b", Kind: "actual", Value: "b19"}},
		2020: {{Indicator: "a", Kind: "actual", Value: "a20x"}, {Indicator: "a", Kind: "actual", Value: "a20y"}, {Indicator: "", Kind: "actual", Value: "u20"}},
		2025: {{Indicator: "a", Kind: "target", Value: "a25"}, {Indicator: "b", Kind: "change", Value: "b25"}},
	}
	var got []string
	for _, r := range latestByIndicator(byYear) {
		got = append(got, r.Value)
	}
	want := []string{"a20x", "a20y", "b19"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

package publish

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/pipeline"
)

// One sentence holding thousands of figures: each figure's quote in the
// downloads and the search index is a window around it, the report's
// quotes together stay within the budget, each quote holds its figure, and
// the report page still carries the whole sentence.
func TestQuotesAreBounded(t *testing.T) {
	const n = 2500
	r := manyFigures(0, 1, "")
	var sentence strings.Builder
	sentence.WriteString("全市")
	type span struct{ start, end int }
	var spans []span
	for i := 1; i <= n; i++ {
		if i > 1 {
			sentence.WriteString("、")
		}
		start := utf8.RuneCountInString(sentence.String())
		fmt.Fprintf(&sentence, "%d所", i)
		spans = append(spans, span{start, utf8.RuneCountInString(sentence.String())})
	}
	sentence.WriteString("。")
	text := sentence.String()
	r.Paragraphs[0].Paragraph = clean.Paragraph{ID: "p1", Text: text}
	r.Paragraphs[0].Hans, r.Paragraphs[0].Hant = text, text
	place := r.Paragraphs[0].Place
	for i, s := range spans {
		r.Figures = append(r.Figures, pipeline.Observation{
			ID: fmt.Sprintf("r1-p1-%d", i+1), Source: "r1", Paragraph: "p1", Label: "学校", Value: fmt.Sprint(i + 1), Unit: "所",
			Number: float64(i + 1), CanonicalUnit: "所", PlaceCode: place.Code, PlaceName: place.Name, Place: place, Year: 2020, Kind: "actual",
			Quote: text, Start: s.start, End: s.end,
		})
	}
	files, err := Build([]pipeline.Report{r}, Site{UI: map[string]string{"place_year_title": "%s %d年", "part_title": "（第%d页，共%d页）"}}, sameScript{})
	if err != nil {
		t.Fatal(err)
	}
	size := 0
	for path, data := range files {
		if strings.HasPrefix(path, "data/generated/") {
			size += len(data)
		}
	}
	t.Logf("data/generated: %d bytes for %d figures in one %d-byte sentence", size, n, len(text))
	var published struct {
		Observations []struct {
			Value string `json:"value"`
			Quote string `json:"quote_hans"`
		} `json:"observations"`
	}
	if err := json.Unmarshal(files[ObservationsJSON], &published); err != nil {
		t.Fatal(err)
	}
	obs := published.Observations
	if len(obs) != n {
		t.Fatalf("%d figures in observations.json, want %d", len(obs), n)
	}
	total, bare := 0, 0
	for _, o := range obs {
		runes := utf8.RuneCountInString(o.Quote)
		total += runes
		if !strings.Contains(o.Quote, o.Value+"所") {
			t.Fatalf("quote %q does not hold its figure %s所", o.Quote, o.Value)
		}
		if limit := 2*quoteContext + utf8.RuneCountInString(o.Value+"所") + 2; runes > limit {
			t.Fatalf("quote of %s所 has %d runes, over the window's %d", o.Value, runes, limit)
		}
		if o.Quote == "…"+o.Value+"所…" {
			bare++
		}
	}
	if maxTotal := reportQuoteBudget + n*len("…2500所…"); total > maxTotal {
		t.Errorf("the report's quotes hold %d runes, over %d", total, maxTotal)
	}
	if bare == 0 || bare == n {
		t.Errorf("%d of %d quotes are the bare figure: the budget should give the first figures a window and the rest none", bare, n)
	}
	if !strings.Contains(string(files["content/zh-hans/sources/r1.md"]), "[2499所](#f-p1-2499 \"学校\")、[2500所](#f-p1-2500 \"学校\")。") {
		t.Error("the report page lost the end of the sentence")
	}
}

// Short sentences are quoted whole, with no marks.
func TestShortQuotesWhole(t *testing.T) {
	r := manyFigures(0, 1, "")
	text := "全市共有幼儿园58所。"
	r.Paragraphs[0].Paragraph = clean.Paragraph{ID: "p1", Text: text}
	r.Figures = []pipeline.Observation{{ID: "r1-p1-1", Paragraph: "p1", Quote: text, Start: 7, End: 10}}
	if q := boundQuotes(&r); len(q) != 1 || q[0].marked(q[0].text) != text {
		t.Errorf("quotes %+v, want the sentence whole", q)
	}
}

package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestPublishedFiguresAgainstGold measures what the site publishes — the
// figures after every real stage (decode, clean, convert, place, extract) —
// against the hand-written gold set in generator/extract/testdata/gold.yaml.
// The extractor's own gold test cuts paragraphs itself; this one catches a
// stage upstream that changes what the extractor sees.
func TestPublishedFiguresAgainstGold(t *testing.T) {
	root := filepath.Join("..", "..")
	env, err := LoadEnv(root)
	if err != nil {
		t.Fatal(err)
	}
	reports, err := Run(env)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(root, "generator", "extract", "testdata", "gold.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string][]struct {
		Value, Unit, Place, Kind string
		Year                     int
	}
	if err := yaml.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	fold := env.Converter.ToHans
	var published, golden, matched, place, year, kind int
	for _, r := range reports {
		g := gold[r.Source.ID]
		if g == nil {
			continue
		}
		golden += len(g)
		used := make([]bool, len(g))
		for _, o := range r.Figures {
			published++
			// Among gold figures with the same value and unit, take the one
			// that agrees most (place, year, kind), so that the same number
			// twice in a report is matched to the right one.
			best, bestScore := -1, -1
			for i, f := range g {
				if used[i] || fold(o.Value) != fold(f.Value) || fold(o.Unit) != fold(f.Unit) {
					continue
				}
				score := 0
				for _, agree := range []bool{samePlace(o, f.Place, fold), o.Year == f.Year, o.Kind == f.Kind} {
					if agree {
						score++
					}
				}
				if score > bestScore {
					best, bestScore = i, score
				}
			}
			if best < 0 {
				t.Logf("%s: published but not in the gold set: %s %s%s (%s)", r.Source.ID, o.ID, o.Value, o.Unit, o.Quote)
				continue
			}
			used[best] = true
			matched++
			f := g[best]
			if samePlace(o, f.Place, fold) {
				place++
			} else {
				t.Logf("%s: %s %s%s place %s, gold %s", r.Source.ID, o.ID, o.Value, o.Unit, o.PlaceName, f.Place)
			}
			if o.Year == f.Year {
				year++
			} else {
				t.Logf("%s: %s %s%s year %d, gold %d", r.Source.ID, o.ID, o.Value, o.Unit, o.Year, f.Year)
			}
			if o.Kind == f.Kind {
				kind++
			} else {
				t.Logf("%s: %s %s%s kind %s, gold %s", r.Source.ID, o.ID, o.Value, o.Unit, o.Kind, f.Kind)
			}
		}
		for i, f := range g {
			if !used[i] {
				t.Logf("%s: in the gold set but not published: %s%s (%s %d)", r.Source.ID, f.Value, f.Unit, f.Place, f.Year)
			}
		}
	}
	if published == 0 || golden == 0 || matched == 0 {
		t.Fatalf("nothing to measure: %d published, %d in the gold set", published, golden)
	}
	precision, recall := float64(matched)/float64(published), float64(matched)/float64(golden)
	t.Logf("published figures against the gold set: %d published, %d gold, %d matched", published, golden, matched)
	t.Logf("precision %.3f recall %.3f; on matched figures place %.3f year %.3f kind %.3f",
		precision, recall, float64(place)/float64(matched), float64(year)/float64(matched), float64(kind)/float64(matched))
	if precision < 0.90 || recall < 0.90 {
		t.Errorf("precision %.3f or recall %.3f below 0.90", precision, recall)
	}
	for name, acc := range map[string]int{"place": place, "year": year, "kind": kind} {
		if a := float64(acc) / float64(matched); a < 0.90 {
			t.Errorf("%s accuracy %.3f below 0.90", name, a)
		}
	}
}

// samePlace: the gold set names an anonymised place as the report does
// (城乡一体化示范区); the site qualifies it by its masked parent
// (XX市城乡一体化示范区) so that it is never merged with a real place.
func samePlace(o Observation, gold string, fold func(string) string) bool {
	if fold(o.PlaceName) == fold(gold) {
		return true
	}
	return o.Place != nil && o.Place.Kind == "anonymised" && strings.HasSuffix(fold(o.PlaceName), fold(gold))
}

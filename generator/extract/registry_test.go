package extract

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadRegistry(t *testing.T) {
	r := loadTestRegistry(t)
	if n := len(r.Indicators); n < 40 {
		t.Errorf("%d indicators, want at least 40", n)
	}
	cats := map[string]int{}
	for _, ind := range r.Indicators {
		cats[ind.Category]++
	}
	for _, c := range categories {
		if c == "high_school" || c == "health" {
			continue // few figures of these in the corpus, but each has indicators below
		}
		if cats[c] == 0 {
			t.Errorf("no indicator in category %s", c)
		}
	}
	if r.Indicator("inclusive_kindergarten_coverage") == nil {
		t.Error("inclusive_kindergarten_coverage missing")
	}
}

func TestParseRegistryErrors(t *testing.T) {
	base := "version: 1\nindicators:\n  - id: a\n    name_hans: 甲\n    name_en: A\n    unit: count\n    category: funding\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", base + "    colour: red\n", "line 8"},
		{"duplicate id", base + "  - id: a\n    name_hans: 乙\n    name_en: B\n    unit: count\n    category: funding\n", "reg.yaml:8: duplicate id"},
		{"bad unit", strings.Replace(base, "unit: count", "unit: apples", 1), "reg.yaml:3: a: unit \"apples\""},
		{"bad category", strings.Replace(base, "category: funding", "category: sport", 1), "category \"sport\""},
		{"non-ASCII id", strings.Replace(base, "id: a", "id: 甲", 1), "use lower-case ASCII"},
		{"missing name", strings.Replace(base, "name_en: A", "name_en: \"\"", 1), "name_en are required"},
		{"empty", "", "empty registry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRegistry("reg.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "reg.yaml") {
				t.Errorf("error = %v, want one naming reg.yaml and containing %q", err, tt.want)
			}
		})
	}
	if _, err := LoadRegistry(filepath.Join("testdata", "missing.yaml")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestFoldChangingLength(t *testing.T) {
	r := loadTestRegistry(t)
	// A fold that changes the text's length is applied rune by rune, and
	// offsets stay on the original text.
	r.SetFold(func(s string) string {
		return strings.ReplaceAll(testFold(s), "職普比", "职业教育与普通教育之比")
	})
	in := Input{SourceID: "s", ParagraphID: "p", Text: "職普比由2019年的28%提升至33.33%。", Year: 2020}
	obs := r.Extract(in)
	if len(obs) != 2 || obs[1].Indicator != "vocational_general_ratio" {
		t.Fatalf("got %+v", obs)
	}
	checkObservation(t, in, obs[0])
}

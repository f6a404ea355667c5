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
	entry := "    unit: count\n    category: funding\n    measure: flow\n    definition_hans: 甲的数\n    definition_en: count of A\n"
	base := "version: 1\nindicators:\n  - id: a\n    name_hans: 甲\n    name_en: A\n" + entry
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", base + "    colour: red\n", "line 11"},
		{"duplicate id", base + "  - id: a\n    name_hans: 乙\n    name_en: B\n" + entry, "reg.yaml:11: duplicate id"},
		{"bad measure", strings.Replace(base, "measure: flow", "measure: level", 1), "measure \"level\""},
		{"no definition", strings.Replace(base, "    definition_en: count of A\n", "", 1), "definition_hans and definition_en are required"},
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

// A figure is tied only when its own noun phrase states the measure
// (tie.go): head-final, not the last item of a list, a stock only when its
// wording stands alone, the unit of the indicator's kind. Sentences of the
// shapes met in bulletins, news and self-evaluations of several provinces.
func TestTieOwnNounPhrase(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct {
		label, unitKind, want string
	}{
		{"全省共有幼儿园", "count", "kindergartens"},
		{"幼儿园", "count", "kindergartens"},
		{"幼儿园教职工", "count", ""},  // head-final: staff, not kindergartens
		{"普惠性幼儿园", "count", ""},  // a subset of a stock
		{"排查幼儿园", "count", ""},   // kindergartens inspected
		{"中小学、幼儿园", "count", ""}, // the last item of a list
		{"新建幼儿园", "count", "kindergartens_built"},
		{"新建公办幼儿园", "count", "kindergartens_built"}, // 新建…幼儿园
		{"新建中小学、幼儿园", "count", ""},                  // no list separator inside a gap
		{"在园(班)幼儿", "count", "children_in_kindergartens"},
		{"普惠性幼儿园在园(班)幼儿", "count", ""},
		{"一般公共预算教育经费（包括教育事业费、基建经费和教育费附加）", "money", "edu_expenditure_general_budget"},
		{"一般公共预算教育支出", "percent", ""}, // a growth rate is not an amount
		{"民办学校中举办者投入", "money", ""},
		{"新增公辦學位", "count", "new_school_places"}, // Traditional folds first
		{"小学适龄儿童入学率和在校生巩固率", "percent", ""},
		{"义务教育阶段巩固率", "percent", "compulsory_retention_rate"},
		{"专职保安人员配备数量", "count", "school_security_guards"},
	} {
		got := ""
		if ind := r.tie(c.label, c.unitKind); ind != nil {
			got = ind.ID
		}
		if got != c.want {
			t.Errorf("tie(%q, %s) = %q, want %q", c.label, c.unitKind, got, c.want)
		}
	}
}

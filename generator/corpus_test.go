package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpusAgainstGold runs the editor's flow over the development corpus
// and the seeds (go run ./generator corpus) and fails below the floors of
// generator/testdata/corpus_floors.yaml. It skips when ../shared/corpus is
// absent.
func TestCorpusAgainstGold(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus harness builds a site: not in -short")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(root, "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no corpus at %s", corpus)
	}
	res, err := measureCorpus(root, corpus, false)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	res.print(&b, false)
	t.Log(b.String())
	f, err := loadFloors(filepath.Join(root, "generator", "testdata", "corpus_floors.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.belowFloors(f) {
		t.Error(p)
	}
}

func identity(s string) string { return s }

func TestFigureKey(t *testing.T) {
	m := measurer{fold: identity}
	for _, c := range []struct{ aValue, aUnit, bValue, bUnit string }{
		{"20万", "个", "20", "万个"},      // a multiplier after the number belongs to the unit
		{"四万八千五百", "个", "48500", "个"}, // Chinese numerals count as their value
		{"1,200", "人", "1200", "人"},
		{"14.80", "%", "14.8", "%"},
		{"1.2", "成", "1.2", "成"},
	} {
		if a, b := m.figureKey(c.aValue, c.aUnit), m.figureKey(c.bValue, c.bUnit); a != b {
			t.Errorf("%s%s = %q, %s%s = %q: want the same", c.aValue, c.aUnit, a, c.bValue, c.bUnit, b)
		}
	}
	for _, c := range []struct{ aValue, aUnit, bValue, bUnit string }{
		{"20", "个", "20", "万个"},
		{"20", "所", "20", "个"},
		{"1∶15", "", "1∶16", ""},
	} {
		if a, b := m.figureKey(c.aValue, c.aUnit), m.figureKey(c.bValue, c.bUnit); a == b {
			t.Errorf("%s%s and %s%s both %q: want different", c.aValue, c.aUnit, c.bValue, c.bUnit, a)
		}
	}
}

func TestLabelRight(t *testing.T) {
	for _, c := range []struct {
		label, gold string
		want        bool
	}{
		{"专任教师", "专任教师", true},
		{"普惠性幼儿园", "普惠性幼儿园比上年增加", true},
		{"成立了", "党组织", false},              // a verb with an aspect particle names nothing
		{"学前教育毛入园率保持在", "学前教育毛入园率", false}, // ends in the verb leading to the number
		{"县（市", "受检县(市、区)", false},         // an unbalanced bracket is a fragment
		{"2020年新增学位", "新增学位", false},       // a year is not part of what is counted
		{"位次", "全省排名位次", true},
		{"新增学位", "在园幼儿", false},
		{"县（市、区）", "深入县(市、区)", true},          // single characters between punctuation
		{"2岁专班", "萃湖幼儿园2岁专班", true},           // an age is not a year
		{"2020年度新增学位", "新增学位", false},         // another measure's words
		{"城市公办园学位相对不足的地区和学校", "公办园学位", false}, // too long to be a label, and mostly other words
	} {
		if got := labelRight(c.label, c.gold); got != c.want {
			t.Errorf("labelRight(%q, %q) = %v, want %v", c.label, c.gold, got, c.want)
		}
	}
}

func TestSamePlaceName(t *testing.T) {
	m := measurer{fold: identity}
	for _, c := range []struct {
		published, gold string
		want            bool
	}{
		{"广西壮族自治区", "广西", true},
		{"香港特别行政区", "香港", true},
		{"XX市城乡一体化示范区", "城乡一体化示范区", true},
		{"南宁市", "广西", false},
		{"山西省", "山西省", true},
		{"陕西省", "山西省", false},
		{"", "山西省", false},
	} {
		if got := m.samePlaceName(c.published, c.gold); got != c.want {
			t.Errorf("samePlaceName(%q, %q) = %v, want %v", c.published, c.gold, got, c.want)
		}
	}
}

func TestEditorMetaFields(t *testing.T) {
	date := "2019-06-04"
	early := "2020-01-01"
	for _, c := range []struct {
		years string
		date  *string
		title string
		want  int
	}{
		{"2018", &date, "", 2018},
		{"[2010, 2018]", &date, "", 2018},
		{"[2021, 2025]", &early, "", 2021}, // no year of the span by the date: the first
		{"[2020, 2021]", nil, "", 2021},
		{"[2022, 2023]", &date, "县教育局2022年工作总结及2023年工作安排", 2022},
		{"null", nil, "", 0},
	} {
		if got := coversYear(json.RawMessage(c.years), c.date, c.title); got != c.want {
			t.Errorf("coversYear(%s) = %d, want %d", c.years, got, c.want)
		}
	}
	for desc, want := range map[string]string{
		"news summary of a national inspection feedback":               "news",
		"report summary of the State Council education-supervision":    "report",
		"provincial education statistical bulletin (教育事业发展统计公报)":       "report",
		"government self-evaluation report (履行教育职责自评报告)":               "self-evaluation",
		"interview with a provincial education department deputy":      "interview",
		"speech by the provincial governor at the conference":          "speech",
		"official bureau progress teaser on school-place construction": "other",
	} {
		if got := schemaKind(desc); got != want {
			t.Errorf("schemaKind(%q) = %s, want %s", desc, got, want)
		}
	}
}

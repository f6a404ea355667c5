package main

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// observation is the part of observations.json these tests read.
type observation struct {
	ID        string `json:"id"`
	Value     string `json:"value"`
	Unit      string `json:"unit"`
	Year      string `json:"year"`
	Source    string `json:"source"`
	PlaceCode string `json:"place_code"`
	QuoteHans string `json:"quote_hans"`
	QuoteHant string `json:"quote_hant"`
}

func readObservations(t *testing.T, root string) []observation {
	t.Helper()
	var obs []observation
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(root, "data", "generated", "observations.json"))), &obs); err != nil {
		t.Fatal(err)
	}
	return obs
}

// Invisible characters inside numbers do not change the published figure:
// the number a reader sees on the page is the number in the data.
func TestInvisibleCharactersDoNotSplitFigures(t *testing.T) {
	root := copyTree(t)
	addRaw(t, root, "invisible", "2021年XX市教育工作报告\n全市共有幼儿园1\u200b200所，在校学生3\ufeff500人，教育投入2\u00ad5亿元。\n教师\u202e人数\u202c增加。\n")
	if err := generate(root, generateOptions{noCache: true}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range readObservations(t, root) {
		if o.Source == "invisible" {
			got = append(got, o.Value+o.Unit)
		}
	}
	sort.Strings(got)
	if want := []string{"1200所", "25亿元", "3500人"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("figures %v, want %v", got, want)
	}
	page := readFile(t, filepath.Join(root, "content", "zh-hans", "sources", "invisible.md"))
	if strings.ContainsAny(page, "\u200b\ufeff\u00ad\u202e\u202c") {
		t.Error("an invisible character reached the report's page")
	}
	if !strings.Contains(page, "⟨U+202E⟩") {
		t.Error("the edit log does not name the removed characters")
	}
}

// Places outside the gazetteer whose names share a toneless pinyin (or have
// none) get pages of their own, one report each, in both scripts.
func TestUnlistedHomonymsKeepTheirOwnPages(t *testing.T) {
	root := copyTree(t)
	names := map[string]string{"huoxing-a": "火星市", "huoxing-b": "火性市", "marks-a": "！！！", "marks-b": "？？？", "alone": "水星市"}
	for id, name := range names {
		addWithMeta(t, root, id, "2021年"+name+"教育工作报告\n全市共有幼儿园58所。\n",
			"title: 2021年"+name+"教育工作报告\nkind: report\ncovers_year: 2021\nplaces: [\""+name+"\"]\n")
	}
	if err := generate(root, generateOptions{noCache: true}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh-hans", "zh-hant"} {
		pages, err := filepath.Glob(filepath.Join(root, "content", lang, "places", "unlisted", "*", "_index.md"))
		if err != nil {
			t.Fatal(err)
		}
		reportsOn := map[string][]string{} // page → reports it lists
		for _, page := range pages {
			text := readFile(t, page)
			for id := range names {
				if strings.Contains(text, `"`+id+`"`) {
					reportsOn[page] = append(reportsOn[page], id)
				}
			}
		}
		if len(reportsOn) != len(names) {
			t.Errorf("%s: %d unlisted place pages with reports, want %d: %v", lang, len(reportsOn), len(names), reportsOn)
		}
		for page, ids := range reportsOn {
			if len(ids) != 1 {
				t.Errorf("%s lists %v: different places merged", page, ids)
			}
		}
	}
	// A name no other shares keeps its plain slug.
	readFile(t, filepath.Join(root, "content", "zh-hans", "places", "unlisted", "shuixingshi", "_index.md"))
	// Figures carry the place they were found in.
	codes := map[string]string{}
	for _, o := range readObservations(t, root) {
		codes[o.Source] = o.PlaceCode
	}
	if codes["huoxing-a"] == codes["huoxing-b"] || codes["marks-a"] == codes["marks-b"] || codes["huoxing-a"] == "" {
		t.Errorf("figures of different places share a place code: %v", codes)
	}
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/site"
	"github.com/eduportal/portal/generator/source"
	"github.com/eduportal/portal/generator/verify"
)

// observation is the part of observations.json these tests read.
type observation struct {
	ID        string `json:"id"`
	Value     string `json:"value"`
	Unit      string `json:"unit"`
	Year      *int   `json:"year"`
	Source    string `json:"source"`
	PlaceCode string `json:"place_code"`
	QuoteHans string `json:"quote_hans"`
	QuoteHant string `json:"quote_hant"`
}

func readObservations(t *testing.T, root string) []observation {
	t.Helper()
	var published struct {
		Observations []observation `json:"observations"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(root, "data", "generated", "observations.json"))), &published); err != nil {
		t.Fatal(err)
	}
	return published.Observations
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

// The hover text of a correction mark shows the editor's note as written:
// no backslash from the Markdown escaping (\<script\>, \"yàn)\"), and the
// markup in it stays text.
func TestMarkHoverTextHasNoEscapes(t *testing.T) {
	root := copyTree(t)
	addRaw(t, root, "hover", "2021年XX市教育工作报告\n推进学(xué)?;A(chǔ)能力建设，共有学校58所。\n")
	note := `<script>alert(1)</script> 础's pinyin "chǔ)" survives; a \ stays`
	corrections := "- source: hover\n  damaged: \"?;A(chǔ)\"\n  restored: 校基础\n  note: '" + strings.ReplaceAll(note, "'", "''") + "'\n"
	if err := os.WriteFile(filepath.Join(root, "data", "corrections.yaml"), []byte(corrections), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := generate(root, generateOptions{noCache: true}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(root, "public")
	if err := site.Build(site.Options{Root: root}, public, verify.Check); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(readFile(t, filepath.Join(public, "zh-hans", "sources", "hover", "index.html"))))
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "ins" || (n.Data == "a" && attrOf(n, "class") == "fig")) {
			titles = append(titles, attrOf(n, "title"))
		}
		if n.Type == html.ElementNode && n.Data == "script" && attrOf(n, "src") == "" && attrOf(n, "type") == "" {
			t.Error("an inline <script> element on the page")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	found := false
	for _, title := range titles {
		if strings.Contains(title, `\<`) || strings.Contains(title, `\"`) {
			t.Errorf("hover text keeps Markdown escapes: %q", title)
		}
		if strings.HasSuffix(title, note) {
			found = true
		}
	}
	if !found {
		t.Errorf("no mark's hover text ends with the note %q: %q", note, titles)
	}
}

// Corrections that restore nothing, and a missing corrections.yaml, stop
// the build with the file and line instead of silently dropping them.
func TestCorrectionsThatRestoreNothingFail(t *testing.T) {
	root := copyTree(t)
	addRaw(t, root, "damaged", "2021年XX市教育工作报告\n推进学(xué)?;A(chǔ)能力建设。\n")
	path := filepath.Join(root, "data", "corrections.yaml")
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown source", "- source: nobody\n  damaged: \"?;A(chǔ)\"\n  restored: 校基础\n  note: n\n", "corrections.yaml:1: correction for nobody"},
		{"damaged text matches nothing", "- source: damaged\n  damaged: \"?;A(chu)\"\n  restored: 校基础\n  note: n\n", `corrections.yaml:1: correction of "?;A(chu)" matches no damaged span of damaged`},
	} {
		if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		err := generate(root, generateOptions{noCache: true})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	os.Remove(path)
	if err := generate(root, generateOptions{noCache: true}); err == nil || !strings.Contains(err.Error(), "corrections.yaml is missing") {
		t.Errorf("missing corrections.yaml: %v", err)
	}
}

// The text of a report's paragraphs is built in one allocation, however
// many paragraphs there are (adding to a string allocated once per
// paragraph and copied all the text so far: quadratic).
func TestParagraphsTextIsBuiltOnce(t *testing.T) {
	ps := make([]pipeline.Paragraph, 10000)
	for i := range ps {
		ps[i].Text = "全市共有幼儿园58所。"
	}
	if got := paragraphsText(ps[:2]); got != "全市共有幼儿园58所。\n全市共有幼儿园58所。\n" {
		t.Fatalf("paragraphsText = %q", got)
	}
	if allocs := testing.AllocsPerRun(5, func() { paragraphsText(ps) }); allocs > 1 {
		t.Errorf("%v allocations for %d paragraphs, want 1", allocs, len(ps))
	}
}

// A figure whose year nothing gives shows 不明 (unknown) in its year column,
// never the year 0; a report with no text left gets a warning.
func TestUnknownYearsAndEmptyReports(t *testing.T) {
	root := copyTree(t)
	addWithMeta(t, root, "undated", "XX市教育工作报告\n全市共有幼儿园58所。\n", "title: XX市教育工作报告\nkind: report\n")
	if err := generate(root, generateOptions{noCache: true}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(root, "public")
	if err := site.Build(site.Options{Root: root}, public, verify.Check); err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, lang := range []string{"zh-hans", "zh-hant"} {
		pages, _ := filepath.Glob(filepath.Join(public, lang, "indicators", "*", "index.html"))
		pages = append(pages, filepath.Join(public, lang, "sources", "undated", "index.html"))
		for _, page := range pages {
			text := readFile(t, page)
			if !strings.Contains(text, "undated") {
				continue
			}
			if strings.Contains(text, "<td class=num>0</td>") {
				t.Errorf("%s shows the year 0", page)
			}
			if strings.Contains(text, "<td class=num>不明</td>") {
				shown++
			}
		}
	}
	if shown == 0 {
		t.Error("no page shows the figure's year as unknown")
	}

	env, err := pipeline.LoadEnv(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"\n  \n\t\n", "——————\n＊＊＊\n", "分享到：\n"} {
		r, err := env.Process(source.Report{ID: "empty", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		warned := false
		for _, w := range r.Warnings {
			warned = warned || strings.Contains(w, "no text left") || strings.Contains(w, "no Chinese text")
		}
		if !warned {
			t.Errorf("%q: %d paragraphs, no warning (%v)", text, len(r.Paragraphs), r.Warnings)
		}
	}
}

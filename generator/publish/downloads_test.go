package publish

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/pipeline"
)

func TestExcelSafe(t *testing.T) {
	fs := []field{{Name: "t", Type: "string"}, {Name: "n", Type: "number"}, {Name: "u", Type: "string", Format: "uri"}}
	for _, c := range []struct{ in, want []string }{
		{[]string{"=SUM(A1)", "-5", "https://x/"}, []string{"'=SUM(A1)", "-5", "https://x/"}},
		{[]string{"+86 电话", "3", ""}, []string{"'+86 电话", "3", ""}},
		{[]string{"-增长", "", ""}, []string{"'-增长", "", ""}},
		{[]string{"@用户", "", ""}, []string{"'@用户", "", ""}},
		{[]string{"\t隐藏", "", ""}, []string{"'\t隐藏", "", ""}},
		{[]string{"普惠率=90%", "", ""}, []string{"普惠率=90%", "", ""}},
		{[]string{"", "", ""}, []string{"", "", ""}},
	} {
		got := append([]string(nil), c.in...)
		excelSafe(got, fs)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("excelSafe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestDownloadsTypedAndSafe builds the downloads of a report whose label
// starts like a formula: the CSV cell is prefixed, the JSON keeps the
// text and types every value, and every registered indicator has a file.
func TestDownloadsTypedAndSafe(t *testing.T) {
	r := manyFigures(2, 1, "schools")
	r.Figures[0].Label = "=HYPERLINK(\"x\")"
	r.Figures[1].Conflict = true
	inds := []pipeline.Indicator{{ID: "schools", Name: pipeline.Twin{Hans: "学校", Hant: "學校"}}, {ID: "empty_one", Name: pipeline.Twin{Hans: "无", Hant: "無"}}}
	files, err := Build([]pipeline.Report{r}, Site{UI: map[string]string{}, Indicators: inds, BaseURL: "https://example.org/"}, sameScript{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files[downloadsDir+"/observations.csv"], []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	if got := rows[1][col["label_hans"]]; got != "'=HYPERLINK(\"x\")" {
		t.Errorf("the formula label is %q in the CSV", got)
	}
	var doc struct {
		Metadata     jsonMeta         `json:"metadata"`
		Observations []map[string]any `json:"observations"`
	}
	if err := json.Unmarshal(files[ObservationsJSON], &doc); err != nil {
		t.Fatalf("observations.json does not parse: %v", err)
	}
	if len(doc.Observations) != 2 || len(doc.Metadata.Schema.Fields) != len(observationFields) {
		t.Fatalf("observations.json holds %d figures and %d fields", len(doc.Observations), len(doc.Metadata.Schema.Fields))
	}
	o := doc.Observations[0]
	if o["label_hans"] != "=HYPERLINK(\"x\")" {
		t.Errorf("JSON label %v, want the text as found", o["label_hans"])
	}
	if _, ok := o["number"].(float64); !ok {
		t.Errorf("number is %T, want a JSON number", o["number"])
	}
	if _, ok := o["year"].(float64); !ok {
		t.Errorf("year is %T, want a JSON number", o["year"])
	}
	if o["conflict"] != false || doc.Observations[1]["conflict"] != true {
		t.Errorf("conflict is %v and %v, want JSON false and true", o["conflict"], doc.Observations[1]["conflict"])
	}
	if v, ok := o["base_year"]; !ok || v != nil {
		t.Errorf("base_year is %v (present %v), want null", v, ok)
	}
	if _, ok := files[downloadsDir+"/indicators/empty_one.csv"]; !ok {
		t.Error("a registered indicator without figures has no CSV")
	}
	for _, name := range []string{"sources.csv", "datapackage.json", schemaFile, "README.txt"} {
		if len(files[downloadsDir+"/"+name]) == 0 {
			t.Errorf("no %s", name)
		}
	}
	// The README lists every column of both tables, in both languages.
	readme := string(files[downloadsDir+"/README.txt"])
	for _, f := range append(append([]field(nil), observationFields...), sourceFields...) {
		if strings.Count(readme, "\n"+f.Name+" ") < 2 {
			t.Errorf("README.txt does not describe %s in both languages", f.Name)
		}
	}
}

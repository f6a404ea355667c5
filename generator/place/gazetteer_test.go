package place

import (
	"strings"
	"sync"
	"testing"
)

// testHant is a tiny character converter standing in for the script
// package: enough for the names the tests and the corpus use.
func testHant(s string) string {
	return hantReplacer.Replace(s)
}

var hantReplacer = func() *strings.Replacer {
	pairs := "济濟东東县縣区區马馬驻駐舆輿乐樂门門厦廈庄莊汉漢阳陽台臺湾灣广廣华華聊聊城城唐唐兴興长長乡鄉镇鎮边邊龙龍宁寧辽遼岛島师師尔爾万萬义義别別"
	var args []string
	rs := []rune(pairs)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			args = append(args, string(rs[i]), string(rs[i+1]))
		}
	}
	return strings.NewReplacer(args...)
}()

var (
	gazOnce sync.Once
	gaz     *Gazetteer
	gazErr  error
)

// loadTest loads the committed gazetteer once for all tests.
func loadTest(t *testing.T) *Gazetteer {
	t.Helper()
	gazOnce.Do(func() { gaz, gazErr = Load("../../data/places", testHant) })
	if gazErr != nil {
		t.Fatal(gazErr)
	}
	return gaz
}

func TestCounts(t *testing.T) {
	g := loadTest(t)
	c := g.Counts()
	// 31 mainland provinces + Taiwan; Hong Kong and Macao are special regions.
	if c[LevelProvince] != 32 {
		t.Errorf("provinces: %d, want 32", c[LevelProvince])
	}
	if c[LevelPrefecture] < 330 || c[LevelCounty]+c[LevelDistrict]+c[LevelCountyCity] < 2800 {
		t.Errorf("counts look wrong: %v", c)
	}
	if g.Version != "2.7.0" {
		t.Errorf("version %q", g.Version)
	}
}

// TestSlugsUnique checks the whole gazetteer: siblings never share a slug,
// and every slug is a clean URL segment.
func TestSlugsUnique(t *testing.T) {
	g := loadTest(t)
	seen := map[string]string{}
	for _, p := range g.Places() {
		if !slugRE.MatchString(p.Slug) {
			t.Errorf("%s %s: bad slug %q", p.Code, p.Name, p.Slug)
		}
		k := p.Parent + "/" + p.Slug
		if other, dup := seen[k]; dup {
			t.Errorf("%s and %s share slug %q under %s", other, p.Code, p.Slug, p.Parent)
		}
		seen[k] = p.Code
	}
}

func TestURLPath(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct{ code, want string }{
		{"370100", "shandong/jinan"},
		{"411723", "henan/zhumadian/pingyu"},
		{"371500", "shandong/liaocheng"},
		{"370402", "shandong/zaozhuang/shizhong"},
		{"110108", "beijing/haidian"}, // no 市辖区 level
		{"500000", "chongqing"},
		{"430100", "hunan/changsha"},
		{"341500", "anhui/luan"},
		{"340300", "anhui/bengbu"},
		{"350200", "fujian/xiamen"},
		{"330382", "zhejiang/wenzhou/yueqing"},
		{"440113", "guangdong/guangzhou/panyu"},
		{"140400", "shanxi/changzhi"},
		{"140428", "shanxi/changzhi/zhangzi"},
		{"610100", "shaanxi/xian"},
		{"371522", "shandong/liaocheng/shenxian"}, // 莘县: one character left, keeps 县
		{"450000", "guangxi"},
		{"222400", "jilin/yanbian"},
		{"419001", "henan/jiyuan"}, // 省直辖县级行政区划 skipped
		{"810000", "xianggang"},
		{"999999", ""},
	} {
		if got := g.URLPath(tc.code); got != tc.want {
			t.Errorf("URLPath(%s) = %q, want %q", tc.code, got, tc.want)
		}
	}
}

func TestPlaceFields(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct{ code, short, level, hant string }{
		{"370000", "山东", LevelProvince, "山東省"},
		{"370100", "济南", LevelPrefecture, "濟南市"},
		{"370103", "市中", LevelDistrict, "市中區"},
		{"370126", "商河", LevelCounty, "商河縣"},
		{"370481", "滕州", LevelCountyCity, "滕州市"},
		{"140302", "城区", LevelDistrict, "城區"},
		{"810000", "香港", LevelSpecial, "香港特別行政區"},
		{"429021", "神农架", LevelSpecial, "神农架林區"},
		{"370176", "济南高新技术产业开发区", LevelZone, ""},
		{"710000", "台湾", LevelProvince, "臺灣省"},
		{"210100", "沈阳", LevelPrefecture, "瀋陽市"}, // override wins over the converter
	} {
		p, ok := g.Place(tc.code)
		if !ok {
			t.Errorf("%s missing", tc.code)
			continue
		}
		if p.Short != tc.short || p.Level != tc.level || tc.hant != "" && p.NameHant != tc.hant {
			t.Errorf("%s: short %q level %q hant %q; want %q %q %q", tc.code, p.Short, p.Level, p.NameHant, tc.short, tc.level, tc.hant)
		}
	}
	if got := g.Path("371526"); len(got) != 3 || got[1].Name != "聊城市" {
		t.Errorf("Path(高唐县) = %v", got)
	}
}

func TestOverrideErrors(t *testing.T) {
	divs := []Division{{Code: "370000", Name: "山东省", Level: LevelProvince}, {Code: "370100", Parent: "370000", Name: "济南市", Level: LevelPrefecture}}
	for _, tc := range []struct {
		ov   Override
		want string
	}{
		{Override{Code: "370100", Name: "青岛市", Slug: "x", line: 7}, "o.yaml:7: code 370100 is 济南市, not 青岛市"},
		{Override{Code: "379999", Name: "济南市", line: 3}, "o.yaml:3: code 379999 is not in the gazetteer"},
	} {
		_, err := build(divs, "", []Override{tc.ov}, "o.yaml", nil)
		if err == nil || err.Error() != tc.want {
			t.Errorf("got %v, want %s", err, tc.want)
		}
	}
	// A collision without an override is refused, naming both places.
	divs = append(divs, Division{Code: "370200", Parent: "370000", Name: "济楠市", Level: LevelPrefecture})
	if _, err := build(divs, "", nil, "o.yaml", nil); err == nil || !strings.Contains(err.Error(), "370200") {
		t.Errorf("collision: %v", err)
	}
}

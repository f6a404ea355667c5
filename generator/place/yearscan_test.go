package place

import (
	"reflect"
	"regexp"
	"testing"
)

// The patterns the scanners read by hand; the scanners must find exactly
// what the regular expressions find.
var (
	yearPattern       = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:\s*[-—–－~～至到]\s*((?:19|20)[0-9]{2}))?\s*年`)
	schoolYearPattern = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:\s*[-—–－~～/至]\s*(?:(?:19|20)?[0-9]{2}))?\s*[学學]年`)
	deicticPattern    = regexp.MustCompile(`[全我本]([省市区县州旗])`)
	relativePattern   = regexp.MustCompile(`前年|去年|今年|本年|明年`)
)

var yearScanSeeds = []string{
	"", "2020年", "2020年2021年", "在2019年和2020 年", "2019—2022年", "2019 - 2022 年目标", "2019-22年",
	"2022-2023学年", "2022-23學年", "2022/23学年度", "2022至2023学年", "2019-201学年", "12020年", "x2020",
	"到2025年全市", "我区2023年", "全省县", "本市本县", "全", "安全区", "\xff2020年", "2020\xff年", "全\xff市",
	"１９９９年", "1999年1999年", "2020\n年", "2020\v年", "20202021年",
	"今年", "去年年", "前年今年明年", "本年度", "\xff去年", "去\xff年", "年", "今今年",
}

func checkYearScan(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name string
		got  [][]int
		re   *regexp.Regexp
	}{
		{"year", yearMatches(s), yearPattern},
		{"school year", schoolYearMatches(s), schoolYearPattern},
		{"deictic", deicticMatches(s), deicticPattern},
		{"relative", relativeMatches(s), relativePattern},
	} {
		want := c.re.FindAllStringSubmatchIndex(s, -1)
		if len(want) == 0 && len(c.got) == 0 {
			continue
		}
		if !reflect.DeepEqual(c.got, want) {
			t.Errorf("%s in %q: got %v, want %v", c.name, s, c.got, want)
		}
	}
}

func TestYearScannersMatchPatterns(t *testing.T) {
	for _, s := range yearScanSeeds {
		checkYearScan(t, s)
	}
}

func FuzzYearScannersMatchPatterns(f *testing.F) {
	for _, s := range yearScanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkYearScan(t, s) })
}

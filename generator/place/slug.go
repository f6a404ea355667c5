package place

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// Pinyin returns s as lowercase toneless pinyin with no separators
// (驻马店 → zhumadian): the form of a URL segment. ASCII letters and digits
// are kept (lowercased), everything else is dropped. ü is written v, as
// go-pinyin and most Chinese sites do (吕 → lv).
//
// go-pinyin reads each character on its own, with its most common reading,
// so polyphonic place names (重庆, 长沙, 六安, 蚌埠, 厦门 …) need a slug
// override in data/places/overrides.yaml; see TestSlugOverrides.
func Pinyin(s string) string {
	var b strings.Builder
	args := pinyin.NewArgs() // Normal style: no tones
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
		case placeReading[r] != "":
			b.WriteString(placeReading[r])
		case unicode.Is(unicode.Han, r):
			if p := pinyin.SinglePinyin(r, args); len(p) > 0 {
				b.WriteString(p[0])
			}
		}
	}
	return b.String()
}

// placeReading overrides go-pinyin's default reading for characters that
// are read one way in (nearly) every place name: 长 is chang in 长沙, 长春,
// 长清 … (长子县 zhangzi is an override), 都 is du (成都), 藏 is zang
// (西藏), 重 chong (重庆, 三重), 厦 xia, 蚌 beng, 涡 guo (涡阳). Readings
// particular to one name (六安 luan, 乐清 yueqing, 番禺 panyu, 东阿 donge …)
// are slug overrides in overrides.yaml.
var placeReading = map[rune]string{'长': "chang", '都': "du", '藏': "zang", '重': "chong", '厦': "xia", '蚌': "beng", '涡': "guo"}

// adminSuffixes are the suffixes dropped to make a short name, longest
// first. 乡 and 镇 only occur in the Taiwan rows.
var adminSuffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "盟", "县", "区", "旗", "乡", "镇"}

// ethnicNames are stripped after 自治…: 恩施土家族苗族自治州 → 恩施.
var ethnicNames = strings.Fields(`蒙古族 回族 藏族 维吾尔族 维吾尔 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族
土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族
土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族
俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 各族`)

// shortName drops the administrative suffix of a Simplified name
// (济南市 → 济南, 延边朝鲜族自治州 → 延边). Functional zones keep their
// whole name, and so does any name that would shrink below two characters
// (城区, 郊区, 矿区, 东区): one character is not a name.
func shortName(name, level string) string {
	if level == LevelZone {
		return name
	}
	s := name
	for _, suf := range adminSuffixes {
		if strings.HasSuffix(s, suf) {
			s = strings.TrimSuffix(s, suf)
			if strings.HasPrefix(suf, "自治") {
				s = stripEthnic(s)
			}
			break
		}
	}
	if utf8.RuneCountInString(s) < 2 {
		return name
	}
	return s
}

func stripEthnic(s string) string {
	for changed := true; changed; {
		changed = false
		for _, e := range ethnicNames {
			if strings.HasSuffix(s, e) && utf8.RuneCountInString(s) > utf8.RuneCountInString(e)+1 {
				s = strings.TrimSuffix(s, e)
				changed = true
			}
		}
	}
	return s
}

// assignSlugs gives each child of one parent its URL segment: the override
// if there is one, else the pinyin of the short name when no sibling shares
// it, else the pinyin of the full name. It returns the codes whose slug is
// still not unique; Load refuses such a gazetteer, so a collision is fixed
// by an override and never by a silent number.
func assignSlugs(sibs []*Place, override map[string]string) (clash []string) {
	short := map[string]int{}
	for _, p := range sibs {
		if _, ok := override[p.Code]; !ok {
			short[Pinyin(p.Short)]++
		}
	}
	for _, p := range sibs {
		if s, ok := override[p.Code]; ok {
			short[s] += 2 // an override always wins its slug
		}
	}
	used := map[string]string{}
	for _, p := range sibs {
		switch s, ok := override[p.Code]; {
		case ok:
			p.Slug = s
		case short[Pinyin(p.Short)] == 1:
			p.Slug = Pinyin(p.Short)
		default:
			p.Slug = Pinyin(p.Name)
		}
		if other, dup := used[p.Slug]; dup || p.Slug == "" {
			clash = append(clash, other, p.Code)
		}
		used[p.Slug] = p.Code
	}
	return clash
}

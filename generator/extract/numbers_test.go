package extract

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"2138084", 2138084, true},
		{"14.80", 14.8, true},
		{"5,599", 5599, true},
		{"1 122", 1122, true},
		{"1,234,567.5", 1234567.5, true},
		{"两", 2, true},
		{"十", 10, true},
		{"十二", 12, true},
		{"二十三", 23, true},
		{"一百零八", 108, true},
		{"三千五百", 3500, true},
		{"两万", 20000, true},
		{"三万五千", 35000, true},
		{"2.67万", 26700, true},
		{"22亿", 2.2e9, true},
		{"9.02万", 90200, true},
		{"1.2万亿", 1.2e12, true},
		{"十万", 100000, true},
		{"萬", 0, false},
		{"十三五", 0, false},
		{"一二三", 0, false},
		{"二〇二〇", 0, false},
		{"千万", 0, false},
		{"百姓", 0, false},
		{"1..2", 0, false},
		{"12,34", 0, false},
		{"", 0, false},
		{"abc", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("ParseNumber(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && math.Abs(got-tt.want) > 1e-6*math.Max(1, tt.want) {
			t.Errorf("ParseNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// quantities scans a Simplified text the way Extract does.
func quantities(text string) []Quantity {
	rs := []rune(text)
	f := make([]rune, len(rs))
	for i, c := range rs {
		f[i] = normRune(c)
	}
	var out []Quantity
	for i := 0; i < len(f); {
		if i > 0 && (isASCIIDigit(f[i-1]) || isCNNumeral(f[i-1])) {
			i++
			continue
		}
		q, next, ok := scanQuantity(f, rs, i)
		if ok {
			out = append(out, q)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return out
}

func TestScanQuantity(t *testing.T) {
	tests := []struct {
		text, value, unit string
		number            float64
		canonical         string
		qualifier         string
		rangeHigh         float64
	}{
		{"教育支出2138084万元,", "2138084万", "元", 21380840000, "元", "", 0},
		{"奖励性补贴22亿元", "22亿", "元", 2.2e9, "元", "", 0},
		{"新增学位9.02万个", "9.02万", "个", 90200, "个", "", 0},
		{"新增学位2.67万个", "2.67万", "个", 26700, "个", "", 0},
		{"30多个政策文件", "30", "个", 30, "个", "more than", 0},
		{"补充教师2100余人", "2100", "人", 2100, "人", "more than", 0},
		{"累计补充教师2.5万余人", "2.5万", "人", 25000, "人", "more than", 0},
		{"约3.3万名", "3.3万", "名", 33000, "名", "about", 0},
		{"近200个行业企业", "200", "个", 200, "个", "nearly", 0},
		{"公办园比例达到57%以上", "57", "%", 57, "%", "at least", 0},
		{"不低于5%", "5", "%", 5, "%", "at least", 0},
		{"不超过5%", "5", "%", 5, "%", "at most", 0},
		{"超过5%", "5", "%", 5, "%", "more than", 0},
		{"每月600元至1000元", "600", "元", 600, "元", "", 1000},
		{"每月600至1000元", "600", "元", 600, "元", "", 1000},
		{"超目标10个百分点", "10", "个百分点", 10, "pp", "", 0},
		{"增长14.80%", "14.80", "%", 14.8, "%", "", 0},
		{"交流校长、教师2449人次", "2449", "人次", 2449, "人次", "", 0},
		{"提高2倍", "2", "倍", 2, "倍", "", 0},
		{"共有1 122所", "1 122", "所", 1122, "所", "", 0},
		{"共5,599人", "5,599", "人", 5599, "人", "", 0},
		{"二十三个", "二十三", "个", 23, "个", "", 0},
		{"一百零八人", "一百零八", "人", 108, "人", "", 0},
		{"规划面积12.3萬平方米", "12.3萬", "平方米", 123000, "平方米", "", 0},
		{"新增學位29613個", "29613", "個", 29613, "个", "", 0},
	}
	for _, tt := range tests {
		qs := quantities(tt.text)
		if len(qs) != 1 {
			t.Errorf("%q: %d quantities, want 1: %+v", tt.text, len(qs), qs)
			continue
		}
		q := qs[0]
		if q.Value != tt.value || q.Unit != tt.unit || math.Abs(q.Number-tt.number) > 1e-6 ||
			q.CanonicalUnit != tt.canonical || q.Qualifier != tt.qualifier || q.RangeHigh != tt.rangeHigh {
			t.Errorf("%q: got %q %q %v %q %q range %v, want %q %q %v %q %q range %v", tt.text,
				q.Value, q.Unit, q.Number, q.CanonicalUnit, q.Qualifier, q.RangeHigh,
				tt.value, tt.unit, tt.number, tt.canonical, tt.qualifier, tt.rangeHigh)
		}
	}
}

// FuzzParseNumber checks the number parser and scanner never panic, never
// give a negative or infinite value, and that what they report as written is
// really in the text.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"2138084", "14.80", "5,599", "1 122", "二十三", "一百零八", "2.67万", "22亿元",
		"9.02万个", "30多个", "600元至1000元", "10个百分点", "约3.3万名", "57%以上", "3.2022-2025年", "〔2022〕", "1+1+6"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := ParseNumber(s); err == nil {
			if v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
				t.Fatalf("ParseNumber(%q) = %v", s, v)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		for _, q := range quantities(s) {
			if !strings.Contains(s, q.Value) || !strings.Contains(s, q.Unit) || q.Value == "" || q.Unit == "" && q.UnitKind != "bare" {
				t.Fatalf("%q: value %q unit %q not in text", s, q.Value, q.Unit)
			}
			if q.Number < 0 || math.IsInf(q.Number, 0) || math.IsNaN(q.Number) {
				t.Fatalf("%q: number %v", s, q.Number)
			}
			if q.Start < 0 || q.Start > q.NumStart || q.End > utf8.RuneCountInString(s) || q.UnitEnd > q.End {
				t.Fatalf("%q: bad offsets %+v", s, q)
			}
		}
	})
}

func TestScanRatioAndTime(t *testing.T) {
	qs := quantities("生师比为15.2:1,上午9:00开始,比例1:10")
	if len(qs) != 1 || qs[0].Value != "15.2" || qs[0].CanonicalUnit != ":1" || qs[0].Number != 15.2 {
		t.Fatalf("got %+v", qs)
	}
}

// A number of years is read only as a measure's value, right after the verb
// giving it; a period (近3年, 连续5年, 3年规划, 5年来) is not a figure.
func TestMeasuredYears(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct{ text, want string }{
		{"全省人均预期受教育年限达到12年。", "12年"},
		{"人均受教育年限比2010年增加了1.5年。", "1.5年"},
		{"支教教师服务期为3年。", "3年"},
		{"近3年共撤并改造农村中小学120所。", "120所"},
		{"中考连续5年全市第一。", ""},
		{"制定3年规划。", ""},
		{"5年来新建学校20所。", "20所"},
		{"2020年新建学校20所。", "20所"},
		{"学前教育年限达到三年。", ""},
	} {
		if g := figuresOf(r, c.text, func(o Observation) string { return o.Value + o.Unit }); g != c.want {
			t.Errorf("%q gives %q, want %q", c.text, g, c.want)
		}
	}
}

// 预期 in the name of a statistic (人均预期受教育年限, 预期寿命) is not a
// forecast; before a figure on its own it is (预期新增学位3000个), and so is
// 还要 (will also).
func TestExpectedIsNotAlwaysATarget(t *testing.T) {
	r := loadTestRegistry(t)
	for _, c := range []struct{ text, want string }{
		{"全省人均预期受教育年限达到12年。", KindActual},
		{"全市人均预期寿命达到80岁，新建学校20所。", KindActual},
		{"预期新增学位3000个。", KindTarget},
		{"主城区还要新建2所高中学校。", KindTarget},
		{"今年還要招聘教師300名。", KindTarget},
	} {
		obs := r.Extract(Input{SourceID: "s", ParagraphID: "p1", Text: c.text, Year: 2020})
		if len(obs) == 0 || obs[len(obs)-1].Kind != c.want {
			t.Errorf("%q: %+v, want the last figure %s", c.text, obs, c.want)
		}
	}
}

package jsonout

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// indentCases are values whose JSON exercises every path of
// appendIndented: nesting, empty objects and arrays, escapes inside
// strings (quotes, backslashes, control characters, <>&), numbers, bools,
// null and Chinese text.
var indentCases = []any{
	map[string]any{},
	[]any{},
	"plain",
	42.5,
	nil,
	map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{1, "x", true, nil, map[string]any{"d": []any{[]any{}}}}},
	page{Title: `他说“好”, "quoted" \ back\\slash`, Description: "tab\tnewline\n<b>&</b>", Params: map[string]any{"rows": []row{{Anchor: "f-p1-1", Name: "幼儿园数", Value: "1,600", Quote: `a "q" \"`}}}},
	page{Title: "x", Params: []row{{}, {Name: "}]{[,:"}}, Places: []string{"", "\\"}},
}

func TestAppendIndentedMatchesJSONIndent(t *testing.T) {
	for i, v := range indentCases {
		compact, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact, "", " "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, compact, " ", 0); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("case %d:\n got %s\nwant %s", i, got, want.Bytes())
		}
	}
}

func FuzzAppendIndented(f *testing.F) {
	f.Add("a", "b", 1.5)
	f.Add(`"\`, "}{][,:", -0.0)
	f.Add("\x00\u2028<", "", 1e300)
	f.Fuzz(func(t *testing.T, s1, s2 string, n float64) {
		v := map[string]any{s1: []any{s2, n, map[string]any{}, []any{}, map[string]any{s2: s1}}}
		compact, err := json.Marshal(v)
		if err != nil {
			return // NaN and infinities are not JSON
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact, "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, compact, "  ", 0); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("\n got %s\nwant %s", got, want.Bytes())
		}
	})
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "中文，“引号”", `"\`, "<>&", "\u2028\u2029", "\x00\x1f\b\f", "\xff\xfe", "a\xe2\x80",
		// two characters at a time: plain, then with what must stop it
		"中文字中文字中文字", "中文\u2028中文字", "中\xed\xa0\x80文字中文", "中文字\xe4\xb8中文", "中文\xe4\x38\x80中文字", "中文字中文<字"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}

// The common cases: a report's sentence, Chinese with a few figures and
// full-width punctuation, and a run of Han characters alone.
func BenchmarkAppendStringChinese(b *testing.B) {
	benchAppendString(b, strings.Repeat("2023年，全市共有普通高中学校45所，在校学生12.3万人，专任教师比上年增长3.5%。", 20))
}

func BenchmarkAppendStringHan(b *testing.B) {
	benchAppendString(b, strings.Repeat("全市共有普通高中学校在校学生专任教师比上年增长", 40))
}

func benchAppendString(b *testing.B, s string) {
	dst := make([]byte, 0, 2*len(s))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		dst = AppendString(dst[:0], s)
	}
}

package place

import (
	"slices"
	"testing"
)

func TestMentions(t *testing.T) {
	g := loadTest(t)
	type want struct {
		name, code string
		ambiguous  int
		how        string
	}
	for _, tc := range []struct {
		text string
		want []want
	}{
		{"济南市中区拨付", []want{{"济南市中区", "370103", 0, "name"}}},
		{"市中区拨付3700万元", []want{{"市中区", "", 4, "name"}}},
		{"商河县全力做好", []want{{"商河县", "370126", 0, "name"}}},
		{"接入爱山东日照通", []want{{"山东", "370000", 0, "short"}, {"日照", "371100", 0, "short"}}},
		{"聊城市高唐县被评为", []want{{"聊城市高唐县", "371526", 0, "name"}}},
		{"高唐縣被評為省級", []want{{"高唐縣", "371526", 0, "name"}}}, // Traditional
		{"訪平輿縣教育局", []want{{"平輿縣", "411723", 0, "name"}}},
		{"平原地区的学校", nil},   // 平原 is a word; only 平原县 is found
		{"城区中小学108所", nil}, // 城区 alone is not a place
		{"阳泉市城区", []want{{"阳泉市城区", "140302", 0, "name"}}},
		{"孙中山和朝阳", nil}, // stop-listed short names
		{"原茌平县", []want{{"茌平县", "371503", 0, "former"}}},
		{"海南", []want{{"海南", "", 2, "short"}}}, // province or 海南藏族自治州
	} {
		got := g.Mentions(tc.text)
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %+v, want %+v", tc.text, got, tc.want)
			continue
		}
		for i, w := range tc.want {
			m := got[i]
			if m.Name != w.name || m.Code != w.code || len(m.Ambiguous) != w.ambiguous || m.How != w.how || tc.text[m.Start:m.End] != m.Name {
				t.Errorf("%q: mention %d = %+v, want %+v", tc.text, i, m, w)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"山东省", []string{"370000"}},
		{"济南市", []string{"370100"}},
		{"濟南市", []string{"370100"}},
		{"驻马店市", []string{"411700"}},
		{"平舆县", []string{"411723"}},
		{"市中区", []string{"370103", "370402", "511002", "511102"}},
		{"XX市", nil},
	} {
		if got := g.Lookup(tc.name); !slices.Equal(got, tc.want) {
			t.Errorf("Lookup(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestMentionsTwoCharacterNames(t *testing.T) {
	g := loadTest(t)
	for _, tc := range []struct {
		text string
		want string // code of the only mention, "" for none
	}{
		{"职责清单和县(市、区)领导班子", ""},
		{"创建省级示范县", ""},
		{"振兴县域经济", ""},
		{"完成县级评估", ""},
		{"新县城建设", ""},
		{"出臺中小學生减负措施", ""},
		{"单县教育局", "371722"},
		{"在莘县召开", "371522"},
		{"菏泽市单县", "371722"},
	} {
		got := g.Mentions(tc.text)
		code := ""
		if len(got) == 1 {
			code = got[0].Code
		}
		if len(got) > 1 || code != tc.want {
			t.Errorf("%q: %+v, want %q", tc.text, got, tc.want)
		}
	}
}

package script

import (
	"testing"
)

// TestVocabAgainstOpenCC holds ToHantVocab's phrase step to OpenCC's own
// s2twp test cases (../shared/opencc/testcases.json): the plain chains
// (no project overrides) followed by TWPhrases must give OpenCC's s2twp
// output.
func TestVocabAgainstOpenCC(t *testing.T) {
	tc, ds := openCCCases(t)
	plain := newBase(ds, false)
	n := 0
	for _, k := range tc.Cases {
		want, ok := k.Expected["s2twp"]
		if !ok {
			continue
		}
		n++
		if got := string(plain.appendS2TStage(nil, plain.normalize(k.Input), plain.vocab)); got != want {
			t.Errorf("%s s2twp(%q) = %q, want %q", k.ID, k.Input, got, want)
		}
	}
	if n == 0 {
		t.Fatal("no s2twp cases")
	}
	t.Logf("%d s2twp cases", n)
}

// TestVocabOnlyForInterface: interface text gets Taiwan's words, report text
// (ToHant) keeps the report's.
func TestVocabOnlyForInterface(t *testing.T) {
	c := testConverter(t)
	// back: a Taiwanese text keeps its words in Simplified characters
	// (资料, 连结): ToHans converts characters, not vocabulary.
	for _, tc := range []struct{ in, vocab, hant, back string }{
		{"数据下载", "資料下載", "數據下載", "资料下载"},
		{"段落链接", "段落連結", "段落鏈接", "段落连结"},
		{"搜索本站", "搜尋本站", "搜索本站", "搜寻本站"},
		{"公开的信息", "公開的資訊", "公開的信息", "公开的资讯"},
		{"观看视频", "觀看影片", "觀看視頻", "观看影片"},
		// quotation marks: corner brackets in interface text only
		{"例如“济南”和“聊城 普惠”", "例如「濟南」和「聊城 普惠」", "例如“濟南”和“聊城 普惠”", "例如「济南」和「聊城 普惠」"},
		{"标为“说明‘损坏’的字”", "標為「說明『損壞』的字」", "標為“說明‘損壞’的字”", "标为「说明『损坏』的字」"},
	} {
		if got := c.ToHantVocab(tc.in); got != tc.vocab {
			t.Errorf("ToHantVocab(%q) = %q, want %q", tc.in, got, tc.vocab)
		}
		if got := c.ToHant(tc.in); got != tc.hant {
			t.Errorf("ToHant(%q) = %q, want %q", tc.in, got, tc.hant)
		}
		if got := c.ToHans(tc.hant); got != tc.in {
			t.Errorf("ToHans(%q) = %q, want %q", tc.hant, got, tc.in)
		}
		if got := c.ToHans(tc.vocab); got != tc.back {
			t.Errorf("ToHans(%q) = %q, want %q", tc.vocab, got, tc.back)
		}
	}
}

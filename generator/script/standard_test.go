package script

import (
	"strings"
	"testing"
)

// TestTaiwanStandardForms: data/zh/tw-standard.txt gives Taiwan's standard
// form wherever OpenCC's phrases give a variant, in every phrase and in
// runs between them, and the Simplified direction is unchanged.
func TestTaiwanStandardForms(t *testing.T) {
	c := testConverter(t)
	for _, tc := range []struct{ hans, hant string }{
		// 佈 → 布: phrases of STPhrases (发布会, 新闻发布会, 星罗棋布) and runs
		{"召开新闻发布会", "召開新聞發布會"},
		{"公布评价结果", "公布評價結果"},
		{"优化学校布局", "優化學校布局"},
		{"学校分布不均，星罗棋布", "學校分布不均，星羅棋布"},
		{"颁布实施，遍布全市", "頒布實施，遍布全市"},
		{"任人摆布", "任人擺布"},
		{"发布者", "發布者"},
		// 週轉 → 周轉: STPhrases' 周转, 应收帐款周转率
		{"教师周转宿舍，资金周转", "教師周轉宿舍，資金周轉"},
		{"应收帐款周转率", "應收帳款周轉率"},
	} {
		if got := c.ToHant(tc.hans); got != tc.hant {
			t.Errorf("ToHant(%q) = %q, want %q", tc.hans, got, tc.hant)
		}
		if got := c.ToHant(tc.hant); got != tc.hant {
			t.Errorf("ToHant(%q) = %q, want it unchanged", tc.hant, got)
		}
		if got := c.ToHans(tc.hant); got != tc.hans {
			t.Errorf("ToHans(%q) = %q, want %q", tc.hant, got, tc.hans)
		}
		// interface text too, where TWPhrases would say 釋出 (a software release)
		if got := c.ToHantVocab(tc.hans); strings.ContainsAny(got, "佈釋週") {
			t.Errorf("ToHantVocab(%q) = %q", tc.hans, got)
		}
	}
	// and the received variant becomes the standard form
	for in, want := range map[string]string{"發佈會上宣佈": "發布會上宣布", "教師週轉房": "教師周轉房"} {
		if got := c.ToHant(in); got != want {
			t.Errorf("ToHant(%s) = %q, want %q", in, got, want)
		}
	}
}

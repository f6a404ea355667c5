package script

import "testing"

// TestPhrasePairs checks phrases in both directions for the characters
// whose Simplified form stands for several Traditional ones (or the
// reverse): ToHant(hans) must be hant and ToHans(hant) must be hans.
func TestPhrasePairs(t *testing.T) {
	c := testConverter(t)
	for _, tc := range []struct{ chars, hans, hant string }{
		{"后/後", "皇后在会后回来", "皇后在會後回來"},
		{"后/後", "今后要加强", "今後要加強"},
		{"发/髮", "头发和发展", "頭髮和發展"},
		{"发/髮", "理发店发放奖金", "理髮店發放獎金"},
		{"干/幹/乾", "干部把衣服晾干", "幹部把衣服晾乾"},
		{"干/幹/乾", "饼干很干燥", "餅乾很乾燥"},
		{"干/幹/乾", "干预若干问题", "干預若干問題"},
		{"台/臺/颱", "台风过后上台发言", "颱風過後上臺發言"},
		{"台/臺/颱", "台湾的平台", "臺灣的平臺"},
		{"里/裡", "学校里有十里路", "學校裡有十里路"},
		{"里/裡", "公里和这里", "公里和這裡"},
		{"只/隻", "一只羊只有一个", "一隻羊只有一個"},
		{"系/係", "关系和系统", "關係和系統"},
		{"系/繫", "联系家长", "聯繫家長"},
		{"制/製", "制度和制造", "制度和製造"},
		{"制/製", "研制新药", "研製新藥"},
		{"范/範", "规范和示范", "規範和示範"},
		{"复/復/複", "恢复重复", "恢復重複"},
		{"复/覆", "答复和回复", "答覆和回覆"},
		{"复/複", "复杂的复印", "複雜的複印"},
		{"历/歷/曆", "历史和日历", "歷史和日曆"},
		{"准/準", "批准标准", "批准標準"},
		{"征/徵", "征求意见和长征", "徵求意見和長征"},
		{"征/徵", "特征和征收", "特徵和徵收"},
		{"云/雲", "云计算和人云亦云", "雲計算和人云亦云"},
		{"松/鬆", "松树很放松", "松樹很放鬆"},
		{"面/麵", "面条和方面", "麵條和方面"},
		{"于/於", "关于于是", "關於於是"},
		{"钟/鐘/鍾", "钟表和钟情", "鐘錶和鍾情"},
		{"斗/鬥", "奋斗和一斗米", "奮鬥和一斗米"},
		{"余/餘", "业余时间", "業餘時間"},
		{"冲/衝", "冲突和冲锋", "衝突和衝鋒"},
		{"冲/沖", "冲洗和冲茶", "沖洗和沖茶"},
		{"尽/儘/盡", "尽管尽力", "儘管盡力"},
		{"涌/湧", "涌现出来", "湧現出來"},
		{"卷/捲", "试卷和卷入", "試卷和捲入"},
		{"舍/捨", "宿舍和舍得", "宿舍和捨得"},
	} {
		if got := c.ToHant(tc.hans); got != tc.hant {
			t.Errorf("%s: ToHant(%q) = %q, want %q", tc.chars, tc.hans, got, tc.hant)
		}
		if got := c.ToHans(tc.hant); got != tc.hans {
			t.Errorf("%s: ToHans(%q) = %q, want %q", tc.chars, tc.hant, got, tc.hans)
		}
		if got := c.ToHant(tc.hant); got != tc.hant {
			t.Errorf("%s: ToHant(%q) = %q, want it unchanged", tc.chars, tc.hant, got)
		}
	}
}

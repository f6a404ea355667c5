package script

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Simplified 并 is 並, "and, also, side by side" (并且, 并不, 并举, 并为学生
// 提供), and 併, "to merge" (合併, 兼併, 歸併, 撤併, 併入, 併購).
// STCharacters gives 並 first; STPhrases lists the 併 words, and some of
// them take the 并 of "and" when the next word starts with their second
// character: 并为 (併爲, merged into) in 并为学生提供, 并成 in 并成为, 并力
// in 并力争, 并发 in 并发放, 并入 in 并入选, 并科 in 并科学, 交并 in 提交并.
// A merging verb forms a phrase with 并 (合并, 合并为, 归并到, 兼并, 撤并,
// 一并), matched first; so a 并 that starts a phrase had its verb taken
// by another word (整合|并为, 结合|并成) and is "and" when what follows
// is a word that goes after "and" (andWords). Then it is converted
// alone, as 並, and the text after it is matched again.
//
// The same holds for a phrase X并 whose X ends a word before it: 提交|并,
// 繁忙|并, 精简|并, 互相|并 (andReading). X that merges (合, 归, 兼, 吞, 撤,
// 裁, 侵, 购; 火并, to fight) or negates a merge (不并入) keeps 併, as does X at the start
// of a clause.
//
// Known limit: a merge written without its verb (两校并为一校) reads as
// "and" (並為); reports write 合并为.

// andWords follow 并 "and" where STPhrases has a 并X → 併X phrase.
var andWords = []string{
	"为", "成", "到", "力", "合", "科", "产", "兼", "名", "除", "火",
	"发放", "发布", "发挥", "发出", "发起", "发送", "发给", "发文", "发扬", "发行",
	"发售", "发言", "发生", "发掘", "发力", "发函", "发证",
	"入选", "入围", "入驻", "入列", "入职", "入库", "入编", "入住",
	"线上", "线下", "网上", "网络", "网站", "购买", "购置",
}

// mergers are the X of X并 phrases that mean to merge (or not to).
const mergers = "合归兼吞撤裁侵购不一火"

// andStarts reports whether the phrase key matched at s[i:] (Simplified,
// starting with 并, n its byte length) takes the 并 of "and" from the
// word after it.
func andStarts(s string, i, n int, key string) bool {
	after := s[i+n:]
	for _, w := range andWords {
		if strings.HasPrefix(after, w) && len(key)-n <= len(w) {
			return true
		}
	}
	return false
}

// andEnds reports whether the two-character phrase X并 matched at s[i:]
// (key) is X, the end of the word before it, then 并 "and".
func andEnds(s string, i int, key string) bool {
	x, n := utf8.DecodeRuneInString(key)
	if key[n:] != "并" || strings.ContainsRune(mergers, x) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.Is(unicode.Han, prev)
}
